package org.rentrecovery.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An open-loop, constant-rate HTTP/1.1 load: POSTs started at fixed intended times ({@link RateSchedule}) over a few
 * keep-alive connections, whatever the answers do. A request due while every connection is busy waits for one, and
 * its latency still counts from its intended start ({@link LatencyTally}), which a closed-loop tool such as wrk cannot
 * do: there a slow answer delays the next request instead of being paid for by it (coordinated omission).
 * <p>
 * One thread does everything on one selector: it waits for answers, or until the next intended start, sends every
 * request then due on the free connections in one pass, and reads every answer that has arrived in the next. The load
 * shares two cores with the service, so what it spends a request matters: an earlier version had a pacer thread wake
 * the network thread at each intended start, three thread wake-ups a request where this needs about one. The price is
 * the selector's timeout, whole milliseconds: a request due between two answers may go out up to about a millisecond
 * late. That lateness is counted against the service (its latency still runs from the intended start), and it is
 * measured per request ({@link OpenLoopSummary#senderLag()}) so a run shows how much of its tail is the sender's.
 * Plain NIO rather than an HTTP client library: a library's per-request objects cost several times the CPU of the few
 * socket calls a request needs.
 */
final class OpenLoopLoad implements AutoCloseable {
    private static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final long FIRST_START_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final long NANOS_A_MILLISECOND = TimeUnit.MILLISECONDS.toNanos(1);
    /** The longest wait while every connection is busy: the run still checks its end this often. */
    private static final long LONGEST_WAIT_MILLIS = 100;

    private final Selector selector;
    private final LoadConnection[] connections;
    private final ArrayDeque<LoadConnection> free = new ArrayDeque<>();
    private final ByteBuffer scratch = ByteBuffer.allocateDirect(64 * 1024);

    OpenLoopLoad(URI url, Map<String, String> headers, byte[] body, int connectionCount) throws IOException {
        selector = Selector.open();
        ByteBuffer request = requestBytes(url, headers, body).asReadOnlyBuffer();
        InetSocketAddress address = new InetSocketAddress(url.getHost(), url.getPort());
        connections = new LoadConnection[connectionCount];
        for (int i = 0; i < connectionCount; i++) {
            connections[i] = new LoadConnection(address, selector, request);
            free.add(connections[i]);
        }
    }

    /**
     * Sends {@code warmUpRequests + measuredRequests} requests at {@code ratePerSecond}, the warm-up ones not counted,
     * then waits up to 10 s for the measured ones still open. {@code measuredStart} runs when the first measured request
     * is due, {@code measuredEnd} when the waiting ends (e.g. to read CPU counters over exactly that window).
     */
    OpenLoopSummary run(long ratePerSecond, long warmUpRequests, long measuredRequests, Runnable measuredStart,
            Runnable measuredEnd) throws IOException {
        RateSchedule schedule = new RateSchedule(System.nanoTime() + FIRST_START_DELAY_NANOS, ratePerSecond);
        long total = warmUpRequests + measuredRequests;
        LatencyTally warmUp = new LatencyTally();
        LatencyTally measured = new LatencyTally();
        long waitUntil = schedule.startNanos(total - 1) + DRAIN_NANOS;
        long sent = 0;
        boolean measuring = false;
        long now = System.nanoTime();
        while (measured.settled() < measuredRequests && now < waitUntil) {
            long due = Math.min(schedule.requestsDueBy(now), total);
            if (!measuring && due > warmUpRequests) {
                measuring = true;
                measuredStart.run();
            }
            for (; sent < due && !free.isEmpty(); sent++) {
                LoadConnection connection = free.poll();
                long intendedStart = schedule.startNanos(sent);
                LatencyTally into = sent < warmUpRequests ? warmUp : measured;
                into.sent(connection.senderLagNanos(intendedStart, now));
                connection.send(intendedStart, now, into);
            }
            selector.select(waitMillis(sent < total && !free.isEmpty() ? schedule.startNanos(sent) : waitUntil, now));
            now = System.nanoTime();
            handleReadyConnections(now);
        }
        if (!measuring) {
            measuredStart.run();
        }
        measuredEnd.run();
        return measured.summarise(measuredRequests, schedule.startNanos(warmUpRequests));
    }

    /**
     * The selector's timeout to wake at or just after {@code untilNanos}: whole milliseconds rounded up, at least one
     * (0 would wait for ever), at most {@link #LONGEST_WAIT_MILLIS}.
     */
    static long waitMillis(long untilNanos, long nowNanos) {
        long millis = (untilNanos - nowNanos + NANOS_A_MILLISECOND - 1) / NANOS_A_MILLISECOND;
        return Math.max(1, Math.min(millis, LONGEST_WAIT_MILLIS));
    }

    /** Reads every answer that has arrived (stamped {@code nowNanos}, when the selector woke); frees who is done. */
    private void handleReadyConnections(long nowNanos) throws IOException {
        for (SelectionKey ready : selector.selectedKeys()) {
            LoadConnection connection = (LoadConnection) ready.attachment();
            boolean wasBusy = connection.busy();
            try {
                if (ready.isValid() && ready.isWritable()) {
                    connection.writeMore();
                }
                if (ready.isValid() && ready.isReadable() && !connection.readAnswer(scratch, nowNanos)) {
                    connection.failRequest();
                    connection.open();
                }
            } catch (IOException e) {
                connection.failRequest();
                connection.open();
            }
            // A free connection is already in the queue (a server closing an idle one only reopens it).
            if (wasBusy && !connection.busy()) {
                free.add(connection);
            }
        }
        selector.selectedKeys().clear();
    }

    private static ByteBuffer requestBytes(URI url, Map<String, String> headers, byte[] body) {
        StringBuilder head = new StringBuilder("POST ").append(url.getRawPath()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(url.getHost()).append(':').append(url.getPort()).append("\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        byte[] start = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        // Direct: a heap buffer would be copied into a temporary direct one on every write.
        return ByteBuffer.allocateDirect(start.length + body.length).put(start).put(body).flip();
    }

    @Override
    public void close() throws IOException {
        for (LoadConnection connection : connections) {
            connection.close();
        }
        selector.close();
    }
}
