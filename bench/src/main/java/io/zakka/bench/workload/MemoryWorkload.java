package io.zakka.bench.workload;

import io.zakka.bench.BenchSettings;
import io.zakka.bench.Subject;
import io.zakka.bench.client.Access;
import io.zakka.bench.report.Goal;
import io.zakka.bench.report.Measurement;
import io.zakka.bench.launch.ServerHandle;
import java.time.Duration;
import java.util.Map;

/**
 * Memory: a fresh server's heap after a full GC, before and after loading {@code memoryZnodes} znodes of
 * {@code createBytes}; bytes per znode is the difference divided by the count.
 */
public final class MemoryWorkload implements Workload {

    private static final double MIB = 1024.0 * 1024.0;

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public Measurement run(Subject subject, BenchSettings settings) throws Exception {
        if (subject.serverFactory() == null) {
            return Measurement.unavailable("measured on a fresh standalone server of the bench only");
        }
        ServerHandle server = subject.serverFactory().create("memory");
        try {
            server.spawn();
            server.awaitReady(Duration.ofMinutes(5));
            int count = settings.sizes().memoryZnodes();
            try (Access access = subject.accessFactory().create(server)) {
                long before = server.heapUsedAfterGc();
                Bulk load = Loader.load(access, "/memory", count, settings);
                long after = server.heapUsedAfterGc();
                return Measurement.figures(Map.of("heap before MiB", before / MIB, Goal.HEAP_MIB, after / MIB,
                        Goal.BYTES_PER_ZNODE, (after - before) / (double) count), load.errors(), load.firstError());
            }
        } finally {
            server.stop();
        }
    }
}
