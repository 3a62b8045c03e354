package org.rentrecovery.worklist;

/** A part of an account's worklist priority score (vocabulary tPriorityComponent). */
public enum PriorityComponent {
    ARREARS, ARREARS_TREND, LIMITATION, NOTICE_LAPSING, BREATHING_SPACE_ENDING, HEARING, GROUND_8_AT_HEARING, BENEFIT_CAP,
    CONTACT, VULNERABILITY
}
