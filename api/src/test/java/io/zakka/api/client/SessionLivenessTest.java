package io.zakka.api.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.zakka.api.client.SessionLiveness.Due;
import org.junit.jupiter.api.Test;

/** The liveness thresholds of ZooKeeper's client: ping at 1/3 quiet, re-attach after 2/3 silent, expire after 4/3. */
class SessionLivenessTest {

    private static final long MS = 1_000_000L;

    @Test
    void quietSessionPingsOnceAThirdOfTheTimeoutPassedWithoutSending() {
        SessionLiveness liveness = new SessionLiveness(3000, 0);
        assertEquals(Due.NOTHING, liveness.due(999 * MS));
        assertEquals(Due.PING, liveness.due(1000 * MS));
        liveness.sent(1000 * MS);
        liveness.heard(1000 * MS);
        assertEquals(Due.NOTHING, liveness.due(1999 * MS));
    }

    @Test
    void sessionSilentForMoreThanTwoThirdsOfTheTimeoutReattaches() {
        SessionLiveness liveness = new SessionLiveness(3000, 0);
        liveness.sent(1500 * MS);
        assertEquals(Due.NOTHING, liveness.due(2000 * MS));
        assertEquals(Due.RESUME, liveness.due(2000 * MS + 1));
    }

    @Test
    void sessionSilentForMoreThanFourThirdsOfTheTimeoutExpiresLocally() {
        SessionLiveness liveness = new SessionLiveness(3000, 0);
        assertEquals(Due.RESUME, liveness.due(4000 * MS));
        assertEquals(Due.EXPIRE, liveness.due(4000 * MS + 1));
    }

    @Test
    void hearingFromTheServerRestartsTheSilence() {
        SessionLiveness liveness = new SessionLiveness(3000, 0);
        liveness.heard(3000 * MS);
        liveness.sent(3000 * MS);
        assertEquals(Due.NOTHING, liveness.due(3500 * MS));
    }
}
