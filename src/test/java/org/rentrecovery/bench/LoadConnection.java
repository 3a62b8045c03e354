package org.rentrecovery.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/**
 * One keep-alive connection of an open-loop load, with at most one request on it at a time (no pipelining): its own
 * view of the request's bytes (rewound for each request, never copied), when the request was meant to start and when
 * it went out, since when the connection has been free, and the reader of its answer.
 */
final class LoadConnection {
    private final InetSocketAddress address;
    private final Selector selector;
    private final ByteBuffer request;
    private SocketChannel channel;
    private SelectionKey key;
    private ResponseReader reader;
    private boolean writing;
    private long intendedStartNanos;
    private long writtenNanos;
    private long freeSinceNanos;
    private LatencyTally tally;

    /** {@code request} is shared by every connection: each keeps a view of its own, with its own position. */
    LoadConnection(InetSocketAddress address, Selector selector, ByteBuffer request) throws IOException {
        this.address = address;
        this.selector = selector;
        this.request = request.duplicate();
        open();
    }

    /** A fresh socket, after the server closed the last one or it failed; any request on the old one is forgotten. */
    void open() throws IOException {
        close();
        channel = SocketChannel.open(address);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        channel.configureBlocking(false);
        key = channel.register(selector, SelectionKey.OP_READ, this);
        reader = new ResponseReader();
        writing = false;
        tally = null;
        freeSinceNanos = System.nanoTime();
    }

    boolean busy() {
        return tally != null;
    }

    /**
     * How late the load itself was with a request sent at {@code nowNanos}: from its intended start, or from when this
     * connection became free if that was later (the wait for a free connection is the service's, not the sender's).
     */
    long senderLagNanos(long intendedStart, long nowNanos) {
        return nowNanos - Math.max(intendedStart, freeSinceNanos);
    }

    /** Starts writing the request, whose answer goes to {@code into}; {@code nowNanos} is the time it goes out. */
    void send(long intendedStart, long nowNanos, LatencyTally into) throws IOException {
        tally = into;
        intendedStartNanos = intendedStart;
        writtenNanos = nowNanos;
        request.rewind();
        writeMore();
    }

    /** Writes what the socket takes now; asks to be told when it can take the rest, and only changes that when it must. */
    void writeMore() throws IOException {
        channel.write(request);
        boolean more = request.hasRemaining();
        if (more != writing) {
            writing = more;
            key.interestOps(more ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }
    }

    /**
     * Reads what has arrived into {@code scratch}; when that ends the answer, records it as of {@code nowNanos} and
     * frees the connection. Returns false when the server closed the connection.
     */
    boolean readAnswer(ByteBuffer scratch, long nowNanos) throws IOException {
        scratch.clear();
        int read = channel.read(scratch);
        if (read < 0) {
            return false;
        }
        scratch.flip();
        int status = reader.read(scratch);
        if (status == 0) {
            return true;
        }
        if (tally != null) {
            tally.answered(status, intendedStartNanos, writtenNanos, nowNanos);
            tally = null;
            freeSinceNanos = nowNanos;
        }
        return !reader.closeAfter();
    }

    /** Counts the request on this connection, if any, as failed. */
    void failRequest() {
        if (tally != null) {
            tally.failed();
            tally = null;
        }
    }

    void close() throws IOException {
        if (channel != null) {
            key.cancel();
            channel.close();
        }
    }
}
