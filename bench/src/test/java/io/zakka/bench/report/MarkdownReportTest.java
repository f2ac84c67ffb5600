package io.zakka.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {

    private static String render() {
        return MarkdownReport.render(new MarkdownReport.Header("zakka bench --quick", List.of("Java: 17"),
                List.of("Load: 16 × 100"), List.of("2 cores, shared")), ResultsTest.results(), Goal.ISSUE_6);
    }

    @Test
    void theReportRecordsTheCommandLineEnvironmentAndSettings() {
        String report = render();
        assertTrue(report.contains("Command: `zakka bench --quick`"));
        assertTrue(report.contains("* Java: 17"));
        assertTrue(report.contains("* Load: 16 × 100"));
        assertTrue(report.contains("* 2 cores, shared"));
    }

    @Test
    void everyMeasuredRowAppearsWithItsRunsAndRatio() {
        String report = render();
        assertTrue(report.contains("| write | ops/s | ≥ 1.5× | n/a | – | 1.50× | yes |"), report);
        assertTrue(report.contains("| write | ZooKeeper | 1000, 3000, 2000 | 2000 |"), report);
        assertTrue(report.contains("| write | Zakka wire | n/a (wire protocol not available) |"), report);
        assertTrue(report.contains("| memory | bytes/znode | ≤ 1.0× | n/a | – | 1.50× | **no** |"), report);
        assertTrue(report.contains("| memory | Zakka ask | bytes/znode | 600.0 | 600.0 | 0 |"), report);
        assertTrue(report.contains("Total errors: 0"), report);
    }

    @Test
    void workloadsThatWereNotRunGetNoRatioRow() {
        assertTrue(!render().contains("| read | ops/s"));
    }

    @Test
    void numbersAreFormattedWithoutLocaleSurprisesAndMissingOnesAsNa() {
        assertEquals("1234.5", MarkdownReport.num(1234.5, 1));
        assertEquals("n/a", MarkdownReport.num(Double.NaN, 1));
        assertEquals("0.83×", MarkdownReport.ratio(0.8333));
        assertEquals("n/a", MarkdownReport.ratio(Double.POSITIVE_INFINITY));
    }
}
