package io.zakka.multinode.crash;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.zakka.storage.durability.CrashPoints;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One life of the {@link CrashChild} server JVM: its stdout lines in a queue, its stderr echoed to ours with the
 * line a crash point prints before it halts kept aside. Every wait is bounded.
 */
final class ChildJvm {
    private static final List<Process> PROCESSES = new ArrayList<>();

    final Process process;
    final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Thread reader;
    private final Thread errors;
    private volatile String crashLine;

    private ChildJvm(Process process) {
        this.process = process;
        this.reader = pump(process.getInputStream(), lines::add, "crash-child-stdout");
        this.errors = pump(process.getErrorStream(), this::onError, "crash-child-stderr");
    }

    /**
     * Starts a server JVM on {@code dataDir} whose client writes with {@code seed}; {@code crashAt} arms a crash
     * point ({@link CrashPoints#PROPERTY}), empty arms none.
     */
    static ChildJvm start(Path dataDir, long seed, Optional<String> crashAt) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1"));
        crashAt.ifPresent(point -> command.add("-D" + CrashPoints.PROPERTY + "=" + point));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), CrashChild.class.getName(),
                dataDir.toString(), Long.toString(seed)));
        Process process = new ProcessBuilder(command).start();
        synchronized (PROCESSES) {
            PROCESSES.add(process);
        }
        return new ChildJvm(process);
    }

    /** Kills every child still running (after a failed test). */
    static void killLeftovers() {
        synchronized (PROCESSES) {
            PROCESSES.forEach(Process::destroyForcibly);
        }
    }

    private static Thread pump(InputStream stream, Consumer<String> sink, String name) {
        Thread thread = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    sink.accept(line);
                }
            } catch (IOException e) {
                sink.accept("READER-FAILED " + e);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private void onError(String line) {
        if (line.startsWith(CrashPoints.REACHED)) {
            crashLine = line;
        }
        System.err.println("[child] " + line);
    }

    /** The line the child printed at a crash point before it halted, or null. */
    String crashLine() {
        return crashLine;
    }

    /**
     * The STATE lines up to READY (path -> [version, data]), or empty when the JVM ended first (a crash point
     * reached while it recovered or opened its session); fails after 90 s without either.
     */
    Optional<Map<String, String[]>> readState() throws InterruptedException {
        Map<String, String[]> state = new HashMap<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line == null) {
                if (!process.isAlive()) {
                    return Optional.empty();
                }
                continue;
            }
            if (line.equals("READY")) {
                return Optional.of(state);
            }
            if (line.startsWith("STATE ")) {
                String[] parts = line.split(" ", 4);
                state.put(parts[1], new String[] {parts[2], parts.length > 3 ? parts[3] : ""});
            }
        }
        fail("no READY from the server JVM within 90 s");
        return Optional.empty();
    }

    /** Waits (bounded) for the JVM to end and for both pumps to drain; returns its exit status. */
    int awaitExit(long timeoutSeconds) throws InterruptedException {
        assertTrue(process.waitFor(timeoutSeconds, TimeUnit.SECONDS), "the server JVM did not end");
        reader.join(TimeUnit.SECONDS.toMillis(30));
        errors.join(TimeUnit.SECONDS.toMillis(30));
        return process.exitValue();
    }

    /** Kills the JVM with SIGKILL and waits for it to end. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        awaitExit(30);
    }

    /** Closes its stdin, which ends it (CrashChild halts on EOF), and waits for that. */
    void stop() throws IOException, InterruptedException {
        process.getOutputStream().close();
        awaitExit(30);
    }
}
