package io.zakka.bench.report;

import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What one run of one workload against one target measured. Throughput workloads fill {@code opsPerSec} and
 * {@code latency} (nanoseconds); recovery and memory fill {@code values} (named figures such as
 * {@code serving ms}). {@code unavailable} is set, with the reason, when the target cannot run the workload;
 * then no figure is reported at all.
 */
public record Measurement(double opsPerSec, Histogram latency, long errors, String firstError,
                          double clientCores, double serverCores, Map<String, Double> values, String unavailable) {

    public static Measurement unavailable(String reason) {
        return new Measurement(Double.NaN, null, 0, null, Double.NaN, Double.NaN, Map.of(), reason);
    }

    /** Named figures (recovery, memory) and the errors met while taking them. */
    public static Measurement figures(Map<String, Double> values, long errors, String firstError) {
        return new Measurement(Double.NaN, null, errors, firstError, Double.NaN, Double.NaN, Map.copyOf(values),
                null);
    }

    public boolean isAvailable() {
        return unavailable == null;
    }

    public double value(String name) {
        Double v = values.get(name);
        return v == null ? Double.NaN : v;
    }
}
