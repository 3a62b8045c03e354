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
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop, constant-rate HTTP/1.1 load: POSTs started at fixed intended times ({@link RateSchedule}) over a few
 * keep-alive connections, whatever the answers do. A request due while every connection is busy waits for one, and
 * its latency still counts from its intended start ({@link LatencyTally}), which a closed-loop tool such as wrk cannot
 * do: there a slow answer delays the next request instead of being paid for by it (coordinated omission).
 * Two threads: a pacer that wakes at each intended start and publishes how many requests are due, and the caller's
 * thread, which does all the network work on one selector with ready-made request bytes. Plain NIO rather than an
 * HTTP client library: the load shares two cores with the service, and a library's per-request objects cost several
 * times the CPU of the few socket calls a request needs.
 */
final class OpenLoopLoad implements AutoCloseable {
    private static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final long FIRST_START_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final Selector selector;
    private final ByteBuffer request;
    private final LoadConnection[] connections;
    private final ArrayDeque<LoadConnection> idle = new ArrayDeque<>();
    private final ByteBuffer scratch = ByteBuffer.allocateDirect(64 * 1024);

    OpenLoopLoad(URI url, Map<String, String> headers, byte[] body, int connectionCount) throws IOException {
        selector = Selector.open();
        request = requestBytes(url, headers, body).asReadOnlyBuffer();
        InetSocketAddress address = new InetSocketAddress(url.getHost(), url.getPort());
        connections = new LoadConnection[connectionCount];
        for (int i = 0; i < connectionCount; i++) {
            connections[i] = new LoadConnection(address, selector);
            idle.add(connections[i]);
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
        AtomicLong due = new AtomicLong();
        Thread pacer = new Thread(() -> pace(schedule, total, warmUpRequests, due, measuredStart), "open-loop-pacer");
        pacer.setDaemon(true);
        pacer.start();
        LatencyTally warmUp = new LatencyTally();
        LatencyTally measured = new LatencyTally();
        long waitUntil = schedule.startNanos(total - 1) + DRAIN_NANOS;
        long sent = 0;
        long seen = 0;
        while (measured.settled() < measuredRequests && System.nanoTime() < waitUntil) {
            selector.select(20);
            handleReadyConnections();
            long dueNow = due.get();
            if (dueNow > seen) {
                if (seen >= warmUpRequests) {
                    measured.sent(System.nanoTime() - schedule.startNanos(seen));
                }
                seen = dueNow;
            }
            while (sent < dueNow && !idle.isEmpty()) {
                idle.poll().send(request.duplicate(), schedule.startNanos(sent), sent < warmUpRequests ? warmUp : measured);
                sent++;
            }
        }
        measuredEnd.run();
        return measured.summarise(measuredRequests, schedule.startNanos(warmUpRequests));
    }

    /** Publishes how many requests are due at each intended start, and wakes the network thread to send them. */
    private void pace(RateSchedule schedule, long total, long warmUpRequests, AtomicLong due, Runnable measuredStart) {
        long published = 0;
        while (published < total) {
            long now = System.nanoTime();
            long dueNow = Math.min(schedule.requestsDueBy(now), total);
            if (dueNow == published) {
                LockSupport.parkNanos(schedule.startNanos(published) - now);
                continue;
            }
            if (published <= warmUpRequests && warmUpRequests < dueNow) {
                measuredStart.run();
            }
            due.set(dueNow);
            selector.wakeup();
            published = dueNow;
        }
    }

    private void handleReadyConnections() throws IOException {
        for (SelectionKey ready : selector.selectedKeys()) {
            LoadConnection connection = (LoadConnection) ready.attachment();
            try {
                if (ready.isValid() && ready.isWritable()) {
                    connection.writeMore();
                }
                if (ready.isValid() && ready.isReadable() && !connection.readAnswer(scratch)) {
                    connection.failRequest();
                    connection.open();
                }
            } catch (IOException e) {
                connection.failRequest();
                connection.open();
            }
            if (!connection.busy() && !idle.contains(connection)) {
                idle.add(connection);
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
        return ByteBuffer.allocate(start.length + body.length).put(start).put(body).flip();
    }

    @Override
    public void close() throws IOException {
        for (LoadConnection connection : connections) {
            connection.close();
        }
        selector.close();
    }
}
