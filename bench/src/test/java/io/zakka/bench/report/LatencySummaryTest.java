package io.zakka.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {

    /** 1..1000 µs, each once: p50 = 500 µs, p99 = 990 µs, p99.9 = 999 µs (within the histogram's 0.1 %). */
    private static Histogram oneToThousandMicros() {
        Histogram h = LatencySummary.newHistogram();
        for (int us = 1; us <= 1000; us++) {
            LatencySummary.record(h, us * 1_000L);
        }
        return h;
    }

    @Test
    void percentilesAreInMillisecondsWithinTheHistogramPrecision() {
        LatencySummary s = LatencySummary.of(oneToThousandMicros());
        assertEquals(1000, s.count());
        assertEquals(0.500, s.p50Ms(), 0.001);
        assertEquals(0.990, s.p99Ms(), 0.001);
        assertEquals(0.999, s.p999Ms(), 0.001);
        assertEquals(1.000, s.maxMs(), 0.001);
    }

    @Test
    void mergingRunsWeighsEveryRequestTheSame() {
        Histogram slow = LatencySummary.newHistogram();
        LatencySummary.record(slow, 100_000_000L);
        LatencySummary s = LatencySummary.of(LatencySummary.merge(Arrays.asList(oneToThousandMicros(), slow, null)));
        assertEquals(1001, s.count());
        assertEquals(0.501, s.p50Ms(), 0.001);
        assertEquals(100.0, s.maxMs(), 0.1);
    }

    @Test
    void anEmptyHistogramHasNoPercentiles() {
        LatencySummary s = LatencySummary.of(LatencySummary.merge(List.of()));
        assertEquals(0, s.count());
        assertTrue(Double.isNaN(s.p50Ms()) && Double.isNaN(s.p99Ms()) && Double.isNaN(s.p999Ms()));
        assertTrue(Double.isNaN(LatencySummary.of(null).p50Ms()));
    }

    @Test
    void valuesOutsideTheRangeAreClampedNotRejected() {
        Histogram h = LatencySummary.newHistogram();
        LatencySummary.record(h, 0);
        LatencySummary.record(h, Long.MAX_VALUE);
        assertEquals(2, h.getTotalCount());
    }
}
