package io.zakka.bench;

import io.zakka.bench.report.Goal;
import io.zakka.bench.report.MarkdownReport;
import io.zakka.bench.report.Results;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Entry point of {@code bin/zakka bench}: starts the targets, runs the workloads, writes the report. */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "bench-logback.xml");
        }
        if (Arrays.asList(args).contains("--help")) {
            System.out.println(BenchOptions.USAGE);
            return;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(Arrays.asList(args));
        } catch (IllegalArgumentException e) {
            System.err.println("zakka bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        Outcome outcome = run(options, "zakka bench " + String.join(" ", args), System.out);
        Files.writeString(options.out(), outcome.report());
        System.out.println("bench: report written to " + options.out().toAbsolutePath());
        System.exit(0);
    }

    /** What a bench measured, and its Markdown report. */
    public record Outcome(Results results, String report) {
    }

    /** Runs the bench of {@code options}; {@code progress} gets a line per measurement. */
    public static Outcome run(BenchOptions options, String commandLine, PrintStream progress) throws Exception {
        // A fresh directory per invocation, also inside a given --work-dir (kept there for its logs): servers must
        // never start on the data dirs of an earlier bench, whose znodes would make this one's loads fail.
        Path work = options.workDir().isPresent()
                ? Files.createTempDirectory(Files.createDirectories(options.workDir().get()), "bench-")
                : Files.createTempDirectory("zakka-bench");
        options.jfrDir().ifPresent(dir -> createDirectories(dir));
        List<String> environment = Environment.describe();
        progress.println("bench: work directory " + work + "; " + options.settings());
        warnIfLowOnDisk(work, options.settings(), progress);
        Results results;
        List<String> notes = new ArrayList<>();
        try (Targets targets = Targets.start(options, work, progress)) {
            results = new Runner(options.settings(), progress).run(targets.subjects());
            notes.addAll(targets.notes());
        } finally {
            if (options.workDir().isEmpty()) {
                deleteTree(work);
            }
        }
        return new Outcome(results, MarkdownReport.render(new MarkdownReport.Header(commandLine, environment,
                settingsLines(options, work), notes(notes)), results, Goal.ISSUE_6));
    }

    /** Bytes a full-settings bench may write: every server keeps its data dir for all workloads of a run. */
    static final long FULL_SETTINGS_DISK_BYTES = 25L << 30;

    /**
     * A full disk kills every server in the middle of a run (they stop rather than lose writes) and the rest of
     * the report is "server gone": say so up front. ZooKeeper keeps every snapshot (no autopurge in its stock
     * settings), and the create workload makes a snapshot every 50-100 k creates of a tree of a million nodes.
     */
    private static void warnIfLowOnDisk(Path work, BenchSettings settings, PrintStream progress) throws IOException {
        long usable = Files.getFileStore(work).getUsableSpace();
        long needed = settings.sizes().equals(BenchSettings.Sizes.FULL) ? FULL_SETTINGS_DISK_BYTES
                : FULL_SETTINGS_DISK_BYTES / 10;
        if (usable < needed) {
            progress.printf("bench: WARNING only %d GiB free under %s; these settings may write up to %d GiB (servers"
                    + " stop when the disk is full, and the rest of the run fails). Free space or choose --work-dir"
                    + " on a larger disk.%n", usable >> 30, work, needed >> 30);
        }
    }

    private static List<String> settingsLines(BenchOptions options, Path work) {
        BenchSettings s = options.settings();
        List<String> lines = new ArrayList<>();
        lines.add("Load: " + s.sessions() + " sessions × " + s.inFlight() + " requests in flight (unloaded: 1 × 1),"
                + " warm-up " + s.warmup().toMillis() + " ms, window " + s.window().toMillis() + " ms, "
                + s.runs() + " runs, targets interleaved run by run");
        lines.add("Sizes: " + s.sizes());
        lines.add("Every server in its own JVM with " + String.join(" ", s.serverJvmArgs())
                + " (G1; Zakka servers also with the options of `bin/zakka java-options`: class-data archive,"
                + " young-generation floor); data directories under " + work + " (one disk)");
        lines.add("ZooKeeper: conf/zoo_sample.cfg settings (fsync on), maxClientCnxns=0, admin server off");
        lines.add("Client: the stock ZooKeeper 3.9.5 Java client, async API, in the bench JVM; the ask API through a"
                + " client ActorSystem in the same JVM joined to the Zakka server's cluster");
        lines.add("Targets: " + String.join(", ", options.targets())
                + options.external().map(e -> ", external " + e).orElse(""));
        return lines;
    }

    private static List<String> notes(List<String> serverNotes) {
        List<String> notes = new ArrayList<>(serverNotes);
        notes.addAll(List.of("Load average at the end: " + Environment.loadAverage(),
                "Latency is from issuing a request to its completion callback; p50/p99/p99.9 merge every run's "
                        + "window; ops/s is per run, and the ratio uses the median run",
                "CPU is busy cores during the window: client = the bench JVM, servers = the sum over the target's "
                        + "server processes (/proc/<pid>/stat)"));
        return notes;
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
