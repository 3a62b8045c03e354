package org.rentrecovery.limitation;

import java.time.LocalDate;

/**
 * A signed written acknowledgment or a part payment of the debt (Limitation Act 1980 s.29-31), with
 * the tenant who made it when known: an acknowledgment binds only its signer (s.31(6)).
 */
public final class AcknowledgmentMade {
    private final LocalDate date;
    private final String type;
    private final String tenantId;

    public AcknowledgmentMade(LocalDate date, String type, String tenantId) {
        this.date = date;
        this.type = type;
        this.tenantId = tenantId;
    }

    public LocalDate getDate() { return date; }
    public String getType() { return type; }
    public String getTenantId() { return tenantId; }
    /** A signed written acknowledgment (s.30(1)); anything else recorded here is a part payment. */
    public boolean isWritten() { return "WRITTEN".equals(type); }
    public String getDescription() {
        return (isWritten() ? "written acknowledgment" : "part payment") + " of " + date
                + (tenantId == null ? "" : " by " + tenantId);
    }
}
