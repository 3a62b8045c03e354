package org.rentrecovery.guards;

import org.rentrecovery.analysis.LegalPosition;
import org.rentrecovery.contract.ActionCategory;
import org.rentrecovery.contract.ActionType;

/**
 * How the legal guards judge a landlord's own action code: as the step of its category the law
 * already has rules for, so every guard on that kind of step holds it for the same reasons. A
 * landlord's letter is a demand (held by a Breathing Space, not sent without arrears); a notice is
 * the notice the tenancy needs; a court step is a possession claim (the Pre-Action Protocol
 * applies); enforcement is a warrant; an admin task involves no one and is never held.
 */
public final class LandlordSteps {
    private LandlordSteps() {
    }

    public static ActionType judgedAs(ActionCategory category, LegalPosition position) {
        return switch (category) {
            case LETTER -> ActionType.SEND_REMINDER_LETTER_1;
            case CONTACT -> ActionType.CONTACT_TENANT;
            case VISIT -> ActionType.HOME_VISIT;
            case NOTICE -> position.notice().requiredAction();
            case COURT -> ActionType.ISSUE_POSSESSION_CLAIM;
            case ENFORCEMENT -> ActionType.APPLY_FOR_WARRANT;
            case SUPPORT -> ActionType.REFER_MONEY_ADVICE;
            case ADMIN -> ActionType.NO_ACTION;
        };
    }
}
