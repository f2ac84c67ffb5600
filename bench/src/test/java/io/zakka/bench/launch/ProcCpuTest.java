package io.zakka.bench.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProcCpuTest {

    @Test
    void utimeAndStimeAreReadAfterACommandNameWithSpacesAndParentheses() {
        String stat = "4242 (java (bench) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 30 0 1 2 3";
        assertEquals(300 * 10_000_000L, ProcCpu.parseStat(stat));
    }

    @Test
    void thisJvmsOwnCpuIsReadable() {
        assertTrue(ProcCpu.cpuNanos(ProcessHandle.current().pid()) >= 0);
        assertTrue(ProcCpu.selfCpuNanos() > 0);
    }
}
