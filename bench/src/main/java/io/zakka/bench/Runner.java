package io.zakka.bench;

import io.zakka.bench.launch.ServerHandle;
import io.zakka.bench.report.LatencySummary;
import io.zakka.bench.report.Measurement;
import io.zakka.bench.report.Results;
import io.zakka.bench.workload.Workload;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Runs every selected workload against every subject, run after run. Within a run the subjects take turns
 * workload by workload, and the order of the turns rotates from run to run, so machine noise (other
 * processes, GC, the JIT) falls on every target alike. Recovery and memory measure a fresh server, so they run
 * once per kind of server (see {@link #PER_SERVER}).
 */
public final class Runner {

    /**
     * Workloads that measure the server rather than the access path: run once per server and run, through the
     * first subject of that server (the stock client comes before the ask API), the others point to it.
     */
    static final Set<String> PER_SERVER = Set.of("recovery", "memory");

    private final BenchSettings settings;
    private final PrintStream progress;
    private final Function<String, Workload> workloads;
    private final long started = System.nanoTime();

    public Runner(BenchSettings settings, PrintStream progress) {
        this(settings, progress, Workload::named);
    }

    /** With {@code workloads} making the workload of each name (tests give fakes). */
    Runner(BenchSettings settings, PrintStream progress, Function<String, Workload> workloads) {
        this.settings = settings;
        this.progress = progress;
        this.workloads = workloads;
    }

    public Results run(List<Subject> subjects) throws InterruptedException {
        Results results = new Results();
        subjects.forEach(s -> results.addSubject(new Results.Subject(s.label(), s.role())));
        for (int run = 1; run <= settings.runs(); run++) {
            for (String name : settings.workloads()) {
                Workload workload = workloads.apply(name);
                boolean perServer = PER_SERVER.contains(name);
                List<Subject> order = perServer ? subjects : rotated(subjects, run - 1);
                Map<ServerHandle, String> measuredBy = new HashMap<>();
                for (Subject subject : order) {
                    String first = perServer ? measuredBy.get(subject.server()) : null;
                    Measurement m = first != null
                            ? Measurement.unavailable("a server-side figure, measured once per server: see " + first)
                            : measure(workload, subject);
                    if (perServer && m.isAvailable() && m.errors() == 0) {
                        measuredBy.putIfAbsent(subject.server(), subject.label());
                    }
                    results.add(name, subject.label(), m);
                    progress.println(line(run, name, subject, m));
                }
            }
        }
        return results;
    }

    private Measurement measure(Workload workload, Subject subject) throws InterruptedException {
        if (subject.unavailable() != null) {
            return Measurement.unavailable(subject.unavailable());
        }
        if (!subject.server().alive()) {
            return new Measurement(Double.NaN, null, 1, "the server process is gone (see its server.log)", Double.NaN,
                    Double.NaN, Map.of(), null);
        }
        try {
            return workload.run(subject, settings);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception | AssertionError e) {
            String error = workload.name() + " failed: " + e;
            return new Measurement(Double.NaN, null, 1, error, Double.NaN, Double.NaN, Map.of(), null);
        }
    }

    static <T> List<T> rotated(List<T> items, int by) {
        List<T> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            out.add(items.get((i + by) % items.size()));
        }
        return out;
    }

    private String line(int run, String workload, Subject subject, Measurement m) {
        String head = String.format(Locale.ROOT, "[%5.0fs] run %d/%d %-14s %-34s ", (System.nanoTime() - started) / 1e9,
                run, settings.runs(), workload, subject.label());
        if (!m.isAvailable()) {
            return head + "n/a (" + m.unavailable() + ")";
        }
        if (!m.values().isEmpty()) {
            StringBuilder values = new StringBuilder();
            m.values().forEach((k, v) -> values.append(String.format(Locale.ROOT, "%s %.1f  ", k, v)));
            return head + values + "errors " + m.errors();
        }
        LatencySummary l = LatencySummary.of(m.latency());
        return head + String.format(Locale.ROOT, "%9.0f ops/s  p50 %.3f ms  p99 %.3f ms  errors %d%s", m.opsPerSec(),
                l.p50Ms(), l.p99Ms(), m.errors(), m.firstError() == null ? "" : " (" + m.firstError() + ")");
    }
}
