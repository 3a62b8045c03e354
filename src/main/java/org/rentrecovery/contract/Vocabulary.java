package org.rentrecovery.contract;

/**
 * The closed vocabularies of the case contract (docs/api.md). Unknown values are rejected with a
 * 400, so a typo in a case system can never silently change a decision.
 */
public final class Vocabulary {
    private Vocabulary() {
    }

    public enum LandlordType { LOCAL_AUTHORITY, HOUSING_ASSOCIATION }

    public enum TenancyType {
        SECURE, FLEXIBLE, INTRODUCTORY, ASSURED, ASSURED_SHORTHOLD, STARTER,
        LICENCE_BASIC_PROTECTION, LICENCE_INTERIM_S188;

        /** As a sentence names it, with its article: "an assured tenancy", "a licence with basic protection". */
        public String inWords() {
            String words = switch (this) {
                case LICENCE_BASIC_PROTECTION -> "licence with basic protection";
                case LICENCE_INTERIM_S188 -> "licence of interim accommodation (Housing Act 1996 s.188)";
                default -> name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " tenancy";
            };
            return ("aeiou".indexOf(words.charAt(0)) >= 0 ? "an " : "a ") + words;
        }

        /** Housing Act 1988 tenancies: the only ones Grounds 8, 10 and 11 apply to. */
        public boolean isAssured() {
            return this == ASSURED || this == ASSURED_SHORTHOLD || this == STARTER;
        }

        public boolean isSecure() {
            return this == SECURE || this == FLEXIBLE;
        }

        public boolean isLicence() {
            return this == LICENCE_BASIC_PROTECTION || this == LICENCE_INTERIM_S188;
        }
    }

    public enum Region { LONDON, ENGLAND_OUTSIDE_LONDON }

    public enum RentFrequency { WEEKLY, FORTNIGHTLY, FOUR_WEEKLY, MONTHLY }

    public enum AcknowledgmentType { WRITTEN, PART_PAYMENT }

    public enum ArrangementStatus { NONE, KEPT, BROKEN }

    /** A repayment agreement made through the court or in writing (FORMAL), or agreed informally with an officer. */
    public enum AgreementKind { FORMAL, INFORMAL }

    /** Where a repayment agreement stands: running, broken by missed payments, ended by the landlord, or paid off. */
    public enum AgreementState { LIVE, BREACHED, CANCELLED, COMPLETED }

    public enum HouseholdComposition { SINGLE_NO_CHILDREN, COUPLE_NO_CHILDREN, COUPLE_WITH_CHILDREN, LONE_PARENT }

    public enum HousingCostSupport { NONE, HOUSING_BENEFIT, UNIVERSAL_CREDIT }

    public enum HbPaymentForm { RENT_REBATE, RENT_ALLOWANCE }

    /**
     * Person alerts. Where a HACT UKHDS v3.5 "Alert Regarding Person" category fits, the flag maps
     * to it (see docs/api.md); the rest are protocol or Equality Act triggers HACT does not name.
     */
    public enum VulnerabilityFlag {
        MENTAL_HEALTH, MENTAL_HEALTH_CRISIS, PHYSICAL_DISABILITY, LEARNING_DISABILITY, UNDER_18,
        SAFEGUARDING_CHILD, SAFEGUARDING_ADULT, DOMESTIC_ABUSE, BEREAVEMENT, HOSPITAL_OR_CARE,
        TERMINAL_ILLNESS, LANGUAGE_OR_COMMUNICATION, SUBSTANCE_MISUSE, CARE_LEAVER,
        /** Pre-Action Protocol: a council must consider a community care assessment; one is awaited. */
        COMMUNITY_CARE_ASSESSMENT_PENDING
    }

    public enum AssessmentStatus { NONE, OPEN, COMPLETED }

    public enum BreathingSpaceType { STANDARD, MENTAL_HEALTH_CRISIS }

    public enum InsolvencyType { BANKRUPTCY, DRO, IVA }

    public enum NoticeType { NOSP, SECTION_8, NOTICE_OF_PROCEEDINGS, NOTICE_TO_QUIT }

    public enum Ground { GROUND_1, GROUND_8, GROUND_10, GROUND_11 }

    public enum CourtOrderType { OUTRIGHT, SUSPENDED, POSTPONED }

    /** What a possession hearing decided when it made no order. */
    public enum CourtOutcomeType { ADJOURNED, ADJOURNED_ON_TERMS, STRUCK_OUT, WITHDRAWN, STAYED }

    /** How a recorded step went, for the landlord's tables: a call not answered or a letter returned FAILED. */
    public enum StepOutcome { SUCCEEDED, FAILED }

    public enum JudgmentType { MONEY_JUDGMENT }

    public enum Estate { NONE, SOLVENT, UNKNOWN }
}
