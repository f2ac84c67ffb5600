package io.zakka.multinode.bench;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Behaviors;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.zakka.api.ZakkaServer;
import io.zakka.api.client.ZakkaClient;
import io.zakka.protocol.Acl;
import io.zakka.protocol.CreateMode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * End-to-end durability figures of a node (a main, not a test):
 * <ul>
 *   <li>{@code throughput DIR}: creates of 100 B through the Akka client (64 in flight) for 10 s, with
 *       force-sync on and then off;</li>
 *   <li>{@code start DIR ROOT}: prepares a data dir of 200,000 znodes of 100 B (snapshot + 20,000-txn log) and
 *       measures launch to "zakka ready" of {@code ROOT/bin/zakka start --data-dir} (SIGKILL after each);</li>
 *   <li>{@code stall DIR}: a node recovered with 1,000,000 znodes takes a snapshot while a client writes; prints
 *       the longest write latency during the snapshot (the node logs the snapshot time and its longest pause).</li>
 * </ul>
 * Run: {@code java -cp multi-node-tests/target/test-classes:<test classpath>
 * io.zakka.multinode.bench.DurabilityBench throughput|start|stall DIR [ROOT]}
 */
public final class DurabilityBench {
    private static final byte[] DATA = new byte[100];

    private DurabilityBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        switch (args[0]) {
            case "throughput" -> {
                throughput(dir.resolve("fsync-on"), true);
                throughput(dir.resolve("fsync-off"), false);
                throughput(null, false);
            }
            case "start" -> startToServing(dir.resolve("start"), Path.of(args[2]));
            case "stall" -> snapshotStall(dir.resolve("stall"));
            default -> throw new IllegalArgumentException("throughput|start|stall DIR [ROOT]");
        }
        System.exit(0);
    }

    /** A node persisting to {@code dataDir}, or in memory only when it is null (the baseline). */
    private static Config config(Path dataDir, boolean forceSync, int snapshotEvery) {
        return ConfigFactory.parseString(String.join("\n",
                "akka.actor.provider = local",
                "akka.loglevel = INFO",
                "zakka.data-dir = " + (dataDir == null ? "null" : "\"" + dataDir + "\""),
                "zakka.force-sync = " + forceSync,
                "zakka.snapshot-every-txns = " + snapshotEvery)).withFallback(ConfigFactory.load());
    }

    private static void throughput(Path dataDir, boolean forceSync) throws Exception {
        if (dataDir != null) {
            StorageBench.clean(dataDir);
        }
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "zakka", config(dataDir, forceSync, 100_000));
        ZakkaServer server = ZakkaServer.start(system);
        ZakkaClient client = ZakkaClient.connect(system, Duration.ofSeconds(30), ZakkaClient.Settings.defaults())
                .toCompletableFuture().get(30, TimeUnit.SECONDS);
        run(client, "/warm", Duration.ofSeconds(3));
        long count = run(client, "/n", Duration.ofSeconds(10));
        System.out.printf("write throughput, %s: %,d creates of 100 B in 10 s = %,d/s%n",
                dataDir == null ? "in memory (no data dir)" : "force-sync " + (forceSync ? "on " : "off"), count,
                count / 10);
        server.stop().toCompletableFuture().get(30, TimeUnit.SECONDS);
        system.terminate();
        system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    /** Creates {@code prefix<i>} with 64 in flight for {@code duration}; returns the acknowledged count. */
    static long run(ZakkaClient client, String prefix, Duration duration) throws InterruptedException {
        Semaphore window = new Semaphore(64);
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        int i = 0;
        while (System.nanoTime() < end) {
            window.acquire();
            client.create(prefix + i++, DATA, Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT).whenComplete((r, e) -> {
                if (e == null) {
                    done.incrementAndGet();
                }
                window.release();
            });
        }
        window.acquire(64);
        return done.get();
    }

    private static void startToServing(Path dataDir, Path root) throws Exception {
        StorageBench.clean(dataDir);
        int nodes = StorageBench.prepare(new io.zakka.storage.durability.DataDir(dataDir), 200_000, 20_000);
        System.out.printf("prepared %,d znodes of 100 B (snapshot + 20,000-txn log) in %s%n", nodes, dataDir);
        // Builds the project and makes the launcher's class-data archive if needed, outside the timed launches.
        Process prepare = new ProcessBuilder(root.resolve("bin/zakka").toString(), "java-options")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        if (!prepare.waitFor(10, TimeUnit.MINUTES) || prepare.exitValue() != 0) {
            throw new IllegalStateException("bin/zakka java-options failed");
        }
        // One launch untimed: right after the preparation this JVM is still compiling and collecting what it built,
        // and that first launch measured 0.3-0.4 s slower than the others for it.
        long warmUp = launchToReady(root, dataDir);
        List<Long> millis = new ArrayList<>();
        for (int run = 0; run < 3; run++) {
            millis.add(launchToReady(root, dataDir));
        }
        System.out.println("bin/zakka start -> zakka ready (ms), 3 runs: " + millis + " (untimed first launch: "
                + warmUp + ")");
    }

    private static long launchToReady(Path root, Path dataDir) throws Exception {
        // The launcher itself, as a user runs it (its class-data archive exists: startToServing made it first).
        long start = System.nanoTime();
        Process process = new ProcessBuilder(root.resolve("bin/zakka").toString(), "start", "--data-dir",
                dataDir.toString(), "--akka-port", "25777", "--client-port", "22181").redirectErrorStream(true)
                .start();
        CountDownLatch ready = new CountDownLatch(1);
        long[] at = {0};
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.startsWith("zakka ready")) {
                        at[0] = System.nanoTime();
                        ready.countDown();
                    }
                }
            } catch (java.io.IOException e) {
                ready.countDown();
            }
        });
        reader.setDaemon(true);
        reader.start();
        boolean served = ready.await(120, TimeUnit.SECONDS);
        // SIGKILL: a clean stop would write a snapshot, and the next run would replay no log.
        process.destroyForcibly();
        process.waitFor(60, TimeUnit.SECONDS);
        if (!served || at[0] == 0) {
            throw new IllegalStateException("no ready line");
        }
        return (at[0] - start) / 1_000_000;
    }

    private static void snapshotStall(Path dataDir) throws Exception {
        StorageBench.clean(dataDir);
        StorageBench.prepare(new io.zakka.storage.durability.DataDir(dataDir), 1_000_000, 0);
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "zakka", config(dataDir, true, 20_000));
        ZakkaServer.start(system);
        ZakkaClient client = ZakkaClient.connect(system, Duration.ofSeconds(30), ZakkaClient.Settings.defaults())
                .toCompletableFuture().get(30, TimeUnit.SECONDS);
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < 40_000; i++) {
            long t = System.nanoTime();
            client.setData("/p1/c1000", DATA, -1).toCompletableFuture().get(30, TimeUnit.SECONDS);
            latencies.add(System.nanoTime() - t);
        }
        List<Long> sorted = new ArrayList<>(latencies);
        sorted.sort(null);
        System.out.printf("40,000 sequential setData during which a 1,000,000-znode snapshot ran: median %.2f ms,"
                        + " p99 %.2f ms, max %.2f ms (see the node's 'snapshot ... longest pause' log line)%n",
                sorted.get(sorted.size() / 2) / 1e6, sorted.get(sorted.size() * 99 / 100) / 1e6,
                sorted.get(sorted.size() - 1) / 1e6);
        Files.list(dataDir.resolve("snapshot")).forEach(System.out::println);
        system.terminate();
    }
}
