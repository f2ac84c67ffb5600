package io.zakka.bench.workload;

import io.zakka.bench.BenchSettings;
import io.zakka.bench.Subject;
import io.zakka.bench.client.Access;
import io.zakka.bench.client.BenchClient;
import io.zakka.bench.report.Goal;
import io.zakka.bench.report.Measurement;
import io.zakka.bench.launch.ServerHandle;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Recovery: a fresh server is loaded with {@code recoveryZnodes} znodes, stopped, and started again on the
 * same data. Measured from launching the JVM: until the server says it is ready, until a client session
 * opens (serving), and until a read of the last loaded znode returns it (first read). A server that comes
 * back without the data is reported as n/a, never with a time.
 */
public final class RecoveryWorkload implements Workload {

    private static final Duration DEADLINE = Duration.ofMinutes(5);
    private static final Duration WIRE_ATTEMPT = Duration.ofMillis(100);

    @Override
    public String name() {
        return "recovery";
    }

    @Override
    public Measurement run(Subject subject, BenchSettings settings) throws Exception {
        if (subject.serverFactory() == null) {
            return Measurement.unavailable("measured on a fresh standalone server of the bench only");
        }
        ServerHandle server = subject.serverFactory().create("recovery");
        try {
            server.spawn();
            server.awaitReady(DEADLINE);
            int count = settings.sizes().recoveryZnodes();
            String parent = "/recovery";
            Bulk load;
            try (Access access = subject.accessFactory().create(server)) {
                load = Loader.load(access, parent, count, settings);
            }
            if (load.errors() > 0) {
                // Not a recovery figure at all: the data never got in (a server that died while loading once
                // read as "the data did not survive the restart").
                return Measurement.unavailable("loading the " + count + " znodes failed: " + load.errors()
                        + " errors, the first: " + load.firstError() + " (see the server's log in the work dir)");
            }
            server.stop();
            return restart(subject, server, Loader.znode(parent, count - 1), load);
        } finally {
            server.stop();
        }
    }

    private static Measurement restart(Subject subject, ServerHandle server, String last, Bulk load)
            throws Exception {
        long start = System.nanoTime();
        server.spawn();
        CompletableFuture<Long> ready = CompletableFuture.supplyAsync(() -> {
            try {
                server.awaitReady(DEADLINE);
                return System.nanoTime();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try (Access access = subject.accessFactory().create(server)) {
            BenchClient client = openWhenServing(access);
            long serving = System.nanoTime();
            CompletableFuture<String> read = new CompletableFuture<>();
            client.getData(last, (error, path) -> read.complete(error == null ? "" : error));
            String error = read.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            long firstRead = System.nanoTime();
            client.close();
            long readyAt = ready.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            if (!error.isEmpty()) {
                return Measurement.unavailable("the data did not survive the restart: reading " + last + " gave "
                        + error + " (sessions served " + ms(serving - start) + " ms after the launch)");
            }
            return Measurement.figures(Map.of("ready ms", ms(readyAt - start), Goal.SERVING_MS, ms(serving - start),
                    Goal.FIRST_READ_MS, ms(firstRead - start)), load.errors(), load.firstError());
        }
    }

    /** Tries to open a session until one opens: short attempts over the wire, one long one for the ask API. */
    private static BenchClient openWhenServing(Access access) throws Exception {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        Duration attempt = access.waitsForServer() ? DEADLINE : WIRE_ATTEMPT;
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                return access.open(attempt);
            } catch (Exception e) {
                last = e;
                Thread.sleep(5);
            }
        }
        throw new IllegalStateException("no session within " + DEADLINE, last);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
