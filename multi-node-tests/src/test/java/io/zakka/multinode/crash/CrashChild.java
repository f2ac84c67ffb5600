package io.zakka.multinode.crash;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Behaviors;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.zakka.api.ZakkaServer;
import io.zakka.api.client.ZakkaClient;
import io.zakka.protocol.Acl;
import io.zakka.protocol.CreateMode;
import io.zakka.protocol.op.Op;
import io.zakka.protocol.op.OpResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The server JVM of {@link CrashRecoveryTest}: recovers a Zakka node from a data dir, prints the state a client
 * reads back ({@code STATE path version data}), prints {@code READY}, then writes until it is killed, printing
 * {@code ACK ...} only once a write's reply has arrived. Writes: creates of {@code /w/c<i>} with data
 * {@code <path>@0}, conditional setData to {@code <path>@<new version>}, and multis that create {@code /m/m<i>}
 * and set {@code /m-last} to {@code i} together. End of stdin ends the process.
 *
 * <p>Arguments: data dir, seed. Exit status: 0 after stdin EOF, {@link #FAILED} when start-up failed (recovery
 * refused the data dir, no session), {@link #NODE_STOPPED} when the node stopped on its own (a failed fsync, a
 * broken invariant), so that the test sees such a failure at once instead of a JVM that hangs or stops answering.
 */
public final class CrashChild {
    static final int FAILED = 3;
    static final int NODE_STOPPED = 4;
    private static final int WINDOW = 8;
    private static final List<Acl> OPEN = Acl.OPEN_ACL_UNSAFE;
    private static final PrintStream OUT = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out),
            true, StandardCharsets.UTF_8);

    private CrashChild() {
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Exception | Error e) {
            // The ActorSystem's threads would keep the JVM alive without a server: end it, loudly.
            e.printStackTrace();
            Runtime.getRuntime().halt(FAILED);
        }
    }

    private static void run(String[] args) throws Exception {
        Config config = ConfigFactory.parseString(String.join("\n",
                "akka.actor.provider = local",
                "akka.loglevel = WARNING",
                "akka.coordinated-shutdown.exit-jvm = off",
                "zakka.data-dir = \"" + args[0].replace("\\", "/") + "\"",
                "zakka.snapshot-every-txns = 400",
                "zakka.snapshot-slice-nodes = 5",
                "zakka.preallocate-bytes = 16KiB",
                "zakka.log-segment-bytes = 32KiB")).withFallback(ConfigFactory.load());
        watchStdin();
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "zakka", config);
        ZakkaServer.start(system).whenStopped().thenRun(() -> {
            System.err.println("CrashChild: the node stopped on its own");
            Runtime.getRuntime().halt(NODE_STOPPED);
        });
        ZakkaClient client = ZakkaClient.connect(system, Duration.ofSeconds(30),
                ZakkaClient.Settings.defaults().withSessionTimeout(Duration.ofSeconds(30))
                        .withRequestTimeout(Duration.ofSeconds(30))).toCompletableFuture().get(60, TimeUnit.SECONDS);
        Map<String, Integer> versions = dump(client);
        OUT.println("READY");
        write(client, versions, new SplittableRandom(Long.parseLong(args[1])));
    }

    /** Ends the JVM at once when the parent closes our stdin (or dies). */
    private static void watchStdin() {
        Thread watcher = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() >= 0) {
                    continue;
                }
            } catch (IOException e) {
                OUT.println("stdin failed: " + e);
            }
            Runtime.getRuntime().halt(0);
        }, "stdin-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static Map<String, Integer> dump(ZakkaClient client) throws Exception {
        Map<String, Integer> versions = new HashMap<>();
        for (String parent : List.of("/w", "/m")) {
            ensure(client, parent);
            List<String> children = client.getChildren(parent, false).toCompletableFuture().get(60, TimeUnit.SECONDS);
            List<String> paths = children.stream().map(child -> parent + "/" + child).toList();
            for (int i = 0; i < paths.size(); i += 200) {
                List<String> batch = paths.subList(i, Math.min(paths.size(), i + 200));
                List<Op> reads = batch.stream().<Op>map(path -> new Op.GetData(path, false)).toList();
                List<OpResult> results = client.multiRead(reads).toCompletableFuture().get(60, TimeUnit.SECONDS);
                for (int j = 0; j < batch.size(); j++) {
                    OpResult.DataResult data = (OpResult.DataResult) results.get(j);
                    printState(batch.get(j), data);
                    versions.put(batch.get(j), data.stat().version());
                }
            }
        }
        ensure(client, "/m-last");
        printState("/m-last", client.getData("/m-last", false).toCompletableFuture().get(60, TimeUnit.SECONDS));
        OUT.println("STATE-END");
        return versions;
    }

    private static void printState(String path, OpResult.DataResult data) {
        OUT.println("STATE " + path + " " + data.stat().version() + " "
                + new String(data.data(), StandardCharsets.UTF_8));
    }

    private static void ensure(ZakkaClient client, String path) throws Exception {
        if (client.exists(path, false).toCompletableFuture().get(60, TimeUnit.SECONDS).isEmpty()) {
            client.create(path, "-1".getBytes(StandardCharsets.UTF_8), OPEN, CreateMode.PERSISTENT)
                    .toCompletableFuture().get(60, TimeUnit.SECONDS);
        }
    }

    private static void write(ZakkaClient client, Map<String, Integer> versions, SplittableRandom random)
            throws InterruptedException {
        Semaphore window = new Semaphore(WINDOW);
        List<String> idle = new ArrayList<>(versions.keySet().stream().filter(p -> p.startsWith("/w/")).toList());
        int next = versions.keySet().stream().mapToInt(CrashChild::index).max().orElse(0) + 1;
        while (true) {
            window.acquire();
            int kind = random.nextInt(10);
            int i = next++;
            String taken = kind >= 4 && kind < 8 ? takeIdle(idle, random) : null;
            if (kind < 8 && taken == null) {
                String path = "/w/c" + i;
                track(window, client.create(path, bytes(path + "@0"), OPEN, CreateMode.PERSISTENT),
                        "ACK " + path + " 0", () -> addIdle(idle, versions, path, 0));
            } else if (taken != null) {
                String path = taken;
                int version = versionOf(versions, path) + 1;
                track(window, client.setData(path, bytes(path + "@" + version), version - 1),
                        "ACK " + path + " " + version, () -> addIdle(idle, versions, path, version));
            } else {
                String path = "/m/m" + i;
                track(window, client.multi(List.of(
                                new Op.Create(path, bytes(path + "@0"), OPEN, CreateMode.PERSISTENT),
                                new Op.SetData("/m-last", bytes(Integer.toString(i)), -1))),
                        "ACK-MULTI " + path + " " + i, () -> { });
            }
        }
    }

    private static void track(Semaphore window, CompletionStage<?> write, String ack, Runnable then) {
        write.whenComplete((result, failure) -> {
            if (failure == null) {
                OUT.println(ack);
                synchronized (CrashChild.class) {
                    then.run();
                }
            } else {
                OUT.println("FAILED " + ack + " " + failure);
            }
            window.release();
        });
    }

    /** A node with no write in flight (taken out until its write completes), or null when there is none. */
    private static String takeIdle(List<String> idle, SplittableRandom random) {
        synchronized (CrashChild.class) {
            return idle.isEmpty() ? null : idle.remove(random.nextInt(idle.size()));
        }
    }

    private static int versionOf(Map<String, Integer> versions, String path) {
        synchronized (CrashChild.class) {
            return versions.get(path);
        }
    }

    private static void addIdle(List<String> idle, Map<String, Integer> versions, String path, int version) {
        versions.put(path, version);
        idle.add(path);
    }

    private static int index(String path) {
        return Integer.parseInt(path.substring(path.lastIndexOf('/') + 2));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
