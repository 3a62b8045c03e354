package org.rentrecovery.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.HexFormat;

/**
 * What may go into a log about a case or a failure. A case is named by a hash of its reference,
 * never the reference; a failure by its exception classes and SQL states, never their messages,
 * which can carry the request (the PostgreSQL driver puts a failed row's values in them).
 * docs/data-protection.md says why.
 */
public final class LogSafe {
    private static final int MAX_CAUSES = 8;

    private LogSafe() {
    }

    /** The first 16 hex digits of the SHA-256 of the case reference: the same case, the same hash. */
    public static String caseRefHash(String caseRef) {
        if (caseRef == null) {
            return "none";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(caseRef.getBytes(StandardCharsets.UTF_8));
            return "case#" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The failure's exception classes, outermost first, each with its SQL state when it has one. */
    public static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_CAUSES; depth++, t = t.getCause() == t ? null : t.getCause()) {
            if (depth > 0) {
                text.append(" <- ");
            }
            text.append(name(t));
        }
        return text.toString();
    }

    /** The same chain with every message replaced by {@link #describe}'s words, stack traces kept. */
    public static Throwable redacted(Throwable failure) {
        return redacted(failure, 0);
    }

    private static Throwable redacted(Throwable failure, int depth) {
        if (failure == null || depth >= MAX_CAUSES) {
            return null;
        }
        Redacted copy = new Redacted(name(failure),
                failure.getCause() == failure ? null : redacted(failure.getCause(), depth + 1));
        copy.setStackTrace(failure.getStackTrace());
        return copy;
    }

    private static String name(Throwable t) {
        String name = t instanceof Redacted ? t.getMessage() : t.getClass().getName();
        if (t instanceof SQLException sql && sql.getSQLState() != null) {
            name += " [SQL state " + sql.getSQLState() + "]";
        }
        return name;
    }

    /** A failure whose message has been left out of the log. */
    static final class Redacted extends RuntimeException {
        Redacted(String what, Throwable cause) {
            super(what + " (message withheld: it may hold personal data)", cause, false, true);
        }
    }
}
