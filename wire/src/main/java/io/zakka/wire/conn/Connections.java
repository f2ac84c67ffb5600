package io.zakka.wire.conn;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The open connections of one gateway and its totals, for the four-letter words. Thread-safe. */
public final class Connections {

    private final ConcurrentHashMap<Long, ConnectionStats> open = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final LatencyStats latency = new LatencyStats();

    long register(ConnectionStats stats) {
        long id = nextId.incrementAndGet();
        open.put(id, stats);
        return id;
    }

    void unregister(long id) {
        open.remove(id);
    }

    void countReceived() {
        received.incrementAndGet();
    }

    void countSent() {
        sent.incrementAndGet();
    }

    /** Records how long the server took to answer one request of some connection. */
    void recordLatency(long nanos) {
        latency.record(nanos);
    }

    public LatencyStats.Summary latency() {
        return latency.summary();
    }

    /** Counts a connection actor that threw (a broken invariant, never bad input). */
    public void countFailure() {
        failures.incrementAndGet();
    }

    public long failures() {
        return failures.get();
    }

    public Collection<ConnectionStats> open() {
        return List.copyOf(new ArrayList<>(open.values()));
    }

    public long received() {
        return received.get();
    }

    public long sent() {
        return sent.get();
    }
}
