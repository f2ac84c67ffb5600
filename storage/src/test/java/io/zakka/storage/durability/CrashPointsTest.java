package io.zakka.storage.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The arming syntax of the crash points; halting itself is exercised in a forked JVM by the crash test of
 * multi-node-tests, which asserts that the server died at each point.
 */
class CrashPointsTest {

    @Test
    void pointIsArmedByItsDashedNameWithOccurrenceOneByDefault() {
        assertEquals(new CrashPoints.Arming(CrashPoints.Point.SNAPSHOT_SYNCED, 1),
                CrashPoints.Arming.parse("snapshot-synced"));
        assertEquals(new CrashPoints.Arming(CrashPoints.Point.LOG_WRITTEN, 3),
                CrashPoints.Arming.parse(" log-written:3 "));
    }

    @Test
    void emptyPropertyArmsNothingAndATestJvmHasNothingArmed() {
        assertNull(CrashPoints.Arming.parse(""));
        assertNull(CrashPoints.armed());
        for (CrashPoints.Point point : CrashPoints.Point.values()) {
            CrashPoints.reach(point);
        }
    }

    @Test
    void unknownPointOrBadOccurrenceIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> CrashPoints.Arming.parse("log-writen"));
        assertThrows(IllegalArgumentException.class, () -> CrashPoints.Arming.parse("log-written:0"));
        assertThrows(IllegalArgumentException.class, () -> CrashPoints.Arming.parse("log-written:x"));
    }

    @Test
    void everyPointHasANameThatMapsBackToIt() {
        for (CrashPoints.Point point : CrashPoints.Point.values()) {
            assertEquals(point, CrashPoints.Point.named(point.propertyName()));
        }
    }
}
