package org.rentrecovery.portfolio;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * One of {@code count} disjoint shares of a portfolio, chosen by a hash of each case's
 * {@code caseRef} (CRC-32 of its UTF-8 bytes, the same in every process and language), so that
 * {@code count} processes over the same input, e.g. the pods of a Kubernetes Indexed Job, decide
 * every case exactly once between them. A line whose case ref cannot be read goes by its line number.
 *
 * @param index from 0 to count - 1 (a Kubernetes Indexed Job's JOB_COMPLETION_INDEX)
 */
public record Partition(int index, int count) {
    public static final Partition WHOLE = new Partition(0, 1);
    private static final Pattern TEXT = Pattern.compile("(\\d+)/(\\d+)");
    /** More partitions than this would not be a deployment but a mistake; and the numbers stay well inside an int. */
    public static final int MAX_COUNT = 999_999;

    public Partition {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("a partition is i/n with n at least 1 and i from 0 to n-1, was " + index + "/" + count);
        }
    }

    /** Reads {@code i/n}, e.g. {@code 0/4}; throws {@link IllegalArgumentException} saying what is wrong. */
    public static Partition parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("a partition is written i/n, e.g. 0/4 (the first of four), was " + text);
        }
        if (m.group(1).length() > 6 || m.group(2).length() > 6) {
            throw new IllegalArgumentException("a partition's n is at most " + MAX_COUNT + " (and i at most n-1), was " + text);
        }
        return new Partition(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public boolean holds(String caseRef, long lineNumber) {
        if (count == 1) {
            return true;
        }
        long hash;
        if (caseRef == null) {
            hash = lineNumber;
        } else {
            CRC32 crc = new CRC32();
            crc.update(caseRef.getBytes(StandardCharsets.UTF_8));
            hash = crc.getValue();
        }
        return hash % count == index;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
