package io.zakka.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ResultsTest {

    static final String ZK = "ZooKeeper";
    static final String WIRE = "Zakka wire";
    static final String ASK = "Zakka ask";

    static Measurement throughput(double ops, long latencyMicros) {
        Histogram h = LatencySummary.newHistogram();
        LatencySummary.record(h, latencyMicros * 1_000L);
        return new Measurement(ops, h, 0, null, 0.5, 1.0, Map.of(), null);
    }

    static Results results() {
        Results r = new Results();
        r.addSubject(new Results.Subject(ZK, Role.BASELINE));
        r.addSubject(new Results.Subject(WIRE, Role.ZAKKA_WIRE));
        r.addSubject(new Results.Subject(ASK, Role.ZAKKA_ASK));
        r.add("write", ZK, throughput(1000, 100));
        r.add("write", ZK, throughput(3000, 100));
        r.add("write", ZK, throughput(2000, 100));
        r.add("write", WIRE, Measurement.unavailable("wire protocol not available"));
        r.add("write", ASK, throughput(4000, 50));
        r.add("write", ASK, throughput(2000, 50));
        r.add("memory", ZK, Measurement.figures(Map.of(Goal.BYTES_PER_ZNODE, 400.0), 0, null));
        r.add("memory", ASK, Measurement.figures(Map.of(Goal.BYTES_PER_ZNODE, 600.0), 0, null));
        return r;
    }

    @Test
    void throughputRatioUsesTheMedianRunOfEachSide() {
        Goal write = Goal.ISSUE_6.get(0);
        assertEquals(1.5, results().ratio(write, Role.ZAKKA_ASK), 1e-9);
    }

    @Test
    void anUnavailableSideGivesNoRatio() {
        assertTrue(Double.isNaN(results().ratio(Goal.ISSUE_6.get(0), Role.ZAKKA_WIRE)));
    }

    @Test
    void latencyAndFigureGoalsCompareTheirOwnMetric() {
        Results r = results();
        assertEquals(0.5, r.ratio(new Goal("write", Goal.P50, false, 1.0), Role.ZAKKA_ASK), 0.01);
        assertEquals(1.5, r.ratio(new Goal("memory", Goal.BYTES_PER_ZNODE, false, 1.0), Role.ZAKKA_ASK), 1e-9);
    }

    @Test
    void goalsAreMetAtTheirThresholdAndNeverWithoutARatio() {
        Goal higher = new Goal("write", Goal.OPS, true, 1.5);
        Goal lower = new Goal("unloaded-read", Goal.P50, false, 1.0);
        assertTrue(higher.met(1.5));
        assertFalse(higher.met(1.49));
        assertTrue(lower.met(1.0));
        assertFalse(lower.met(1.01));
        assertFalse(higher.met(Double.NaN));
    }

    @Test
    void summaryMergesRunsAndSumsErrors() {
        Results r = results();
        r.add("write", ZK, new Measurement(500, null, 3, "CONNECTIONLOSS", 0.1, 0.2, Map.of(), null));
        Summary s = r.summary("write", ZK);
        assertEquals(4, s.opsPerRun().size());
        assertEquals(1500.0, s.medianOps(), 1e-9);
        assertEquals(3, s.errors());
        assertEquals("CONNECTIONLOSS", s.firstError());
        assertEquals(3, r.totalErrors());
    }
}
