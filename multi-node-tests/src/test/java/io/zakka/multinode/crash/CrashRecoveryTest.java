package io.zakka.multinode.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill -9 at random moments, restart on the same data dir, repeatedly: every acknowledged write survives, and no
 * write appears half-applied. A forked JVM ({@link CrashChild}) runs the node and a writing client and prints
 * each acknowledgement; this test records them, kills the JVM with SIGKILL (sometimes right when a snapshot is
 * being written), restarts it and checks the state the recovered node serves. Seeded ({@code -Dcrash.seed=});
 * bounded by {@link #BUDGET_MS}.
 */
class CrashRecoveryTest {
    private static final int LIVES = 8;
    private static final long BUDGET_MS = 90_000;
    private static final List<Process> PROCESSES = new ArrayList<>();

    @TempDir
    Path temp;

    /** path -> highest acknowledged version; data of a node at version v is always "path@v". */
    private final Map<String, Integer> acked = new HashMap<>();
    private int ackedMulti = -1;
    private int killsDuringSnapshot;

    @AfterAll
    static void killLeftovers() {
        PROCESSES.forEach(Process::destroyForcibly);
    }

    @Test
    void everyAcknowledgedWriteSurvivesKillNineAndNothingIsHalfApplied() throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        System.out.println("CrashRecoveryTest seed=" + seed + " (rerun with -Dcrash.seed=" + seed + ")");
        SplittableRandom random = new SplittableRandom(seed);
        Path dataDir = temp.resolve("data");
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BUDGET_MS);
        int lives = 0;
        while (lives < LIVES && System.nanoTime() < deadline) {
            Child child = Child.start(dataDir, random.nextLong());
            verify(child.readState(), "seed=" + seed + " life " + lives);
            runThenKill(child, dataDir, random);
            lives++;
        }
        Child last = Child.start(dataDir, random.nextLong());
        verify(last.readState(), "seed=" + seed + " final");
        last.stop();
        System.out.printf("CrashRecoveryTest: %d kills (%d while a snapshot was being written), %d acknowledged"
                + " nodes, last multi %d%n", lives, killsDuringSnapshot, acked.size(), ackedMulti);
        assertTrue(lives >= 3, "too few lives in the time budget: " + lives);
        assertTrue(acked.size() > 50, "too few acknowledged writes: " + acked.size());
    }

    private void runThenKill(Child child, Path dataDir, SplittableRandom random) throws Exception {
        long runMs = 300 + random.nextInt(1500);
        boolean atSnapshot = random.nextBoolean();
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(runMs);
        while (System.nanoTime() < until) {
            String line = child.lines.poll(atSnapshot ? 1 : 20, TimeUnit.MILLISECONDS);
            if (line != null) {
                record(line);
            }
            if (atSnapshot && snapshotBeingWritten(dataDir)) {
                break;
            }
        }
        if (snapshotBeingWritten(dataDir)) {
            killsDuringSnapshot++;
        }
        child.process.destroyForcibly();
        assertTrue(child.process.waitFor(30, TimeUnit.SECONDS), "killed child did not end");
        child.reader.join(TimeUnit.SECONDS.toMillis(30));
        for (String line = child.lines.poll(); line != null; line = child.lines.poll()) {
            record(line);
        }
    }

    private static boolean snapshotBeingWritten(Path dataDir) throws IOException {
        Path snapshots = dataDir.resolve("snapshot");
        if (!Files.isDirectory(snapshots)) {
            return false;
        }
        try (Stream<Path> files = Files.list(snapshots)) {
            return files.anyMatch(file -> file.getFileName().toString().endsWith(".tmp"));
        }
    }

    private void record(String line) {
        String[] parts = line.split(" ");
        if (parts[0].equals("ACK")) {
            acked.merge(parts[1], Integer.parseInt(parts[2]), Math::max);
        } else if (parts[0].equals("ACK-MULTI")) {
            acked.merge(parts[1], 0, Math::max);
            ackedMulti = Math.max(ackedMulti, Integer.parseInt(parts[2]));
        }
    }

    /** The recovered state against everything acknowledged before the kill. */
    private void verify(Map<String, String[]> state, String context) {
        for (Map.Entry<String, Integer> ack : acked.entrySet()) {
            String[] node = state.get(ack.getKey());
            assertNotNull(node, context + ": acknowledged " + ack.getKey() + " is gone");
            assertTrue(Integer.parseInt(node[0]) >= ack.getValue(), context + ": " + ack.getKey()
                    + " acknowledged at version " + ack.getValue() + " but recovered at " + node[0]);
        }
        int multis = 0;
        int maxMulti = -1;
        for (Map.Entry<String, String[]> node : state.entrySet()) {
            if (node.getKey().equals("/m-last")) {
                continue;
            }
            assertEquals(node.getKey() + "@" + node.getValue()[0], node.getValue()[1],
                    context + ": data of " + node.getKey() + " does not match its version");
            if (node.getKey().startsWith("/m/m")) {
                multis++;
                maxMulti = Math.max(maxMulti, Integer.parseInt(node.getKey().substring(4)));
            }
        }
        String[] last = state.get("/m-last");
        assertNotNull(last, context + ": /m-last missing");
        assertEquals(multis, Integer.parseInt(last[0]), context + ": /m-last was set by " + last[0]
                + " multis but " + multis + " multi creates are present: a multi was applied in part");
        assertEquals(Integer.toString(maxMulti), last[1], context + ": /m-last names the wrong multi");
        assertTrue(maxMulti >= ackedMulti, context + ": acknowledged multi " + ackedMulti + " is gone");
    }

    /** One life of the server JVM, its stdout lines in a queue. */
    private static final class Child {
        final Process process;
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final Thread reader;

        private Child(Process process) {
            this.process = process;
            this.reader = new Thread(this::pump, "crash-child-stdout");
            reader.setDaemon(true);
            reader.start();
        }

        static Child start(Path dataDir, long seed) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-cp",
                    System.getProperty("java.class.path"), CrashChild.class.getName(), dataDir.toString(),
                    Long.toString(seed));
            builder.redirectError(ProcessBuilder.Redirect.INHERIT);
            Process process = builder.start();
            synchronized (PROCESSES) {
                PROCESSES.add(process);
            }
            return new Child(process);
        }

        private void pump() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("READER-FAILED " + e);
            }
        }

        /** The STATE lines up to READY: path -> [version, data]. */
        Map<String, String[]> readState() throws InterruptedException {
            Map<String, String[]> state = new HashMap<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (System.nanoTime() < deadline) {
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (line == null) {
                    if (!process.isAlive()) {
                        fail("the server JVM ended before READY (exit " + process.exitValue() + ")");
                    }
                    continue;
                }
                if (line.equals("READY")) {
                    return state;
                }
                if (line.startsWith("STATE ")) {
                    String[] parts = line.split(" ", 4);
                    state.put(parts[1], new String[] {parts[2], parts.length > 3 ? parts[3] : ""});
                }
            }
            fail("no READY from the server JVM within 90 s");
            return state;
        }

        void stop() throws Exception {
            process.getOutputStream().close();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the server JVM did not end after stdin EOF");
        }
    }
}
