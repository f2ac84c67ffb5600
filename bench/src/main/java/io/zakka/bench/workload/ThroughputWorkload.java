package io.zakka.bench.workload;

import io.zakka.bench.BenchSettings;
import io.zakka.bench.Subject;
import io.zakka.bench.client.BenchClient;
import io.zakka.bench.report.Measurement;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Closed-loop throughput and latency: write (setData of {@code dataBytes} on random fixture nodes), read
 * (getData of them), mixed (90 % reads, 10 % writes), create (PERSISTENT_SEQUENTIAL of {@code createBytes},
 * deleted again afterwards, outside the window), and the unloaded variants: one session, one request at a time.
 */
public record ThroughputWorkload(String name) implements Workload {

    private static final int MIXED_WRITE_PERCENT = 10;

    @Override
    public Measurement run(Subject subject, BenchSettings settings) throws Exception {
        Fixture.prepare(subject, settings);
        boolean unloaded = name.startsWith("unloaded");
        int sessions = unloaded ? 1 : settings.sessions();
        int inFlight = unloaded ? 1 : settings.inFlight();
        Queue<String> created = new ConcurrentLinkedQueue<>();
        List<BenchClient> clients = subject.open(sessions);
        try {
            Measurement m = new LoadDriver(clients, inFlight, op(subject, settings, created))
                    .run(settings.warmup(), settings.window(), subject.server());
            long cleanupErrors = deleteCreated(clients, created);
            return cleanupErrors == 0 ? m : new Measurement(m.opsPerSec(), m.latency(), m.errors() + cleanupErrors,
                    m.firstError() != null ? m.firstError() : "cleanup of the created nodes failed",
                    m.clientCores(), m.serverCores(), m.values(), m.unavailable());
        } finally {
            Subject.closeAll(clients);
        }
    }

    private Op op(Subject subject, BenchSettings settings, Queue<String> created) {
        int nodes = settings.sizes().nodes();
        byte[] data = new byte[settings.sizes().dataBytes()];
        return switch (name) {
            case "write", "unloaded-write" -> (c, i, done) -> c.setData(randomNode(subject, nodes), data, done);
            case "read", "unloaded-read" -> (c, i, done) -> c.getData(randomNode(subject, nodes), done);
            case "mixed" -> (c, i, done) -> {
                if (ThreadLocalRandom.current().nextInt(100) < MIXED_WRITE_PERCENT) {
                    c.setData(randomNode(subject, nodes), data, done);
                } else {
                    c.getData(randomNode(subject, nodes), done);
                }
            };
            case "create" -> {
                byte[] small = new byte[settings.sizes().createBytes()];
                String prefix = subject.root() + "/seq/s-";
                yield (c, i, done) -> c.create(prefix, small, true, (error, path) -> {
                    if (error == null) {
                        created.add(path);
                    }
                    done.complete(error, path);
                });
            }
            default -> throw new IllegalArgumentException("not a throughput workload: " + name);
        };
    }

    private static String randomNode(Subject subject, int nodes) {
        return Fixture.node(subject, ThreadLocalRandom.current().nextInt(nodes));
    }

    /** Deletes what the window created; returns the number of failed deletes. */
    private static long deleteCreated(List<BenchClient> clients, Queue<String> created) throws InterruptedException {
        if (created.isEmpty()) {
            return 0;
        }
        Bulk cleanup = new Bulk(clients, 100, Set.of("NONODE"));
        cleanup.run(created.size(), (c, i, done) -> c.delete(created.remove(), done), Duration.ofMinutes(10));
        return cleanup.errors();
    }
}
