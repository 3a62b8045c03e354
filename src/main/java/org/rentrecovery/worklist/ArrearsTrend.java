package org.rentrecovery.worklist;

/** Which way the arrears have moved over about four weeks (vocabulary tArrearsTrend). */
public enum ArrearsTrend {
    RISING, STEADY, FALLING, NOT_KNOWN
}
