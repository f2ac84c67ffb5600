package io.zakka.wire.conn;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Request latency of one gateway, from a request's arrival to the server's answer, as ZooKeeper's srvr/stat
 * ("Latency min/avg/max") and mntr (zk_min/avg/max_latency) report it, in milliseconds. Every connection
 * actor records into it; a four-letter word reads it. Thread-safe and lock-free.
 */
public final class LatencyStats {

    /** What the four-letter words print; all zero before the first request, as ZooKeeper prints it. */
    public record Summary(long minMs, double avgMs, long maxMs) {
        public static final Summary NONE = new Summary(0, 0.0, 0);
    }

    private final AtomicLong minNanos = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong maxNanos = new AtomicLong();
    private final LongAdder totalNanos = new LongAdder();
    private final LongAdder count = new LongAdder();

    public void record(long latencyNanos) {
        long nanos = Math.max(0, latencyNanos);
        minNanos.accumulateAndGet(nanos, Math::min);
        maxNanos.accumulateAndGet(nanos, Math::max);
        totalNanos.add(nanos);
        count.increment();
    }

    public Summary summary() {
        long n = count.sum();
        if (n == 0) {
            return Summary.NONE;
        }
        double avgMs = totalNanos.sum() / (double) n / 1_000_000.0;
        return new Summary(minNanos.get() / 1_000_000, Math.round(avgMs * 1000) / 1000.0, maxNanos.get() / 1_000_000);
    }
}
