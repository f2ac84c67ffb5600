package io.zakka.bench.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The options {@code bin/zakka} starts a server JVM with (its class-data archive among them), so that the bench
 * measures Zakka as the launcher runs it. {@code bin/zakka bench} names the launcher in the system property
 * {@value #PROPERTY}; {@code bin/zakka java-options} prints the options one per line, then {@code -cp} and the
 * server's classpath. A child runs with those options and that classpath followed by the bench's own (the
 * archive only requires the launcher's classpath as a prefix). Without the property (a bench run from a test or
 * an IDE) or when the launcher fails, children start with the bench's classpath alone, as before.
 */
final class ZakkaLauncher {

    static final String PROPERTY = "zakka.launcher";

    /** JVM options before the classpath, and the launcher's classpath (empty when there is no launcher). */
    record Options(List<String> jvm, String classpath) {

        static final Options NONE = new Options(List.of(), "");
    }

    private static Options cached;

    private ZakkaLauncher() {
    }

    /** Asks the launcher once per bench (it makes the archive on its first use, before any timed launch). */
    static synchronized Options options() {
        if (cached == null) {
            cached = ask();
        }
        return cached;
    }

    private static Options ask() {
        String launcher = System.getProperty(PROPERTY);
        if (launcher == null || !Files.isExecutable(Path.of(launcher))) {
            return Options.NONE;
        }
        try {
            Process process = new ProcessBuilder(launcher, "java-options")
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                System.err.println("bench: " + launcher + " java-options failed; Zakka starts without its options");
                return Options.NONE;
            }
            return parse(new String(out, StandardCharsets.UTF_8).lines().toList());
        } catch (IOException e) {
            System.err.println("bench: cannot run " + launcher + " java-options (" + e.getMessage()
                    + "); Zakka starts without its options");
            return Options.NONE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Options.NONE;
        }
    }

    /** The option lines up to {@code -cp}, and the line after it. */
    static Options parse(List<String> lines) {
        List<String> jvm = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.equals("-cp") && i + 1 < lines.size()) {
                return new Options(List.copyOf(jvm), lines.get(i + 1).strip());
            }
            if (line.startsWith("-")) {
                jvm.add(line);
            }
        }
        return Options.NONE;
    }
}
