package org.rentrecovery.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/**
 * One keep-alive connection of an open-loop load, with at most one request on it at a time (no pipelining): the
 * request being written, when it was meant to start and when it went out, and the reader of its answer.
 */
final class LoadConnection {
    private final InetSocketAddress address;
    private final Selector selector;
    private SocketChannel channel;
    private SelectionKey key;
    private ResponseReader reader;
    private ByteBuffer unwritten;
    private long intendedStartNanos;
    private long writtenNanos;
    private LatencyTally tally;

    LoadConnection(InetSocketAddress address, Selector selector) throws IOException {
        this.address = address;
        this.selector = selector;
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
        tally = null;
    }

    boolean busy() {
        return tally != null;
    }

    /** Starts writing {@code request} (a buffer of its own), whose answer goes to {@code into}. */
    void send(ByteBuffer request, long intendedStart, LatencyTally into) throws IOException {
        tally = into;
        intendedStartNanos = intendedStart;
        writtenNanos = System.nanoTime();
        unwritten = request;
        writeMore();
    }

    /** Writes what the socket takes now; asks to be told when it can take the rest. */
    void writeMore() throws IOException {
        channel.write(unwritten);
        key.interestOps(unwritten.hasRemaining() ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
    }

    /**
     * Reads what has arrived into {@code scratch}; when that ends the answer, records it and frees the connection.
     * Returns false when the server closed the connection.
     */
    boolean readAnswer(ByteBuffer scratch) throws IOException {
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
            tally.answered(status, intendedStartNanos, writtenNanos, System.nanoTime());
            tally = null;
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
