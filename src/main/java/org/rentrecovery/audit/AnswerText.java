package org.rentrecovery.audit;

import java.nio.charset.StandardCharsets;

/**
 * A recorded answer's JSON, held as whichever form it was given in: the UTF-8 bytes the service wrote and serves (a
 * decision being recorded) or the text read back from a store. The stores compress the bytes, so a decision's answer
 * goes from the writer to the store without being decoded to text and encoded back (a 6.7 KB answer holding a
 * pound sign took the JDK's slower path both ways); the other form is made only when asked for. Two are equal when
 * their text is.
 */
public final class AnswerText {
    private final byte[] utf8;
    /** Made from the bytes when first asked for; a String is safe to share once built, so no lock is needed. */
    private String text;

    private AnswerText(String text, byte[] utf8) {
        this.text = text;
        this.utf8 = utf8;
    }

    /** The answer as text, e.g. read back from a store. */
    public static AnswerText of(String text) {
        return text == null ? null : new AnswerText(text, null);
    }

    /** The answer as the UTF-8 bytes it was written as; the array is the caller's no longer (it is not copied). */
    public static AnswerText ofUtf8(byte[] utf8) {
        return utf8 == null ? null : new AnswerText(null, utf8);
    }

    public String text() {
        String known = text;
        if (known == null) {
            known = new String(utf8, StandardCharsets.UTF_8);
            text = known;
        }
        return known;
    }

    /** The UTF-8 bytes; when given as bytes, the very array given, which no one may change. */
    byte[] utf8() {
        return utf8 != null ? utf8 : text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AnswerText that && text().equals(that.text());
    }

    @Override
    public int hashCode() {
        return text().hashCode();
    }

    @Override
    public String toString() {
        return text();
    }
}
