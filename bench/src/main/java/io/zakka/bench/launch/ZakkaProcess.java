package io.zakka.bench.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A standalone Zakka server ({@code io.zakka.server.Main start}) in its own JVM, on free loopback ports. */
public final class ZakkaProcess implements ServerHandle {

    /** Replaced, in a JVM option, by how many times this server was started (so a restart has its own JFR file). */
    public static final String SPAWN_NUMBER = "{spawn}";

    private final String label;
    private final Path dir;
    private final List<String> jvmArgs;
    private final int akkaPort = Ports.free();
    private final int clientPort = Ports.free();
    private ChildProcess process;
    private int spawns;

    public ZakkaProcess(String label, Path dir, List<String> jvmArgs) throws IOException {
        this.label = label;
        this.dir = Files.createDirectories(dir);
        this.jvmArgs = List.copyOf(jvmArgs);
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String connectString() {
        return "127.0.0.1:" + clientPort;
    }

    @Override
    public Optional<String> akkaSeed() {
        return Optional.of("akka://zakka@127.0.0.1:" + akkaPort);
    }

    @Override
    public void spawn() throws IOException {
        spawns++;
        // The launcher's options first (bin/zakka's start-up options), then the bench's heap and recording.
        ZakkaLauncher.Options launcher = ZakkaLauncher.options();
        List<String> jvm = new ArrayList<>(launcher.jvm());
        jvmArgs.forEach(arg -> jvm.add(arg.replace(SPAWN_NUMBER, Integer.toString(spawns))));
        List<String> args = List.of("zakka", "--akka-port", Integer.toString(akkaPort),
                "--client-port", Integer.toString(clientPort), "--data-dir", dir.resolve("data").toString());
        process = ChildProcess.spawn(label, jvm, launcher.classpath(), args, dir.resolve("server.log"));
    }

    @Override
    public void awaitReady(Duration timeout) throws InterruptedException {
        process.awaitReady(timeout);
    }

    @Override
    public void stop() {
        if (process != null) {
            process.close();
            process = null;
        }
    }

    @Override
    public long cpuNanos() {
        return process == null ? -1 : process.cpuNanos();
    }

    @Override
    public long heapUsedAfterGc() throws IOException, InterruptedException {
        return process.heapUsedAfterGc(Duration.ofSeconds(120));
    }

    /** What the server said when it got ready (mode and persistence), or null. */
    public String serverReadyLine() {
        return process == null ? null : process.serverReadyLine();
    }

    @Override
    public boolean alive() {
        return process != null && process.alive();
    }

    @Override
    public boolean managed() {
        return true;
    }
}
