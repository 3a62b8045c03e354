package org.rentrecovery.limitation;

import java.time.LocalDate;

/** A written acknowledgment or part payment of the debt (Limitation Act 1980 s.29, s.30). */
public final class AcknowledgmentMade {
    private final LocalDate date;
    private final String type;

    public AcknowledgmentMade(LocalDate date, String type) {
        this.date = date;
        this.type = type;
    }

    public LocalDate getDate() { return date; }
    public String getType() { return type; }
    public String getDescription() {
        return ("PART_PAYMENT".equals(type) ? "part payment" : "written acknowledgment") + " of " + date;
    }
}
