package org.rentrecovery.security;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves: what the token caches take as now (the verifier behind them keeps the real clock). */
final class SettableClock extends Clock {
    private volatile Instant instant;

    SettableClock(long epochSecond) {
        set(epochSecond);
    }

    void set(long epochSecond) {
        instant = Instant.ofEpochSecond(epochSecond);
    }

    @Override
    public Instant instant() {
        return instant;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
