package org.rentrecovery.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What was worked out from a bearer token, remembered by the token's exact text: held until the second the token
 * expires by its own {@code exp}, or for a maximum hold (so a key the issuer withdraws stops being honoured within
 * it), whichever comes first; at most {@code capacity} tokens ({@code 0}: nothing is remembered). A flood of distinct
 * tokens at capacity is not remembered rather than evicting the ones in use, and expired entries are purged at most
 * once a second, so such a flood does not scan the map on every miss.
 *
 * @param <V> what is remembered per token
 */
final class TokenMemory<V> {
    private static final long PURGE_INTERVAL_SECONDS = 1;

    private final int capacity;
    private final long maxHoldSeconds;
    private final Map<String, Held<V>> held = new ConcurrentHashMap<>();
    private volatile long nextPurgeSecond = Long.MIN_VALUE;

    private record Held<V>(V value, long validBeforeSecond) {
    }

    TokenMemory(int capacity, long maxHoldSeconds) {
        this.capacity = capacity;
        this.maxHoldSeconds = maxHoldSeconds;
    }

    /** What is remembered for the token, or null when nothing is or it is no longer valid at {@code nowSecond}. */
    V get(String token, long nowSecond) {
        Held<V> known = held.get(token);
        if (known == null) {
            return null;
        }
        if (nowSecond < known.validBeforeSecond()) {
            return known.value();
        }
        held.remove(token, known);
        return null;
    }

    /** Remembers the value for a token that expires at {@code expiresSecond} ({@code <= 0}: no expiry, never remembered). */
    void remember(String token, V value, long expiresSecond, long nowSecond) {
        long validBefore = Math.min(expiresSecond, nowSecond + maxHoldSeconds);
        if (capacity <= 0 || expiresSecond <= 0 || nowSecond >= validBefore) {
            return;
        }
        if (held.size() >= capacity) {
            purgeExpired(nowSecond);
            if (held.size() >= capacity) {
                return;
            }
        }
        held.put(token, new Held<>(value, validBefore));
    }

    int size() {
        return held.size();
    }

    private void purgeExpired(long nowSecond) {
        if (nowSecond < nextPurgeSecond) {
            return;
        }
        nextPurgeSecond = nowSecond + PURGE_INTERVAL_SECONDS;
        held.values().removeIf(entry -> nowSecond >= entry.validBeforeSecond());
    }
}
