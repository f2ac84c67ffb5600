package io.zakka.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The command line of {@code bin/zakka bench}. */
public record BenchOptions(BenchSettings settings, List<String> targets, Optional<String> external, Path out,
                           Optional<Path> workDir, Optional<Path> jfrDir) {

    /** The targets the bench starts itself, in report order. */
    public static final List<String> BUILT_IN = List.of("zk", "zk-ensemble", "zakka-wire", "zakka-ask");

    public static final String USAGE = String.join("\n",
            "usage: zakka bench [--quick] [--runs N] [--workloads a,b] [--target host:port] [--out FILE]",
            "                   [--targets zk,zk-ensemble,zakka-wire,zakka-ask] [--sessions K] [--in-flight N]",
            "                   [--warmup SECONDS] [--window SECONDS] [--heap SIZE] [--work-dir DIR] [--jfr DIR]",
            "  workloads: " + String.join(",", BenchSettings.ALL_WORKLOADS) + " (unloaded = both unloaded ones)",
            "  --target drives an already running server with the stock client (instead of the built-in targets",
            "  unless --targets is given too); --jfr records a JFR profile of every Zakka server into DIR;",
            "  --work-dir keeps each invocation's data dirs and logs in a new bench-* directory inside DIR.");

    public static BenchOptions parse(List<String> args) {
        List<String> rest = new ArrayList<>(args);
        BenchSettings settings = rest.contains("--quick") ? BenchSettings.quick() : BenchSettings.full();
        rest.remove("--quick");
        List<String> targets = null;
        Optional<String> external = Optional.empty();
        Path out = Path.of("bench-report.md");
        Optional<Path> workDir = Optional.empty();
        Optional<Path> jfrDir = Optional.empty();
        while (!rest.isEmpty()) {
            String flag = rest.remove(0);
            if (rest.isEmpty()) {
                throw new IllegalArgumentException("flag " + flag + " needs a value\n" + USAGE);
            }
            String value = rest.remove(0);
            switch (flag) {
                case "--runs" -> settings = settings.withRuns(positive(flag, value));
                case "--workloads" -> settings = settings.withWorkloads(workloads(value));
                case "--target" -> external = Optional.of(value);
                case "--targets" -> targets = names(value, BUILT_IN);
                case "--out" -> out = Path.of(value);
                case "--sessions" -> settings = settings.withLoad(positive(flag, value), settings.inFlight());
                case "--in-flight" -> settings = settings.withLoad(settings.sessions(), positive(flag, value));
                case "--warmup" -> settings = settings.withTimes(seconds(value), settings.window());
                case "--window" -> settings = settings.withTimes(settings.warmup(), seconds(value));
                case "--heap" -> settings = settings.withHeap(value);
                case "--work-dir" -> workDir = Optional.of(Path.of(value));
                case "--jfr" -> jfrDir = Optional.of(Path.of(value));
                default -> throw new IllegalArgumentException("unknown flag " + flag + "\n" + USAGE);
            }
        }
        if (targets == null) {
            targets = external.isPresent() ? List.of() : BUILT_IN;
        }
        return new BenchOptions(settings, targets, external, out, workDir, jfrDir);
    }

    private static List<String> workloads(String value) {
        List<String> expanded = new ArrayList<>();
        for (String name : value.split(",")) {
            if (name.trim().equals("unloaded")) {
                expanded.addAll(List.of("unloaded-read", "unloaded-write"));
            } else {
                expanded.add(name.trim());
            }
        }
        List<String> known = names(String.join(",", expanded), BenchSettings.ALL_WORKLOADS);
        return BenchSettings.ALL_WORKLOADS.stream().filter(known::contains).toList();
    }

    private static List<String> names(String value, List<String> known) {
        List<String> names = Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        for (String name : names) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown name '" + name + "'; known: " + String.join(",", known));
            }
        }
        return names;
    }

    private static int positive(String flag, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a positive number, got '" + value + "'", e);
        }
        throw new IllegalArgumentException(flag + " needs a positive number, got '" + value + "'");
    }

    private static Duration seconds(String value) {
        return Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
    }
}
