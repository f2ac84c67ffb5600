package io.zakka.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.HdrHistogram.Histogram;

/**
 * The runs of one workload against one target reduced to the report's figures: the median of the per-run
 * throughput, percentiles of all runs' latencies merged, errors summed, CPU as the median of the runs.
 */
public record Summary(List<Double> opsPerRun, double medianOps, LatencySummary latency, long errors,
                      String firstError, double clientCores, double serverCores, Map<String, List<Double>> valuesPerRun,
                      String unavailable) {

    public static Summary of(List<Measurement> runs) {
        List<Double> ops = new ArrayList<>();
        List<Histogram> latencies = new ArrayList<>();
        List<Double> client = new ArrayList<>();
        List<Double> server = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>();
        long errors = 0;
        String firstError = null;
        String unavailable = null;
        for (Measurement m : runs) {
            if (!m.isAvailable()) {
                unavailable = m.unavailable();
                continue;
            }
            ops.add(m.opsPerSec());
            latencies.add(m.latency());
            client.add(m.clientCores());
            server.add(m.serverCores());
            names.addAll(m.values().keySet());
            errors += m.errors();
            firstError = firstError == null ? m.firstError() : firstError;
        }
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (String name : names) {
            values.put(name, runs.stream().filter(Measurement::isAvailable).map(m -> m.value(name)).toList());
        }
        boolean none = ops.isEmpty();
        return new Summary(ops, Stats.median(ops), LatencySummary.of(LatencySummary.merge(latencies)), errors,
                firstError, Stats.median(client), Stats.median(server), values, none ? unavailable : null);
    }

    public boolean isAvailable() {
        return unavailable == null;
    }

    /** The figure a goal compares: ops/s, p50 or p99 latency, or the median of a named value. */
    public double metric(String name) {
        return switch (name) {
            case Goal.OPS -> medianOps;
            case Goal.P50 -> latency.p50Ms();
            case Goal.P99 -> latency.p99Ms();
            default -> Stats.median(valuesPerRun.getOrDefault(name, List.of()));
        };
    }
}
