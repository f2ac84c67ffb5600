package io.zakka.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zakka.bench.report.Measurement;
import io.zakka.bench.report.Results;
import io.zakka.bench.report.Role;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every workload for about a second, with tiny sizes, against a real ZooKeeper 3.9.5 and a Zakka server in
 * child JVMs: the report has every row and nothing failed. The figures themselves are never checked.
 */
class BenchSmokeTest {

    /**
     * Why a Zakka row may have no figures: the wire protocol or persistence (recovery finds the data gone) not
     * there yet, or a server-side figure taken through the other access path to the same server.
     */
    private static final List<String> ZAKKA_MAY_LACK = List.of(Targets.WIRE_MISSING, "did not survive the restart",
            "measured once per server");

    @Test
    void everyWorkloadRunsAgainstZooKeeperAndZakkaWithoutErrors() {
        BenchSettings settings = new BenchSettings(2, 5, Duration.ofMillis(300), Duration.ofMillis(700), 1,
                new BenchSettings.Sizes(20, 1024, 100, 5, 200, 500), "256m", BenchSettings.ALL_WORKLOADS);
        BenchOptions options = new BenchOptions(settings, List.of("zk", "zakka-wire", "zakka-ask"), Optional.empty(),
                Path.of("unused.md"), Optional.empty(), Optional.empty());
        BenchMain.Outcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(85),
                () -> BenchMain.run(options, "zakka bench (smoke test)", System.out));
        Results results = outcome.results();
        String report = outcome.report();
        assertEquals(0, results.totalErrors(), report);
        assertEquals(List.of(Role.BASELINE, Role.ZAKKA_WIRE, Role.ZAKKA_ASK),
                results.subjects().stream().map(Results.Subject::role).toList());
        for (String workload : BenchSettings.ALL_WORKLOADS) {
            assertTrue(report.contains("| " + workload + " |"), "no row for " + workload + "\n" + report);
            for (Results.Subject subject : results.subjects()) {
                List<Measurement> runs = results.runs(workload, subject.label());
                assertEquals(1, runs.size(), workload + " " + subject.label());
                Measurement m = runs.get(0);
                if (subject.role() == Role.BASELINE || m.unavailable() == null) {
                    assertTrue(m.isAvailable(), workload + " " + subject.label() + ": " + m.unavailable());
                    assertFalse(m.values().isEmpty() && m.latency().getTotalCount() == 0,
                            workload + " " + subject.label() + " measured nothing");
                } else {
                    assertTrue(ZAKKA_MAY_LACK.stream().anyMatch(m.unavailable()::contains), m.unavailable());
                }
            }
        }
    }
}
