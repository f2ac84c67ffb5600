package io.zakka.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void defaultsAreTheIssuesSettings() {
        BenchOptions o = BenchOptions.parse(List.of());
        assertEquals(16, o.settings().sessions());
        assertEquals(100, o.settings().inFlight());
        assertEquals(Duration.ofSeconds(5), o.settings().warmup());
        assertEquals(Duration.ofSeconds(20), o.settings().window());
        assertEquals(2, o.settings().runs());
        assertEquals(BenchSettings.ALL_WORKLOADS, o.settings().workloads());
        assertEquals(BenchOptions.BUILT_IN, o.targets());
    }

    @Test
    void unloadedExpandsAndWorkloadsKeepTheReportOrder() {
        BenchOptions o = BenchOptions.parse(List.of("--quick", "--workloads", "memory,unloaded,write", "--runs", "3"));
        assertEquals(List.of("write", "unloaded-read", "unloaded-write", "memory"), o.settings().workloads());
        assertEquals(3, o.settings().runs());
        assertEquals(BenchSettings.quick().window(), o.settings().window());
    }

    @Test
    void anExternalTargetReplacesTheBuiltInOnesUnlessTheyAreNamed() {
        assertEquals(List.of(), BenchOptions.parse(List.of("--target", "h:2181")).targets());
        assertEquals(List.of("zk"), BenchOptions.parse(List.of("--target", "h:2181", "--targets", "zk")).targets());
    }

    @Test
    void badInputIsRejectedWithTheUsage() {
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(List.of("--workloads", "bogus")));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(List.of("--runs", "0")));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(List.of("--runs")));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(List.of("--frobnicate", "1")));
    }

    @Test
    void runsRotateTheOrderOfTheTargets() {
        assertEquals(List.of("b", "c", "a"), Runner.rotated(List.of("a", "b", "c"), 1));
        assertEquals(List.of("a", "b", "c"), Runner.rotated(List.of("a", "b", "c"), 3));
    }
}
