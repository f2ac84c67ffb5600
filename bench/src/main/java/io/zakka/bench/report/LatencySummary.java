package io.zakka.bench.report;

import java.util.Collection;
import org.HdrHistogram.Histogram;

/**
 * p50 / p99 / p99.9 in milliseconds of a latency histogram recorded in nanoseconds; NaN for an empty one.
 * Several runs merge into one histogram before the percentiles are taken, so every request weighs the same.
 */
public record LatencySummary(long count, double p50Ms, double p99Ms, double p999Ms, double maxMs) {

    /** Latencies are recorded in nanoseconds, from 1 µs to 10 minutes, with 3 significant digits. */
    public static Histogram newHistogram() {
        return new Histogram(1_000L, 600_000_000_000L, 3);
    }

    public static LatencySummary of(Histogram histogram) {
        if (histogram == null || histogram.getTotalCount() == 0) {
            return new LatencySummary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new LatencySummary(histogram.getTotalCount(), ms(histogram.getValueAtPercentile(50.0)),
                ms(histogram.getValueAtPercentile(99.0)), ms(histogram.getValueAtPercentile(99.9)),
                ms(histogram.getMaxValue()));
    }

    /** One histogram holding every value of {@code histograms} (null entries are skipped). */
    public static Histogram merge(Collection<Histogram> histograms) {
        Histogram merged = newHistogram();
        for (Histogram h : histograms) {
            if (h != null) {
                merged.add(h);
            }
        }
        return merged;
    }

    /** Records a latency, clamped into the histogram's range (a sub-microsecond value counts as 1 µs). */
    public static void record(Histogram histogram, long nanos) {
        histogram.recordValue(Math.max(histogram.getLowestDiscernibleValue(),
                Math.min(nanos, histogram.getHighestTrackableValue())));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
