package io.zakka.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void medianOfAnOddCountIsTheMiddleValue() {
        assertEquals(3.0, Stats.median(List.of(5.0, 1.0, 3.0)));
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertEquals(2.5, Stats.median(List.of(4.0, 1.0, 3.0, 2.0)));
    }

    @Test
    void medianSkipsMissingValuesAndIsNaNWithoutAny() {
        assertEquals(2.0, Stats.median(Arrays.asList(Double.NaN, 2.0, null)));
        assertTrue(Double.isNaN(Stats.median(List.of())));
        assertTrue(Double.isNaN(Stats.median(List.of(Double.NaN))));
    }

    @Test
    void ratioDividesAndIsNaNWhenEitherSideIsMissingOrTheDenominatorIsNotPositive() {
        assertEquals(1.5, Stats.ratio(3000, 2000));
        assertTrue(Double.isNaN(Stats.ratio(Double.NaN, 2)));
        assertTrue(Double.isNaN(Stats.ratio(2, Double.NaN)));
        assertTrue(Double.isNaN(Stats.ratio(2, 0)));
    }

    @Test
    void rateIsCompletionsPerSecondOfTheWindow() {
        assertEquals(500.0, Stats.rate(1000, 2_000_000_000L));
        assertTrue(Double.isNaN(Stats.rate(1000, 0)));
    }

    @Test
    void coresIsCpuTimeOverWallTimeAndNaNWhenTheCpuIsUnknown() {
        assertEquals(1.5, Stats.cores(3_000_000_000L, 2_000_000_000L));
        assertTrue(Double.isNaN(Stats.cores(-1, 2_000_000_000L)));
    }
}
