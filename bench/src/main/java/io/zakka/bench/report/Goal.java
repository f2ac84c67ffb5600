package io.zakka.bench.report;

import java.util.List;

/**
 * A target of the benchmark issue: the ratio Zakka ÷ ZooKeeper of one metric of one workload must be at least
 * (throughput) or at most (latency, time, memory) {@code threshold}.
 */
public record Goal(String workload, String metric, boolean higherIsBetter, double threshold) {

    public static final String OPS = "ops/s";
    public static final String P50 = "p50";
    public static final String P99 = "p99";
    public static final String SERVING_MS = "serving ms";
    public static final String FIRST_READ_MS = "first read ms";
    public static final String HEAP_MIB = "heap MiB";
    public static final String BYTES_PER_ZNODE = "bytes/znode";

    /** The goals of issue 6, standalone targets, stock client. */
    public static final List<Goal> ISSUE_6 = List.of(
            new Goal("write", OPS, true, 1.5),
            new Goal("read", OPS, true, 1.2),
            new Goal("mixed", OPS, true, 1.2),
            new Goal("create", OPS, true, 1.5),
            new Goal("unloaded-read", P50, false, 1.0),
            new Goal("unloaded-read", P99, false, 1.0),
            new Goal("unloaded-write", P50, false, 1.0),
            new Goal("unloaded-write", P99, false, 1.0),
            new Goal("watch", P50, false, 1.0),
            new Goal("recovery", SERVING_MS, false, 0.5),
            new Goal("memory", BYTES_PER_ZNODE, false, 1.0));

    /** Whether {@code ratio} meets the goal; false for a missing ratio. */
    public boolean met(double ratio) {
        if (!Double.isFinite(ratio)) {
            return false;
        }
        return higherIsBetter ? ratio >= threshold : ratio <= threshold;
    }

    public String describe() {
        return (higherIsBetter ? "≥ " : "≤ ") + threshold + "×";
    }
}
