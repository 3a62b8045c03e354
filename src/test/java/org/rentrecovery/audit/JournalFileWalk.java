package org.rentrecovery.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Walks a journal file by the layout its format documents (an NDJSON line up to its newline; a binary record of
 * format byte, body length and checksum, then the body), without the store's own reader, for tests that look at
 * the file: the records found whole, and whether the file ends exactly after one.
 */
record JournalFileWalk(List<byte[]> binaryRecords, int lines, boolean endsOnARecord) {

    static JournalFileWalk of(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        List<byte[]> records = new ArrayList<>();
        int lines = 0;
        int at = 0;
        while (at < bytes.length) {
            if (bytes[at] == '{') {
                int end = at;
                while (end < bytes.length && bytes[end] != '\n') {
                    end++;
                }
                if (end == bytes.length) {
                    return new JournalFileWalk(records, lines, false);
                }
                lines++;
                at = end + 1;
            } else if (bytes[at] == JournalFrame.FORMAT_1 && at + JournalFrame.HEADER_BYTES <= bytes.length) {
                int end = at + JournalFrame.HEADER_BYTES + ByteBuffer.wrap(bytes, at + 1, 4).getInt();
                if (end > bytes.length || end < at) {
                    return new JournalFileWalk(records, lines, false);
                }
                records.add(Arrays.copyOfRange(bytes, at, end));
                at = end;
            } else {
                return new JournalFileWalk(records, lines, false);
            }
        }
        return new JournalFileWalk(records, lines, true);
    }

    int records() {
        return binaryRecords.size() + lines;
    }
}
