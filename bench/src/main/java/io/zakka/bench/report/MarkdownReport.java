package io.zakka.bench.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders {@link Results} as the bench's Markdown report. Pure: everything it prints is given to it. */
public final class MarkdownReport {

    /** What makes a report reproducible: the command line, versions, machine, settings and notes. */
    public record Header(String commandLine, List<String> environment, List<String> settings, List<String> notes) {
    }

    private MarkdownReport() {
    }

    public static String render(Header header, Results results, List<Goal> goals) {
        StringBuilder out = new StringBuilder();
        out.append("# Zakka vs Apache ZooKeeper: benchmark report\n\n");
        out.append("Command: `").append(header.commandLine()).append("`\n\n");
        bullets(out, "Environment", header.environment());
        bullets(out, "Settings", header.settings());
        ratios(out, results, goals);
        throughput(out, results);
        figures(out, results);
        unavailable(out, results);
        bullets(out, "Notes", header.notes());
        out.append("Total errors: ").append(results.totalErrors()).append('\n');
        return out.toString();
    }

    private static void bullets(StringBuilder out, String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        out.append("## ").append(title).append("\n\n");
        lines.forEach(line -> out.append("* ").append(line).append('\n'));
        out.append('\n');
    }

    private static void ratios(StringBuilder out, Results results, List<Goal> goals) {
        out.append("## Ratios Zakka ÷ ZooKeeper standalone\n\n");
        out.append("| workload | metric | goal | Zakka (stock client) ÷ ZK | met | Zakka (ask API) ÷ ZK | met |\n");
        out.append("|---|---|---|---|---|---|---|\n");
        for (Goal goal : goals) {
            if (!results.workloads().contains(goal.workload())) {
                continue;
            }
            double wire = results.ratio(goal, Role.ZAKKA_WIRE);
            double ask = results.ratio(goal, Role.ZAKKA_ASK);
            out.append("| ").append(goal.workload()).append(" | ").append(goal.metric()).append(" | ")
                    .append(goal.describe()).append(" | ").append(ratio(wire)).append(" | ").append(met(goal, wire))
                    .append(" | ").append(ratio(ask)).append(" | ").append(met(goal, ask)).append(" |\n");
        }
        out.append('\n');
    }

    private static void throughput(StringBuilder out, Results results) {
        out.append("## Throughput and latency\n\n");
        out.append("| workload | target | ops/s per run | median ops/s | p50 ms | p99 ms | p99.9 ms | errors "
                + "| client CPU (cores) | server CPU (cores) |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (String workload : results.workloads()) {
            for (Results.Subject subject : results.subjects()) {
                Summary s = results.summary(workload, subject.label());
                if (results.runs(workload, subject.label()).isEmpty() || isFigures(workload)) {
                    continue;
                }
                out.append("| ").append(workload).append(" | ").append(subject.label()).append(" | ");
                if (!s.isAvailable()) {
                    out.append("n/a (").append(s.unavailable()).append(") | | | | | | | |\n");
                    continue;
                }
                out.append(joined(s.opsPerRun(), 0)).append(" | ").append(num(s.medianOps(), 0)).append(" | ")
                        .append(num(s.latency().p50Ms(), 3)).append(" | ").append(num(s.latency().p99Ms(), 3))
                        .append(" | ").append(num(s.latency().p999Ms(), 3)).append(" | ").append(s.errors())
                        .append(" | ").append(num(s.clientCores(), 2)).append(" | ").append(num(s.serverCores(), 2))
                        .append(" |\n");
            }
        }
        out.append('\n');
    }

    private static void figures(StringBuilder out, Results results) {
        out.append("## Recovery and memory\n\n");
        out.append("| workload | target | figure | per run | median | errors |\n|---|---|---|---|---|---|\n");
        for (String workload : results.workloads()) {
            for (Results.Subject subject : results.subjects()) {
                Summary s = results.summary(workload, subject.label());
                if (!s.isAvailable() || !isFigures(workload)) {
                    continue;
                }
                for (Map.Entry<String, List<Double>> e : s.valuesPerRun().entrySet()) {
                    out.append("| ").append(workload).append(" | ").append(subject.label()).append(" | ")
                            .append(e.getKey()).append(" | ").append(joined(e.getValue(), 1)).append(" | ")
                            .append(num(Stats.median(e.getValue()), 1)).append(" | ").append(s.errors())
                            .append(" |\n");
                }
            }
        }
        out.append('\n');
    }

    private static void unavailable(StringBuilder out, Results results) {
        StringBuilder lines = new StringBuilder();
        for (String workload : results.workloads()) {
            for (Results.Subject subject : results.subjects()) {
                Summary s = results.summary(workload, subject.label());
                if (!s.isAvailable() && isFigures(workload)) {
                    lines.append("* ").append(workload).append(", ").append(subject.label()).append(": n/a (")
                            .append(s.unavailable()).append(")\n");
                }
                if (s.firstError() != null) {
                    lines.append("* ").append(workload).append(", ").append(subject.label())
                            .append(": first error: ").append(s.firstError()).append('\n');
                }
            }
        }
        if (!lines.isEmpty()) {
            out.append("## Not measured, and errors\n\n").append(lines).append('\n');
        }
    }

    /** Recovery and memory report named figures rather than throughput and latency. */
    static boolean isFigures(String workload) {
        return workload.equals("recovery") || workload.equals("memory");
    }

    static String ratio(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.2f×", value) : "n/a";
    }

    private static String met(Goal goal, double ratio) {
        if (!Double.isFinite(ratio)) {
            return "–";
        }
        return goal.met(ratio) ? "yes" : "**no**";
    }

    static String num(double value, int decimals) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%." + decimals + "f", value) : "n/a";
    }

    private static String joined(List<Double> values, int decimals) {
        return values.stream().map(v -> num(v, decimals)).collect(Collectors.joining(", "));
    }
}
