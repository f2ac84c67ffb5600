package io.zakka.bench.launch;

import java.io.BufferedReader;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A server in its own JVM: java from {@code java.home}, the bench's own classpath, {@link ChildMain} as the
 * main class. The child prints {@value ChildMain#READY} when it serves and answers {@code heap} on stdin with
 * {@value ChildMain#HEAP} and its heap use after a GC; end of stdin (or {@link #close}) ends it. A shutdown hook
 * destroys every child still running, so an interrupted bench leaves no orphans; a child whose parent died
 * sees the end of its stdin and exits.
 */
public final class ChildProcess implements AutoCloseable {

    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly),
                "bench-child-reaper"));
    }

    private final String name;
    private final Process process;
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final long startedNanos;

    private final Path log;
    private volatile String serverReadyLine;

    private ChildProcess(String name, Process process, long startedNanos, Path log) {
        this.name = name;
        this.log = log;
        this.process = process;
        this.startedNanos = startedNanos;
    }

    /**
     * Starts {@code java <jvmArgs> -cp <bench classpath> ChildMain <args>}; stderr goes to {@code log}. Returns
     * at once: {@link #awaitReady} waits for the ready line.
     */
    public static ChildProcess spawn(String name, List<String> jvmArgs, List<String> args, Path log)
            throws IOException {
        return spawn(name, jvmArgs, "", args, log);
    }

    /** As {@link #spawn(String, List, List, Path)}, with {@code classpathPrefix} (if not empty) before the bench's. */
    public static ChildProcess spawn(String name, List<String> jvmArgs, String classpathPrefix, List<String> args,
                                     Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-Dlogback.configurationFile=bench-logback.xml");
        command.add("-cp");
        String own = System.getProperty("java.class.path");
        command.add(classpathPrefix.isEmpty() ? own : classpathPrefix + java.io.File.pathSeparator + own);
        command.add(ChildMain.class.getName());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        long started = System.nanoTime();
        Process process = builder.start();
        LIVE.add(process);
        ChildProcess child = new ChildProcess(name, process, started, log);
        Thread reader = new Thread(child::readStdout, "bench-child-" + name);
        reader.setDaemon(true);
        reader.start();
        return child;
    }

    /** Protocol lines go to the waiting bench; everything else (the server's own output) to the log. */
    private void readStdout() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
             PrintStream out = new PrintStream(new FileOutputStream(log.toFile(), true), true,
                     StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith(ChildMain.READY) || line.startsWith(ChildMain.HEAP)) {
                    lines.add(line);
                } else {
                    if (line.startsWith("zakka ready")) {
                        serverReadyLine = line;
                    }
                    out.println(line);
                }
            }
        } catch (IOException e) {
            lines.add("EOF " + e);
        }
        lines.add("EOF");
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    /** When the JVM was launched, for the recovery workload's start → serving time. */
    public long startedNanos() {
        return startedNanos;
    }

    /** Waits for the ready line; fails when the child exits first or does not get ready in time. */
    public void awaitReady(Duration timeout) throws InterruptedException {
        expect(ChildMain.READY, timeout);
    }

    /** The child's heap use in bytes after a full GC, as measured inside it. */
    public long heapUsedAfterGc(Duration timeout) throws IOException, InterruptedException {
        OutputStream stdin = process.getOutputStream();
        stdin.write("heap\n".getBytes(StandardCharsets.UTF_8));
        stdin.flush();
        String line = expect(ChildMain.HEAP, timeout);
        return Long.parseLong(line.substring(ChildMain.HEAP.length()).trim());
    }

    private String expect(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            String line = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
            if (line == null) {
                throw new IllegalStateException(name + ": no '" + prefix + "' line within " + timeout);
            }
            if (line.startsWith("EOF")) {
                throw new IllegalStateException(name + " exited before '" + prefix + "' (see its log)");
            }
            if (line.startsWith(prefix)) {
                return line;
            }
        }
    }

    /** The server's own ready line (Zakka prints what it persists there), or null before it. */
    public String serverReadyLine() {
        return serverReadyLine;
    }

    /** Whether the child is still running (it may have died, for example of a fatal error). */
    public boolean alive() {
        return process.isAlive();
    }

    /** CPU time (user + system) the child used so far, in nanoseconds; -1 when it cannot be read. */
    public long cpuNanos() {
        return ProcCpu.cpuNanos(process.pid());
    }

    /** Closes stdin (the child exits on its own), then destroys it if it has not exited within 20 s. */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            LIVE.remove(process);
        }
    }
}
