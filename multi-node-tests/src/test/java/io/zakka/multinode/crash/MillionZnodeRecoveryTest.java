package io.zakka.multinode.crash;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zakka.multinode.bench.StorageBench;
import io.zakka.storage.durability.DataDir;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data dir of 1,000,000 znodes (a snapshot plus a 20,000-txn log) is recovered by the real server started
 * with the heap that {@code bin/zakka} gives it by default, up to its ready line.
 */
class MillionZnodeRecoveryTest {
    private static final List<Process> PROCESSES = new ArrayList<>();

    @TempDir
    Path temp;

    @AfterAll
    static void killLeftovers() {
        PROCESSES.forEach(Process::destroyForcibly);
    }

    /** The default JAVA_OPTS of bin/zakka ({@code ${JAVA_OPTS:--Xmx1g}}). */
    private static String startScriptHeap() throws IOException {
        Path script = Path.of("..", "bin", "zakka");
        Matcher matcher = Pattern.compile("\\$\\{JAVA_OPTS:-([^}]*)}").matcher(Files.readString(script));
        assertTrue(matcher.find(), "bin/zakka has no default JAVA_OPTS");
        return matcher.group(1);
    }

    @Test
    void millionZnodesRecoverWithinTheStartScriptsDefaultHeap() throws Exception {
        Path dataDir = temp.resolve("data");
        int nodes = StorageBench.prepare(new DataDir(dataDir), 1_000_000, 20_000);
        String heap = startScriptHeap();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(List.of(heap.split(" ")));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.zakka.server.Main", "start",
                "--data-dir", dataDir.toString(), "--akka-port", "0", "--client-port", "0"));
        Process server = new ProcessBuilder(command).redirectErrorStream(true).start();
        PROCESSES.add(server);
        List<String> output = new ArrayList<>();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(server.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("reader failed: " + e);
            }
        }, "million-server-stdout");
        reader.setDaemon(true);
        reader.start();
        String ready = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (ready == null && System.nanoTime() < deadline && (server.isAlive() || !lines.isEmpty())) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                output.add(line);
                ready = line.startsWith("zakka ready") ? line : null;
            }
        }
        server.destroy();
        assertTrue(server.waitFor(60, TimeUnit.SECONDS), "the server did not stop");
        assertTrue(ready != null, "no ready line with " + heap + ":\n" + String.join("\n", output));
        assertTrue(output.stream().anyMatch(line -> line.contains("loaded snapshot")
                && line.contains("replayed 20000 txns")), String.join("\n", output));
        assertTrue(nodes >= 1_000_000, "nodes: " + nodes);
    }
}
