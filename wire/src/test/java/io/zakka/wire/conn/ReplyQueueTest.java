package io.zakka.wire.conn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyQueueTest {

    private static final byte[] ONE = {1};
    private static final byte[] TWO = {2};
    private static final byte[] THREE = {3};

    @Test
    void replyAnsweredByTheGatewayWaitsBehindEarlierRequestsAtTheServer() {
        ReplyQueue queue = new ReplyQueue();
        queue.sentToServer(1, 4, List.of(), null);
        queue.answeredHere(2, -1, TWO, false);
        assertTrue(queue.drain().frames().isEmpty());
        queue.answer(queue.oldestAtServer(), ONE, false);
        List<byte[]> frames = queue.drain().frames();
        assertEquals(2, frames.size());
        assertArrayEquals(ONE, frames.get(0));
        assertArrayEquals(TWO, frames.get(1));
    }

    @Test
    void serverRepliesBelongToTheOldestRequestStillAtTheServer() {
        ReplyQueue queue = new ReplyQueue();
        queue.sentToServer(1, 4, List.of(), null);
        queue.answeredHere(2, -1, TWO, false);
        queue.sentToServer(3, 4, List.of(), null);
        queue.answer(queue.oldestAtServer(), ONE, false);
        assertEquals(3, queue.oldestAtServer().xid);
    }

    @Test
    void aReplyThatClosesTheConnectionStopsTheDrain() {
        ReplyQueue queue = new ReplyQueue();
        queue.answeredHere(1, -1, ONE, true);
        queue.answeredHere(2, -1, TWO, false);
        ReplyQueue.Ready ready = queue.drain();
        assertEquals(1, ready.frames().size());
        assertTrue(ready.close());
    }

    @Test
    void aReplyNobodyAskedForBreaksTheInvariant() {
        ReplyQueue queue = new ReplyQueue();
        queue.answeredHere(1, -1, THREE, false);
        assertThrows(IllegalStateException.class, queue::oldestAtServer);
    }

    @Test
    void aRequestIsAnsweredOnce() {
        ReplyQueue queue = new ReplyQueue();
        queue.sentToServer(1, 4, List.of(), null);
        ReplyQueue.Slot slot = queue.oldestAtServer();
        queue.answer(slot, ONE, false);
        assertThrows(IllegalStateException.class, () -> queue.answer(slot, TWO, false));
    }
}
