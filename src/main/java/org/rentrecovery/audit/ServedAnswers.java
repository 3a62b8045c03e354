package org.rentrecovery.audit;

/**
 * The JSON an answer was recorded as, handed to the HTTP layer on the same thread so the answer is written once:
 * the bytes served are then exactly the bytes recorded. Only the last recorded answer of the thread is kept, and
 * it is given only for that same answer object, so a stale or foreign entry can never be served.
 */
public final class ServedAnswers {
    private static final ThreadLocal<Recorded> LAST = new ThreadLocal<>();

    private record Recorded(Object answer, byte[] json) {
    }

    private ServedAnswers() {
    }

    static void recorded(Object answer, byte[] json) {
        LAST.set(new Recorded(answer, json));
    }

    /** The JSON {@code answer} was recorded as on this thread, or null when it was not (then write it as usual). */
    public static byte[] take(Object answer) {
        Recorded last = LAST.get();
        if (last == null || last.answer() != answer) {
            return null;
        }
        LAST.remove();
        return last.json();
    }
}
