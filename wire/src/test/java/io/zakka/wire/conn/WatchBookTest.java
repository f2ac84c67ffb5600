package io.zakka.wire.conn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.zakka.protocol.AddWatchMode;
import io.zakka.protocol.ErrorCode;
import io.zakka.protocol.EventType;
import io.zakka.protocol.Stat;
import io.zakka.protocol.WatchEvent;
import io.zakka.protocol.WatcherType;
import io.zakka.protocol.op.Op;
import io.zakka.protocol.op.OpResult;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WatchBookTest {

    private static final OpResult OK = new OpResult.StatResult(Stat.ZERO);

    @Test
    void existsOnAMissingNodeRegistersAndAFailedGetDataDoesNot() {
        WatchBook book = new WatchBook();
        book.afterReply(new Op.Exists("/e", true), new OpResult.Error(ErrorCode.NONODE));
        book.afterReply(new Op.GetData("/g", true), new OpResult.Error(ErrorCode.NONODE));
        assertEquals(Set.of("/e"), book.paths());
    }

    @Test
    void oneShotWatchesAreUsedUpByTheirEventsAndPersistentOnesStay() {
        WatchBook book = new WatchBook();
        book.afterReply(new Op.GetData("/d", true), OK);
        book.afterReply(new Op.GetChildren("/d", true, false), OK);
        book.afterReply(new Op.AddWatch("/p", AddWatchMode.PERSISTENT), new OpResult.Done());
        book.fired(new WatchEvent(EventType.NODE_DATA_CHANGED, "/d", 1));
        assertEquals(Set.of("/p"), book.paths());
        assertEquals(1, book.count());
        book.fired(new WatchEvent(EventType.NODE_DELETED, "/d", 2));
        book.fired(new WatchEvent(EventType.NODE_DELETED, "/p", 3));
        assertEquals(Set.of("/p"), book.paths());
    }

    @Test
    void removeWatchesOfAnyTypeClearsThePath() {
        WatchBook book = new WatchBook();
        book.afterReply(new Op.AddWatch("/r", AddWatchMode.PERSISTENT_RECURSIVE), new OpResult.Done());
        book.afterReply(new Op.GetData("/r", true), OK);
        book.afterReply(new Op.RemoveWatches("/r", WatcherType.ANY), new OpResult.Done());
        assertEquals(0, book.count());
    }
}
