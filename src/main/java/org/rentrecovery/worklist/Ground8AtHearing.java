package org.rentrecovery.worklist;

/**
 * For a possession hearing still ahead on a notice relying on Ground 8 (Housing Act 1988 Sch 2), whether the
 * arrears meet its threshold today: the ground needs them at the threshold both when the notice was served and on
 * the day of the hearing (vocabulary tGround8AtHearing).
 */
public enum Ground8AtHearing {
    MET, BELOW, NOT_RELEVANT
}
