package io.zakka.bench;

import java.time.Duration;
import java.util.List;

/**
 * What a bench runs: the load shape (sessions × requests in flight, warm-up and recorded window, runs), the
 * data sizes of the workloads, the servers' heap, and which workloads and targets.
 */
public record BenchSettings(int sessions, int inFlight, Duration warmup, Duration window, int runs, Sizes sizes,
                            String heap, List<String> workloads) {

    /** Data shapes: nodes read and written, their sizes, watchers, and the znode counts of recovery and memory. */
    public record Sizes(int nodes, int dataBytes, int createBytes, int watchers, int recoveryZnodes,
                        int memoryZnodes) {

        public static final Sizes FULL = new Sizes(1000, 1024, 100, 100, 200_000, 1_000_000);
        public static final Sizes QUICK = new Sizes(1000, 1024, 100, 100, 10_000, 50_000);
    }

    /** Every workload, in the order of the report. */
    public static final List<String> ALL_WORKLOADS = List.of("write", "read", "mixed", "create", "unloaded-read",
            "unloaded-write", "watch", "recovery", "memory");

    public static BenchSettings full() {
        return new BenchSettings(16, 100, Duration.ofSeconds(5), Duration.ofSeconds(20), 2, Sizes.FULL, "2g",
                ALL_WORKLOADS);
    }

    /** A few minutes: the same workloads, one short run each, smaller recovery and memory loads. */
    public static BenchSettings quick() {
        return new BenchSettings(16, 100, Duration.ofMillis(500), Duration.ofMillis(1000), 1, Sizes.QUICK, "2g",
                ALL_WORKLOADS);
    }

    public BenchSettings withRuns(int n) {
        return new BenchSettings(sessions, inFlight, warmup, window, n, sizes, heap, workloads);
    }

    public BenchSettings withWorkloads(List<String> names) {
        return new BenchSettings(sessions, inFlight, warmup, window, runs, sizes, heap, names);
    }

    public BenchSettings withLoad(int sessionCount, int inFlightPerSession) {
        return new BenchSettings(sessionCount, inFlightPerSession, warmup, window, runs, sizes, heap, workloads);
    }

    public BenchSettings withTimes(Duration warmupTime, Duration windowTime) {
        return new BenchSettings(sessions, inFlight, warmupTime, windowTime, runs, sizes, heap, workloads);
    }

    public BenchSettings withSizes(Sizes newSizes) {
        return new BenchSettings(sessions, inFlight, warmup, window, runs, newSizes, heap, workloads);
    }

    public BenchSettings withHeap(String newHeap) {
        return new BenchSettings(sessions, inFlight, warmup, window, runs, sizes, newHeap, workloads);
    }

    /** The JVM options every server child gets, the same for Zakka and ZooKeeper. */
    public List<String> serverJvmArgs() {
        return List.of("-Xms" + heap, "-Xmx" + heap);
    }
}
