package io.zakka.bench.workload;

import io.zakka.bench.BenchSettings;
import io.zakka.bench.Subject;
import io.zakka.bench.report.Measurement;

/** One row family of the report: runs once against one subject and measures it. */
public interface Workload {

    String name();

    Measurement run(Subject subject, BenchSettings settings) throws Exception;

    /** The workload named {@code name} (one of {@link BenchSettings#ALL_WORKLOADS}). */
    static Workload named(String name) {
        return switch (name) {
            case "write", "read", "mixed", "create", "unloaded-read", "unloaded-write" -> new ThroughputWorkload(name);
            case "watch" -> new WatchWorkload();
            case "recovery" -> new RecoveryWorkload();
            case "memory" -> new MemoryWorkload();
            default -> throw new IllegalArgumentException("unknown workload '" + name + "'");
        };
    }
}
