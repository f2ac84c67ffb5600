package io.zakka.bench.workload;

import io.zakka.bench.BenchSettings;
import io.zakka.bench.Subject;
import io.zakka.bench.client.BenchClient;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The nodes the throughput and watch workloads use, under the subject's root: {@code n0000..} with
 * {@code dataBytes} each, {@code seq} (parent of the create workload's nodes) and {@code watched}.
 */
final class Fixture {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final Set<String> EXISTS = Set.of("NODEEXISTS");

    private Fixture() {
    }

    static String node(Subject subject, long index) {
        return subject.root() + "/n" + String.format("%04d", index);
    }

    static void prepare(Subject subject, BenchSettings settings) throws Exception {
        if (subject.prepared()) {
            return;
        }
        List<BenchClient> clients = subject.open(1);
        try {
            byte[] data = new byte[settings.sizes().dataBytes()];
            List<String> parents = List.of(subject.root(), subject.root() + "/seq", subject.root() + "/watched");
            Bulk one = new Bulk(clients, 1, EXISTS);
            one.run(parents.size(), (c, i, done) -> c.create(parents.get((int) i), data, false, done), TIMEOUT);
            Bulk nodes = new Bulk(clients, 100, EXISTS);
            nodes.run(settings.sizes().nodes(), (c, i, done) -> c.create(node(subject, i), data, false, done),
                    TIMEOUT);
            if (one.errors() + nodes.errors() > 0) {
                throw new IllegalStateException("creating the workload nodes failed: "
                        + (one.firstError() != null ? one.firstError() : nodes.firstError()));
            }
            subject.markPrepared();
        } finally {
            Subject.closeAll(clients);
        }
    }
}
