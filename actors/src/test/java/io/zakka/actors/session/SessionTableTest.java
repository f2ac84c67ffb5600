package io.zakka.actors.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zakka.protocol.EphemeralOwner;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionTableTest {

    private static final byte[] SECRET = "test-secret".getBytes(StandardCharsets.UTF_8);
    private static final int TICK = 2000;

    private static SessionTable table(int serverId) {
        return new SessionTable(SessionTable.Settings.fromTick(serverId, TICK, SECRET), 1_700_000_000_000L);
    }

    @Test
    void defaultTimeoutBoundsAreTwoAndTwentyTicks() {
        SessionTable.Settings settings = SessionTable.Settings.fromTick(1, TICK, SECRET);
        assertEquals(4000, settings.minTimeoutMs());
        assertEquals(40000, settings.maxTimeoutMs());
    }

    @Test
    void requestedTimeoutIsClampedToMinAndMax() {
        SessionTable sessions = table(1);
        assertEquals(4000, sessions.create(100, 0).timeoutMs());
        assertEquals(40000, sessions.create(1_000_000, 0).timeoutMs());
        assertEquals(15000, sessions.create(15000, 0).timeoutMs());
    }

    @Test
    void sessionIdCarriesServerIdInTopByteAndIncrements() {
        SessionTable sessions = table(7);
        long first = sessions.create(5000, 0).sessionId();
        long second = sessions.create(5000, 0).sessionId();
        assertEquals(7, first >>> 56);
        assertEquals(first + 1, second);
        assertTrue(EphemeralOwner.isEphemeral(first), "a session id must read as an ephemeral owner");
    }

    @Test
    void sessionIdsDependOnInitialTime() {
        SessionTable.Settings settings = SessionTable.Settings.fromTick(1, TICK, SECRET);
        long a = new SessionTable(settings, 1000).create(5000, 0).sessionId();
        long b = new SessionTable(settings, 2000).create(5000, 0).sessionId();
        assertNotEquals(a, b);
    }

    @Test
    void serverId255IsRefusedBecauseItCollidesWithTheTtlMarker() {
        assertThrows(IllegalArgumentException.class, () -> SessionTable.Settings.fromTick(255, TICK, SECRET));
    }

    @Test
    void passwordIsSixteenBytesDerivedFromIdAndSecret() {
        SessionTable sessions = table(1);
        long id = sessions.create(5000, 0).sessionId();
        byte[] password = sessions.passwordOf(id);
        assertEquals(16, password.length);
        SessionTable otherServerSameSecret = table(2);
        assertArrayEquals(password, otherServerSameSecret.passwordOf(id), "any server can derive it");
        SessionTable otherSecret = new SessionTable(
                SessionTable.Settings.fromTick(1, TICK, "other".getBytes(StandardCharsets.UTF_8)), 0);
        assertFalse(java.util.Arrays.equals(password, otherSecret.passwordOf(id)));
    }

    @Test
    void aPasswordDoesNotDependOnThePasswordsComputedBeforeIt() {
        SessionTable sessions = table(1);
        long first = sessions.create(5000, 0).sessionId();
        long second = sessions.create(5000, 0).sessionId();
        byte[] firstPassword = sessions.passwordOf(first);
        byte[] secondPassword = sessions.passwordOf(second);
        assertArrayEquals(firstPassword, sessions.passwordOf(first), "the table's one MAC is reset after each use");
        assertArrayEquals(secondPassword, table(1).passwordOf(second), "as from a fresh table");
        assertFalse(java.util.Arrays.equals(firstPassword, secondPassword));
    }

    @Test
    void verifyAcceptsOnlyTheRightPasswordOfAnOpenSession() {
        SessionTable sessions = table(1);
        long id = sessions.create(5000, 0).sessionId();
        assertTrue(sessions.verify(id, sessions.passwordOf(id)));
        assertFalse(sessions.verify(id, new byte[16]));
        assertFalse(sessions.verify(id + 1, sessions.passwordOf(id + 1)), "unknown id");
        sessions.setClosing(id);
        assertFalse(sessions.verify(id, sessions.passwordOf(id)), "closing session");
    }

    @Test
    void expiryTimeIsRoundedUpToTheNextTick() {
        SessionTable sessions = table(1);
        long id = sessions.create(5000, 1000).sessionId();
        // 1000 + 5000 = 6000 is a tick boundary; ZooKeeper rounds to the *next* interval: 8000.
        assertEquals(8000L, sessions.expiryTime(id).orElseThrow());
        sessions.touch(id, 2500);
        assertEquals(8000L, sessions.expiryTime(id).orElseThrow());
        sessions.touch(id, 3100);
        assertEquals(10000L, sessions.expiryTime(id).orElseThrow());
    }

    @Test
    void sessionExpiresWhenItsBucketTimeComesWithoutTouch() {
        SessionTable sessions = table(1);
        long id = sessions.create(4000, 0).sessionId();
        assertEquals(List.of(), sessions.expire(5999));
        assertEquals(List.of(id), sessions.expire(6000));
        assertTrue(sessions.get(id).orElseThrow().closing());
    }

    @Test
    void touchPostponesExpiry() {
        SessionTable sessions = table(1);
        long id = sessions.create(4000, 0).sessionId();
        assertTrue(sessions.touch(id, 3000));
        assertEquals(List.of(), sessions.expire(6000));
        assertEquals(List.of(id), sessions.expire(8000));
    }

    @Test
    void lateExpireCallHandsOutEveryOverdueBucketOnce() {
        SessionTable sessions = table(1);
        long a = sessions.create(4000, 0).sessionId();
        long b = sessions.create(8000, 0).sessionId();
        assertEquals(List.of(a, b), sessions.expire(60_000));
        assertEquals(List.of(), sessions.expire(120_000));
    }

    @Test
    void closingSessionAcceptsNoTouchAndNeverExpiresAgain() {
        SessionTable sessions = table(1);
        long id = sessions.create(4000, 0).sessionId();
        assertTrue(sessions.setClosing(id));
        assertFalse(sessions.setClosing(id), "already closing");
        assertFalse(sessions.touch(id, 1000));
        assertFalse(sessions.isActive(id));
        assertEquals(List.of(), sessions.expire(60_000));
        sessions.remove(id);
        assertTrue(sessions.get(id).isEmpty());
    }

    @Test
    void unknownSessionCannotBeTouched() {
        assertFalse(table(1).touch(42L, 0));
    }

    @Test
    void trackedSessionExpiresLikeACreatedOne() {
        SessionTable sessions = table(1);
        sessions.track(99L, 4000, 0);
        assertTrue(sessions.isActive(99L));
        assertEquals(List.of(99L), sessions.expire(6000));
    }
}
