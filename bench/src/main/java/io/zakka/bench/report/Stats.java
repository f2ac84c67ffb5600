package io.zakka.bench.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The report's arithmetic: medians of runs, ratios, and CPU use as a number of busy cores. Pure functions. */
public final class Stats {

    private Stats() {
    }

    /** The median of the finite values (the mean of the middle two for an even count); NaN when there is none. */
    public static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>();
        for (Double v : values) {
            if (v != null && Double.isFinite(v)) {
                sorted.add(v);
            }
        }
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    /** {@code numerator / denominator}; NaN when either is missing (NaN) or the denominator is not positive. */
    public static double ratio(double numerator, double denominator) {
        if (!Double.isFinite(numerator) || !Double.isFinite(denominator) || denominator <= 0) {
            return Double.NaN;
        }
        return numerator / denominator;
    }

    /** Operations per second; NaN for an empty window. */
    public static double rate(long count, long windowNanos) {
        return windowNanos <= 0 ? Double.NaN : count * 1e9 / windowNanos;
    }

    /** CPU time spent during a window as busy cores: 1.0 is one core fully used for the whole window. */
    public static double cores(long cpuNanos, long windowNanos) {
        return cpuNanos < 0 || windowNanos <= 0 ? Double.NaN : (double) cpuNanos / windowNanos;
    }
}
