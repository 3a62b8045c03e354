package org.rentrecovery.audit;

import java.util.Arrays;

/**
 * The journal index's case refs, each kept once and numbered 0, 1, 2… in the order first seen: the characters of
 * every ref lie end to end in one byte array (one to three bytes a character, a lossless encoding of each UTF-16
 * unit, so two different strings never share bytes), found again through an open-addressing table of case numbers.
 * A case costs its characters and about ten bytes, against about 60 for a {@code String} and a map entry. A null
 * ref is a case of its own, distinct from the empty string. Not thread-safe: the journal's lock guards it.
 */
final class CaseRefTable {
    private static final int NONE = -1;
    private static final int INITIAL_CASES = 16;

    private byte[] chars = new byte[INITIAL_CASES * 8];
    private int charsUsed;
    /** Case c's characters are {@code chars[start[c]..start[c + 1])}. */
    private int[] start = new int[INITIAL_CASES + 1];
    private int cases;
    private int nullCase = NONE;
    /** Case number + 1 in each slot, 0 for an empty slot; at most half full. */
    private int[] slots = new int[INITIAL_CASES * 2];

    /** How many distinct refs (null included) have been interned. */
    int size() {
        return cases;
    }

    /** The number of {@code caseRef}, or -1 when it was never interned. */
    int numberOf(String caseRef) {
        if (caseRef == null) {
            return nullCase;
        }
        int mask = slots.length - 1;
        for (int i = spread(caseRef.hashCode()) & mask; slots[i] != 0; i = (i + 1) & mask) {
            if (holds(slots[i] - 1, caseRef)) {
                return slots[i] - 1;
            }
        }
        return NONE;
    }

    /** The number of {@code caseRef}, numbering it next when it is new. */
    int intern(String caseRef) {
        int known = numberOf(caseRef);
        if (known != NONE) {
            return known;
        }
        if (caseRef == null) {
            nullCase = append("");
            return nullCase;
        }
        int hashed = cases - (nullCase == NONE ? 0 : 1);
        if (2 * (hashed + 1) > slots.length) {
            rehash(slots.length * 2);
        }
        int number = append(caseRef);
        place(number, caseRef.hashCode());
        return number;
    }

    void clear() {
        chars = new byte[INITIAL_CASES * 8];
        charsUsed = 0;
        start = new int[INITIAL_CASES + 1];
        cases = 0;
        nullCase = NONE;
        slots = new int[INITIAL_CASES * 2];
    }

    private int append(String caseRef) {
        if (cases + 2 > start.length) {
            start = Arrays.copyOf(start, start.length + (start.length >> 1) + 1);
        }
        if (charsUsed + 3 * caseRef.length() > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(chars.length + (chars.length >> 1), charsUsed + 3 * caseRef.length()));
        }
        for (int i = 0; i < caseRef.length(); i++) {
            charsUsed = encode(caseRef.charAt(i), chars, charsUsed);
        }
        start[cases + 1] = charsUsed;
        return cases++;
    }

    /** Writes one UTF-16 unit as one byte (1–0x7F), two (0 and up to 0x7FF) or three; returns the next position. */
    private static int encode(char c, byte[] into, int at) {
        if (c >= 0x01 && c <= 0x7F) {
            into[at] = (byte) c;
            return at + 1;
        }
        if (c <= 0x7FF) {
            into[at] = (byte) (0xC0 | (c >> 6));
            into[at + 1] = (byte) (0x80 | (c & 0x3F));
            return at + 2;
        }
        into[at] = (byte) (0xE0 | (c >> 12));
        into[at + 1] = (byte) (0x80 | ((c >> 6) & 0x3F));
        into[at + 2] = (byte) (0x80 | (c & 0x3F));
        return at + 3;
    }

    /** Whether case {@code number} holds exactly the characters of {@code caseRef}. */
    private boolean holds(int number, String caseRef) {
        if (number == nullCase) {
            return false;
        }
        int at = start[number];
        int end = start[number + 1];
        for (int i = 0; i < caseRef.length(); i++) {
            if (at >= end) {
                return false;
            }
            int b = chars[at] & 0xFF;
            char c;
            if (b < 0x80) {
                c = (char) b;
                at += 1;
            } else if (b < 0xE0) {
                c = (char) (((b & 0x1F) << 6) | (chars[at + 1] & 0x3F));
                at += 2;
            } else {
                c = (char) (((b & 0x0F) << 12) | ((chars[at + 1] & 0x3F) << 6) | (chars[at + 2] & 0x3F));
                at += 3;
            }
            if (c != caseRef.charAt(i)) {
                return false;
            }
        }
        return at == end;
    }

    /** {@link String#hashCode()} of case {@code number}'s characters, decoded from the byte array. */
    private int hashOf(int number) {
        int h = 0;
        for (int at = start[number]; at < start[number + 1];) {
            int b = chars[at] & 0xFF;
            if (b < 0x80) {
                h = 31 * h + b;
                at += 1;
            } else if (b < 0xE0) {
                h = 31 * h + (((b & 0x1F) << 6) | (chars[at + 1] & 0x3F));
                at += 2;
            } else {
                h = 31 * h + (((b & 0x0F) << 12) | ((chars[at + 1] & 0x3F) << 6) | (chars[at + 2] & 0x3F));
                at += 3;
            }
        }
        return h;
    }

    private void rehash(int capacity) {
        slots = new int[capacity];
        for (int number = 0; number < cases; number++) {
            if (number != nullCase) {
                place(number, hashOf(number));
            }
        }
    }

    private void place(int number, int hash) {
        int mask = slots.length - 1;
        int i = spread(hash) & mask;
        while (slots[i] != 0) {
            i = (i + 1) & mask;
        }
        slots[i] = number + 1;
    }

    /** Refs such as HRA-000123 differ in their last characters: spread those bits over the whole table. */
    private static int spread(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
