package io.zakka.api.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zakka.api.client.ClientSession.Call;
import io.zakka.protocol.op.Op;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class PendingCallsTest {

    private static final long SECOND = 1_000_000_000L;

    private static Call call(String path) {
        return new Call(new Op.GetData(path, false), Optional.empty(), new CompletableFuture<>());
    }

    @Test
    void onlyCallsPastTheirRequestTimeoutExpireOldestFirst() {
        PendingCalls pending = new PendingCalls(Duration.ofSeconds(10));
        Call first = call("/a");
        Call second = call("/b");
        Call third = call("/c");
        pending.sent(1, first, 0);
        pending.sent(2, second, 2 * SECOND);
        pending.sent(3, third, 5 * SECOND);
        assertTrue(pending.expired(10 * SECOND - 1).isEmpty());
        assertEquals(List.of(first, second), pending.expired(12 * SECOND));
        assertSame(third, pending.answered(3));
        assertTrue(pending.drain().isEmpty());
    }

    @Test
    void aReplyAfterTheTimeoutFindsNoCall() {
        PendingCalls pending = new PendingCalls(Duration.ofMillis(100));
        Call call = call("/a");
        pending.sent(7, call, 0);
        assertEquals(List.of(call), pending.expired(SECOND));
        assertNull(pending.answered(7));
    }

    @Test
    void aCxidInFlightCannotBeSentAgain() {
        PendingCalls pending = new PendingCalls(Duration.ofSeconds(1));
        pending.sent(1, call("/a"), 0);
        assertThrows(IllegalStateException.class, () -> pending.sent(1, call("/b"), 0));
    }

    @Test
    void drainReturnsEveryCallInSendingOrderAndEmpties() {
        PendingCalls pending = new PendingCalls(Duration.ofSeconds(1));
        Call first = call("/a");
        Call second = call("/b");
        pending.sent(1, first, 0);
        pending.sent(2, second, 0);
        assertEquals(List.of(first, second), List.copyOf(pending.drain()));
        assertTrue(pending.expired(Long.MAX_VALUE / 2).isEmpty());
    }

    @Test
    void sweepIntervalIsATenthOfTheTimeoutWithinBounds() {
        assertEquals(Duration.ofSeconds(1), PendingCalls.sweepInterval(Duration.ofSeconds(30)));
        assertEquals(Duration.ofMillis(500), PendingCalls.sweepInterval(Duration.ofSeconds(5)));
        assertEquals(Duration.ofMillis(10), PendingCalls.sweepInterval(Duration.ofMillis(20)));
    }
}
