package org.rentrecovery.analysis;

import java.time.LocalDate;

import org.rentrecovery.contract.CaseFacts;
import org.rentrecovery.contract.TenantProtections;
import org.rentrecovery.contract.Vocabulary.BreathingSpaceType;
import org.rentrecovery.law.LegalParameters;

/** The case's Breathing Space or mental health crisis moratorium (SI 2020/1311) under the scheme in force on a date. */
final class BreathingSpaces {
    private BreathingSpaces() {
    }

    record Status(boolean active, BreathingSpaceType type, LocalDate start, LocalDate lastDay,
            boolean courtPermission, String reference) {
        static final Status NONE = new Status(false, null, null, null, false, null);
    }

    static Status on(CaseFacts facts, LegalParameters law, LocalDate on) {
        TenantProtections.BreathingSpace bs = facts.breathingSpace();
        if (bs == null) {
            return Status.NONE;
        }
        LegalParameters.BreathingSpaceScheme scheme = law.breathingSpaceOn(on);
        if (scheme == null) {
            return Status.NONE;
        }
        LocalDate lastDay = bs.endDate();
        if (bs.type() == BreathingSpaceType.STANDARD) {
            LocalDate cap = bs.startDate().plusDays(scheme.standardMaxDays() - 1L);
            lastDay = lastDay == null || cap.isBefore(lastDay) ? cap : lastDay;
        }
        boolean active = !bs.startDate().isAfter(on) && (lastDay == null || !on.isAfter(lastDay));
        return new Status(active, bs.type(), bs.startDate(), lastDay, Boolean.TRUE.equals(bs.courtPermission()), scheme.reference());
    }

    /** The case's moratorium, as the notice rules read it (SI 2020/1311 reg 7, reg 9); null if none. */
    static MoratoriumWindow window(CaseFacts facts, LegalParameters law) {
        TenantProtections.BreathingSpace given = facts.breathingSpace();
        if (given == null) {
            return null;
        }
        Status bs = on(facts, law, given.startDate());
        if (bs.start() == null) {
            return null; // before the scheme commenced: no moratorium in law
        }
        return new MoratoriumWindow(bs.start(), bs.lastDay(), bs.courtPermission(),
                law.fixed("breathingSpaceNoticeExtensionWeeks"));
    }
}
