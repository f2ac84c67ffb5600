package io.zakka.multinode.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server that cannot start says why and what to do, and exits with 1, in a JVM of its own like bin/zakka's. */
class StartRefusalTest {

    @Test
    void anAkkaPortInUseIsRefusedWithTheFlagToChooseAnother(@TempDir Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String output = refusedStart(dir, "--akka-port", Integer.toString(taken.getLocalPort()),
                    "--client-port", "0");
            assertTrue(output.contains("zakka: cannot start") || output.contains("zakka: the ActorSystem could not"),
                    output);
            assertTrue(output.contains("--akka-port"), output);
            assertTrue(output.contains(Integer.toString(taken.getLocalPort())), output);
        }
    }

    @Test
    void aClientPortInUseIsRefusedBeforeAnythingStartsWithTheFlagToChooseAnother(@TempDir Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String output = refusedStart(dir, "--akka-port", "0", "--client-port",
                    Integer.toString(taken.getLocalPort()));
            assertTrue(output.contains("zakka: the ZooKeeper client port"), output);
            assertTrue(output.contains(":" + taken.getLocalPort() + " could not be bound"), output);
            assertTrue(output.contains("--client-port"), output);
        }
    }

    /** Runs {@code zakka start} with {@code flags} in a JVM of its own; returns its output once it exited with 1. */
    private static String refusedStart(Path dir, String... flags) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "io.zakka.server.Main", "start", "--data-dir", dir.resolve("data").toString()));
        command.addAll(List.of(flags));
        Process server = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(dir.resolve("output.txt").toFile()).start();
        boolean ended = server.waitFor(90, TimeUnit.SECONDS);
        if (!ended) {
            server.destroyForcibly();
        }
        String output = Files.readString(dir.resolve("output.txt"), StandardCharsets.UTF_8);
        assertTrue(ended, "the server neither started nor gave up within 90 s:\n" + output);
        assertEquals(1, server.exitValue(), output);
        return output;
    }
}
