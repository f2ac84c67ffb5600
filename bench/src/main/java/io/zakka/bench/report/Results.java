package io.zakka.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every measurement of a bench, by workload then target, in the order they were taken. Thread-confined. */
public final class Results {

    /** A target as the report names it. */
    public record Subject(String label, Role role) {
    }

    private final List<Subject> subjects = new ArrayList<>();
    private final Map<String, Map<String, List<Measurement>>> byWorkload = new LinkedHashMap<>();

    public void addSubject(Subject subject) {
        subjects.add(subject);
    }

    public List<Subject> subjects() {
        return List.copyOf(subjects);
    }

    public void add(String workload, String subject, Measurement measurement) {
        byWorkload.computeIfAbsent(workload, w -> new LinkedHashMap<>())
                .computeIfAbsent(subject, s -> new ArrayList<>()).add(measurement);
    }

    public List<String> workloads() {
        return List.copyOf(byWorkload.keySet());
    }

    /** The runs of {@code workload} against {@code subject}; empty when it was not run. */
    public List<Measurement> runs(String workload, String subject) {
        return byWorkload.getOrDefault(workload, Map.of()).getOrDefault(subject, List.of());
    }

    public Summary summary(String workload, String subject) {
        return Summary.of(runs(workload, subject));
    }

    /** The label of the first target with {@code role}, or null. */
    public String labelOf(Role role) {
        return subjects.stream().filter(s -> s.role() == role).map(Subject::label).findFirst().orElse(null);
    }

    /** The ratio (target with {@code role}) ÷ (ZooKeeper baseline) of {@code goal}'s metric; NaN when missing. */
    public double ratio(Goal goal, Role role) {
        String numerator = labelOf(role);
        String denominator = labelOf(Role.BASELINE);
        if (numerator == null || denominator == null) {
            return Double.NaN;
        }
        Summary top = summary(goal.workload(), numerator);
        Summary bottom = summary(goal.workload(), denominator);
        if (!top.isAvailable() || !bottom.isAvailable()) {
            return Double.NaN;
        }
        return Stats.ratio(top.metric(goal.metric()), bottom.metric(goal.metric()));
    }

    /** Errors summed over every workload and target. */
    public long totalErrors() {
        return byWorkload.values().stream().flatMap(m -> m.values().stream()).flatMap(List::stream)
                .mapToLong(Measurement::errors).sum();
    }
}
