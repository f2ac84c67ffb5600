package io.zakka.bench;

import io.zakka.bench.client.Access;
import io.zakka.bench.client.AskAccess;
import io.zakka.bench.client.BenchClient;
import io.zakka.bench.client.ZkAccess;
import io.zakka.bench.report.Role;
import io.zakka.bench.launch.ExternalServer;
import io.zakka.bench.launch.ServerHandle;
import io.zakka.bench.launch.ZakkaProcess;
import io.zakka.bench.launch.ZooKeeperServers;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The servers of a bench and the subjects that drive them: ZooKeeper standalone (the baseline), a ZooKeeper
 * ensemble of 3, and one standalone Zakka reached both with the stock client and with the ask API, or an
 * external server. Started together; every server child gets the same JVM options.
 */
public final class Targets implements AutoCloseable {

    static final String WIRE_MISSING = "wire protocol not available";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final List<ServerHandle> servers = new ArrayList<>();
    private final List<Subject> subjects = new ArrayList<>();
    private final AtomicInteger fresh = new AtomicInteger();

    public static Targets start(BenchOptions options, Path workDir, PrintStream progress) throws Exception {
        Targets targets = new Targets();
        try {
            targets.build(options, workDir, progress);
        } catch (Exception e) {
            targets.close();
            throw e;
        }
        return targets;
    }

    private void build(BenchOptions options, Path work, PrintStream progress) throws Exception {
        List<String> jvm = options.settings().serverJvmArgs();
        List<String> names = options.targets();
        Subject.AccessFactory wire = server -> new ZkAccess(server.connectString());
        Subject.AccessFactory ask = server -> new AskAccess(server.akkaSeed().orElseThrow());
        Subject.ServerFactory freshZk = name -> new ZooKeeperServers("ZooKeeper " + name, 1,
                work.resolve("zk-" + name + "-" + fresh.incrementAndGet()), jvm);
        Subject.ServerFactory freshZakka = name -> new ZakkaProcess("Zakka " + name,
                work.resolve("zakka-" + name + "-" + fresh.incrementAndGet()), zakkaJvm(options, jvm, name));
        ServerHandle zk = names.contains("zk") ? add(freshZk.create("standalone")) : null;
        ServerHandle ensemble = names.contains("zk-ensemble")
                ? add(new ZooKeeperServers("ZooKeeper ensemble", 3, work.resolve("zk-ensemble"), jvm)) : null;
        boolean zakkaWanted = names.contains("zakka-wire") || names.contains("zakka-ask");
        ServerHandle zakka = zakkaWanted ? add(freshZakka.create("standalone")) : null;
        progress.println("bench: starting " + servers.size() + " server(s) (heap " + options.settings().heap() + ")");
        for (ServerHandle server : servers) {
            server.spawn();
        }
        for (ServerHandle server : servers) {
            server.awaitReady(START_TIMEOUT);
        }
        if (zk != null) {
            subjects.add(new Subject("ZooKeeper 3.9.5 standalone", "zk", Role.BASELINE, zk, wire, freshZk, null));
        }
        if (ensemble != null) {
            subjects.add(new Subject("ZooKeeper 3.9.5 ensemble of 3", "zk-ensemble", Role.OTHER, ensemble, wire,
                    null, null));
        }
        if (names.contains("zakka-wire")) {
            String missing = wireServes(zakka) ? null : WIRE_MISSING;
            progress.println("bench: Zakka's client port " + (missing == null ? "speaks" : "does not speak")
                    + " the ZooKeeper protocol");
            subjects.add(new Subject("Zakka standalone, stock client", "zakka-wire", Role.ZAKKA_WIRE, zakka, wire,
                    freshZakka, missing));
        }
        if (names.contains("zakka-ask")) {
            subjects.add(new Subject("Zakka standalone, ask API", "zakka-ask", Role.ZAKKA_ASK, zakka, ask,
                    freshZakka, null));
        }
        if (options.external().isPresent()) {
            ServerHandle external = add(new ExternalServer(options.external().get()));
            subjects.add(new Subject(external.label(), "external", Role.OTHER, external, wire, null, null));
        }
    }

    private static List<String> zakkaJvm(BenchOptions options, List<String> jvm, String name) {
        List<String> args = new ArrayList<>(jvm);
        options.jfrDir().ifPresent(dir -> args.add("-XX:StartFlightRecording=settings=profile,filename="
                + dir.toAbsolutePath().resolve("zakka-" + name + "-" + System.nanoTime() + "-"
                + ZakkaProcess.SPAWN_NUMBER + ".jfr")));
        return args;
    }

    private ServerHandle add(ServerHandle server) {
        servers.add(server);
        return server;
    }

    /** Whether the server's client port answers a ZooKeeper ConnectRequest (the stock client opens a session). */
    static boolean wireServes(ServerHandle server) {
        try (Access access = new ZkAccess(server.connectString())) {
            BenchClient client = access.open(Duration.ofSeconds(5));
            client.close();
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** What the Zakka server said when it got ready (it states whether it persists), for the report. */
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        for (ServerHandle server : servers) {
            if (server instanceof ZakkaProcess zakka && zakka.serverReadyLine() != null) {
                notes.add("The Zakka server said: \"" + zakka.serverReadyLine() + "\"");
            }
        }
        return notes;
    }

    public List<Subject> subjects() {
        return List.copyOf(subjects);
    }

    @Override
    public void close() {
        subjects.forEach(Subject::close);
        servers.forEach(ServerHandle::stop);
    }
}
