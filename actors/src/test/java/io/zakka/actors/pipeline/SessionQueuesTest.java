package io.zakka.actors.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionQueuesTest {

    private static final long A = 1L;
    private static final long B = 2L;

    private final SessionQueues<String, String> queues = new SessionQueues<>();

    @Test
    void readOfIdleSessionRunsAtOnce() {
        assertEquals(Optional.of("read"), queues.enqueue(A, "read"));
        assertTrue(queues.isIdle(A));
    }

    @Test
    void readWaitsForSessionsEarlierWrite() {
        queues.awaitCommit(A, 10, "write");
        assertEquals(Optional.empty(), queues.enqueue(A, "read"));
        SessionQueues.Released<String, String> released = queues.committed(A, 10).orElseThrow();
        assertEquals("write", released.write());
        assertEquals(List.of("read"), released.then());
        assertTrue(queues.isIdle(A));
    }

    @Test
    void readsOfOtherSessionsAreNotBlocked() {
        queues.awaitCommit(A, 10, "write A");
        assertEquals(Optional.of("read B"), queues.enqueue(B, "read B"));
    }

    @Test
    void errorReplyOfRejectedWriteWaitsBehindEarlierInFlightWrites() {
        queues.awaitCommit(A, 10, "create /x");
        assertEquals(Optional.empty(), queues.enqueue(A, "NODEEXISTS for create /x"));
        assertEquals(List.of("NODEEXISTS for create /x"), queues.committed(A, 10).orElseThrow().then());
    }

    @Test
    void requestsCompleteInArrivalOrderAcrossSeveralWrites() {
        queues.awaitCommit(A, 10, "w1");
        queues.enqueue(A, "r1");
        queues.awaitCommit(A, 11, "w2");
        queues.enqueue(A, "r2");
        queues.enqueue(A, "r3");
        SessionQueues.Released<String, String> first = queues.committed(A, 10).orElseThrow();
        assertEquals("w1", first.write());
        assertEquals(List.of("r1"), first.then());
        assertFalse(queues.isIdle(A));
        SessionQueues.Released<String, String> second = queues.committed(A, 11).orElseThrow();
        assertEquals("w2", second.write());
        assertEquals(List.of("r2", "r3"), second.then());
        assertTrue(queues.isIdle(A));
        assertEquals(0, queues.waitingWrites());
    }

    @Test
    void commitThatSkipsAWaitingWriteOfTheSessionIsAnInvariantViolation() {
        queues.awaitCommit(A, 10, "w1");
        queues.awaitCommit(A, 11, "w2");
        assertThrows(IllegalStateException.class, () -> queues.committed(A, 11));
    }

    @Test
    void writesOfASessionMustBeProposedInZxidOrder() {
        queues.awaitCommit(A, 11, "w1");
        assertThrows(IllegalStateException.class, () -> queues.awaitCommit(A, 10, "w0"));
    }

    @Test
    void commitOfATxnFromElsewhereReleasesNothing() {
        assertEquals(Optional.empty(), queues.committed(A, 5));
        queues.awaitCommit(A, 10, "w1");
        assertEquals(Optional.empty(), queues.committed(A, 9), "an older txn of the session from elsewhere");
        assertEquals(1, queues.waitingWrites());
    }

    @Test
    void countsWaitingWritesAndBusySessions() {
        queues.awaitCommit(A, 10, "a");
        queues.awaitCommit(B, 11, "b");
        assertEquals(2, queues.waitingWrites());
        assertEquals(2, queues.busySessions());
        queues.committed(A, 10);
        assertEquals(1, queues.busySessions());
    }
}
