package io.zakka.bench.workload;

import io.zakka.bench.BenchSettings;
import io.zakka.bench.Subject;
import io.zakka.bench.client.Access;
import io.zakka.bench.client.BenchClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Loads {@code count} znodes of {@code createBytes} under one parent, pipelined, for recovery and memory. */
final class Loader {

    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private Loader() {
    }

    static String znode(String parent, long index) {
        return parent + "/z" + String.format("%07d", index);
    }

    /** Creates {@code parent} and its {@code count} children; returns the number of failed creates. */
    static Bulk load(Access access, String parent, int count, BenchSettings settings) throws Exception {
        List<BenchClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < settings.sessions(); i++) {
                clients.add(access.open(Duration.ofSeconds(60)));
            }
            byte[] data = new byte[settings.sizes().createBytes()];
            Bulk root = new Bulk(clients.subList(0, 1), 1, Set.of("NODEEXISTS"));
            root.run(1, (c, i, done) -> c.create(parent, data, false, done), TIMEOUT);
            Bulk bulk = new Bulk(clients, settings.inFlight(), Set.of());
            bulk.run(count, (c, i, done) -> c.create(znode(parent, i), data, false, done), TIMEOUT);
            return bulk;
        } finally {
            Subject.closeAll(clients);
        }
    }
}
