package org.rentrecovery.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Appending to a journal file (decisions or reads of them) all or nothing, as both journals need. */
final class DurableAppend {
    private DurableAppend() {
    }

    /**
     * Writes every byte left in {@code buffer} at the channel's position and forces it to the disk; when that fails,
     * cuts the file back to {@code start} and puts the position there, so no half-written entry is left behind for a
     * request that is answered 503, and rethrows.
     */
    static void writeOrUndo(FileChannel channel, ByteBuffer buffer, long start) throws IOException {
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        } catch (IOException e) {
            channel.truncate(start);
            channel.position(start);
            throw e;
        }
    }
}
