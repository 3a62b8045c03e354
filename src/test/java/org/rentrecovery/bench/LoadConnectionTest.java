package org.rentrecovery.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;

import org.junit.jupiter.api.Test;

/** The sender's own lateness on a connection: from the intended start, or from when the connection became free. */
class LoadConnectionTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void aRequestDueBeforeItsConnectionWasFreeIsLateOnlyFromWhenItWasFree() throws IOException {
        try (ServerSocketChannel server = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
                Selector selector = Selector.open()) {
            long beforeOpen = System.nanoTime();
            LoadConnection connection = new LoadConnection((InetSocketAddress) server.getLocalAddress(), selector,
                    ByteBuffer.allocate(0));
            long afterOpen = System.nanoTime();
            long now = afterOpen + SECOND;
            try {
                assertThat(connection.busy()).isFalse();
                // Due an hour before the connection was opened: the hour is the wait for a connection, not the sender's.
                long lag = connection.senderLagNanos(beforeOpen - 3_600 * SECOND, now);
                assertThat(lag).isBetween(now - afterOpen, now - beforeOpen);
                // Due after it was free: late from the intended start.
                assertThat(connection.senderLagNanos(now - 5, now)).isEqualTo(5);
            } finally {
                connection.close();
            }
        }
    }
}
