package io.zakka.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zakka.bench.launch.ExternalServer;
import io.zakka.bench.launch.ServerHandle;
import io.zakka.bench.report.LatencySummary;
import io.zakka.bench.report.Measurement;
import io.zakka.bench.report.Results;
import io.zakka.bench.report.Role;
import io.zakka.bench.workload.Workload;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunnerTest {

    private final List<String> calls = new ArrayList<>();

    private Workload fake(String name) {
        return new Workload() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Measurement run(Subject subject, BenchSettings settings) {
                calls.add(name + " " + subject.label());
                if (name.equals("memory")) {
                    return Measurement.figures(Map.of("bytes/znode", 500.0), 0, null);
                }
                if (name.equals("read")) {
                    throw new IllegalStateException("boom");
                }
                return new Measurement(1000, LatencySummary.newHistogram(), 0, null, 0, 0, Map.of(), null);
            }
        };
    }

    private static Subject subject(String label, Role role, ServerHandle server, String unavailable) {
        return new Subject(label, label, role, server, s -> null, null, unavailable);
    }

    private Results run(List<String> workloads, List<Subject> subjects) throws InterruptedException {
        BenchSettings settings = BenchSettings.quick().withRuns(2).withWorkloads(workloads);
        PrintStream progress = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return new Runner(settings, progress, this::fake).run(subjects);
    }

    @Test
    void targetsTakeTurnsAndTheOrderRotatesFromRunToRun() throws InterruptedException {
        ServerHandle a = new ExternalServer("a:1");
        ServerHandle b = new ExternalServer("b:1");
        run(List.of("write"), List.of(subject("A", Role.BASELINE, a, null), subject("B", Role.ZAKKA_WIRE, b, null)));
        assertEquals(List.of("write A", "write B", "write B", "write A"), calls);
    }

    @Test
    void serverSideFiguresAreTakenOncePerServerThroughItsFirstSubject() throws InterruptedException {
        ServerHandle zakka = new ExternalServer("z:1");
        Results results = run(List.of("memory"), List.of(subject("wire", Role.ZAKKA_WIRE, zakka, null),
                subject("ask", Role.ZAKKA_ASK, zakka, null)));
        assertEquals(List.of("memory wire", "memory wire"), calls);
        Measurement ask = results.runs("memory", "ask").get(0);
        assertFalse(ask.isAvailable());
        assertTrue(ask.unavailable().contains("see wire"), ask.unavailable());
    }

    @Test
    void anUnavailableSubjectIsNotRunAndAFailingWorkloadCountsAsAnError() throws InterruptedException {
        Results results = run(List.of("read"), List.of(subject("A", Role.BASELINE, new ExternalServer("a:1"), null),
                subject("B", Role.ZAKKA_WIRE, new ExternalServer("b:1"), "wire protocol not available")));
        assertEquals(List.of("read A", "read A"), calls);
        assertEquals(2, results.summary("read", "A").errors());
        assertTrue(results.summary("read", "A").firstError().contains("boom"));
        assertEquals("wire protocol not available", results.summary("read", "B").unavailable());
    }
}
