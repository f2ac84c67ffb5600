package io.zakka.actors.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zakka.protocol.Acl;
import io.zakka.protocol.AddWatchMode;
import io.zakka.protocol.EventType;
import io.zakka.protocol.Id;
import io.zakka.protocol.Perms;
import io.zakka.protocol.Stat;
import io.zakka.protocol.WatchEvent;
import io.zakka.protocol.WatcherType;
import io.zakka.protocol.op.Op;
import io.zakka.storage.tree.WatchTrigger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WatchRegistryTest {

    private static final long S1 = 1L;
    private static final long S2 = 2L;

    private final WatchRegistry watches = new WatchRegistry();

    private static WatchTrigger trigger(EventType type, String path) {
        return new WatchTrigger(new WatchEvent(type, path, 7L), Acl.OPEN_ACL_UNSAFE);
    }

    private List<Delivery> fire(EventType type, String path) {
        return watches.fire(trigger(type, path), ReadAccess.ALL);
    }

    private static Delivery delivery(long session, EventType type, String path) {
        return new Delivery(session, new WatchEvent(type, path, 7L));
    }

    @Test
    void createFiresNodeCreatedToExistWatchersOfThePath() {
        watches.addDataWatch(S1, "/a");
        assertEquals(List.of(delivery(S1, EventType.NODE_CREATED, "/a")), fire(EventType.NODE_CREATED, "/a"));
    }

    @Test
    void oneShotWatchIsRemovedWhenItFires() {
        watches.addDataWatch(S1, "/a");
        fire(EventType.NODE_DATA_CHANGED, "/a");
        assertEquals(List.of(), fire(EventType.NODE_DATA_CHANGED, "/a"));
        assertEquals(0, watches.watchCount());
    }

    @Test
    void deleteFiresNodeDeletedToDataAndChildWatchersOfThePath() {
        watches.addDataWatch(S1, "/a");
        watches.addChildWatch(S2, "/a");
        assertEquals(List.of(delivery(S1, EventType.NODE_DELETED, "/a"), delivery(S2, EventType.NODE_DELETED, "/a")),
                fire(EventType.NODE_DELETED, "/a"));
        assertEquals(0, watches.watchCount());
    }

    @Test
    void childrenChangedGoesToChildWatchersOnly() {
        watches.addDataWatch(S1, "/p");
        watches.addChildWatch(S2, "/p");
        assertEquals(List.of(delivery(S2, EventType.NODE_CHILDREN_CHANGED, "/p")),
                fire(EventType.NODE_CHILDREN_CHANGED, "/p"));
        assertTrue(watches.contains(S1, "/p", WatcherType.DATA), "the data watch is untouched");
    }

    @Test
    void dataChangeDoesNotConsumeChildWatch() {
        watches.addChildWatch(S1, "/p");
        assertEquals(List.of(), fire(EventType.NODE_DATA_CHANGED, "/p"));
        assertTrue(watches.contains(S1, "/p", WatcherType.CHILDREN));
    }

    @Test
    void oneEventPerSessionEvenWhenRegisteredSeveralWays() {
        watches.addDataWatch(S1, "/a");
        watches.addChildWatch(S1, "/a");
        watches.addPersistentWatch(S1, "/a", AddWatchMode.PERSISTENT);
        watches.addPersistentWatch(S1, "/a", AddWatchMode.PERSISTENT_RECURSIVE);
        watches.addPersistentWatch(S1, "/", AddWatchMode.PERSISTENT_RECURSIVE);
        assertEquals(List.of(delivery(S1, EventType.NODE_DELETED, "/a")), fire(EventType.NODE_DELETED, "/a"));
    }

    @Test
    void persistentWatchFiresDataAndChildEventsOnThePathAndStays() {
        watches.addPersistentWatch(S1, "/p", AddWatchMode.PERSISTENT);
        assertEquals(1, fire(EventType.NODE_DATA_CHANGED, "/p").size());
        assertEquals(1, fire(EventType.NODE_CHILDREN_CHANGED, "/p").size());
        assertEquals(1, fire(EventType.NODE_DELETED, "/p").size());
        assertEquals(1, fire(EventType.NODE_CREATED, "/p").size());
        assertEquals(List.of(), fire(EventType.NODE_CREATED, "/p/child"), "not recursive");
        assertTrue(watches.contains(S1, "/p", WatcherType.PERSISTENT));
    }

    @Test
    void recursiveWatchFiresForDescendantsButNeverChildrenChanged() {
        watches.addPersistentWatch(S1, "/r", AddWatchMode.PERSISTENT_RECURSIVE);
        assertEquals(List.of(delivery(S1, EventType.NODE_CREATED, "/r/a/b")), fire(EventType.NODE_CREATED, "/r/a/b"));
        assertEquals(1, fire(EventType.NODE_DATA_CHANGED, "/r/a").size());
        assertEquals(1, fire(EventType.NODE_DELETED, "/r").size());
        assertEquals(List.of(), fire(EventType.NODE_CHILDREN_CHANGED, "/r"));
        assertEquals(List.of(), fire(EventType.NODE_CHILDREN_CHANGED, "/r/a"));
        assertEquals(List.of(), fire(EventType.NODE_CREATED, "/rx"), "a sibling with a common prefix");
    }

    @Test
    void recursiveWatchOnRootSeesEverything() {
        watches.addPersistentWatch(S1, "/", AddWatchMode.PERSISTENT_RECURSIVE);
        assertEquals(1, fire(EventType.NODE_CREATED, "/a").size());
        assertEquals(1, fire(EventType.NODE_DATA_CHANGED, "/").size());
    }

    @Test
    void deliveryIsDroppedForSessionWithoutReadOnTheNodeButTheOneShotWatchIsConsumed() {
        watches.addDataWatch(S1, "/secret");
        watches.addDataWatch(S2, "/secret");
        List<Acl> acl = List.of(new Acl(Perms.READ, new Id("digest", "u:x")));
        ReadAccess onlyS2 = (session, nodeAcl) -> session == S2 && nodeAcl.equals(acl);
        WatchTrigger t = new WatchTrigger(new WatchEvent(EventType.NODE_DATA_CHANGED, "/secret", 3L), acl);
        assertEquals(List.of(new Delivery(S2, t.event())), watches.fire(t, onlyS2));
        assertFalse(watches.contains(S1, "/secret", WatcherType.DATA));
    }

    @Test
    void removeWatchesWithNoMatchReportsNoWatcher() {
        assertFalse(watches.remove(S1, "/a", WatcherType.ANY));
        watches.addDataWatch(S1, "/a");
        assertFalse(watches.remove(S1, "/a", WatcherType.CHILDREN));
        assertFalse(watches.remove(S2, "/a", WatcherType.DATA), "another session's watch");
    }

    @Test
    void removeDataLeavesPersistentWatchOnSamePath() {
        watches.addDataWatch(S1, "/a");
        watches.addPersistentWatch(S1, "/a", AddWatchMode.PERSISTENT);
        assertTrue(watches.remove(S1, "/a", WatcherType.DATA));
        assertFalse(watches.contains(S1, "/a", WatcherType.DATA));
        assertTrue(watches.contains(S1, "/a", WatcherType.PERSISTENT));
    }

    @Test
    void removePersistentTakesItOutOfBothTables() {
        watches.addPersistentWatch(S1, "/a", AddWatchMode.PERSISTENT);
        assertTrue(watches.remove(S1, "/a", WatcherType.PERSISTENT));
        assertEquals(0, watches.watchCount());
        assertEquals(List.of(), fire(EventType.NODE_CHILDREN_CHANGED, "/a"));
    }

    @Test
    void removeRecursiveRemovesOnlyTheRecursiveWatch() {
        watches.addPersistentWatch(S1, "/a", AddWatchMode.PERSISTENT_RECURSIVE);
        watches.addChildWatch(S1, "/a");
        assertFalse(watches.remove(S1, "/a", WatcherType.PERSISTENT));
        assertTrue(watches.remove(S1, "/a", WatcherType.PERSISTENT_RECURSIVE));
        assertEquals(List.of(), fire(EventType.NODE_CREATED, "/a/b"));
        assertTrue(watches.contains(S1, "/a", WatcherType.CHILDREN));
    }

    @Test
    void removeAnyRemovesEveryModeInBothTables() {
        watches.addDataWatch(S1, "/a");
        watches.addChildWatch(S1, "/a");
        watches.addPersistentWatch(S1, "/a", AddWatchMode.PERSISTENT_RECURSIVE);
        assertTrue(watches.remove(S1, "/a", WatcherType.ANY));
        assertEquals(0, watches.watchCount());
        assertEquals(List.of(), fire(EventType.NODE_CREATED, "/a/b"));
    }

    @Test
    void checkWatchesMatchesByTypeAndChangesNothing() {
        watches.addChildWatch(S1, "/a");
        assertTrue(watches.contains(S1, "/a", WatcherType.CHILDREN));
        assertTrue(watches.contains(S1, "/a", WatcherType.ANY));
        assertFalse(watches.contains(S1, "/a", WatcherType.DATA));
        assertFalse(watches.contains(S1, "/a", WatcherType.PERSISTENT));
        assertEquals(1, watches.watchCount());
    }

    @Test
    void removeSessionDropsAllItsWatches() {
        watches.addDataWatch(S1, "/a");
        watches.addChildWatch(S1, "/b");
        watches.addPersistentWatch(S1, "/c", AddWatchMode.PERSISTENT_RECURSIVE);
        watches.addDataWatch(S2, "/a");
        watches.removeSession(S1);
        assertEquals(1, watches.watchCount());
        assertEquals(List.of(), fire(EventType.NODE_CREATED, "/c/d"));
        assertEquals(List.of(delivery(S2, EventType.NODE_DATA_CHANGED, "/a")), fire(EventType.NODE_DATA_CHANGED, "/a"));
    }

    @Test
    void triggerOfANonNodeEventIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> fire(EventType.NONE, "/a"));
    }

    @Test
    void setWatchesSendsCatchUpEventsForChangesAfterRelativeZxid() {
        Map<String, Stat> tree = Map.of(
                "/changed", stat(20, 5), "/same", stat(5, 5), "/parent", stat(5, 30), "/quiet", stat(5, 5));
        Op.SetWatches request = new Op.SetWatches(10,
                List.of("/gone", "/changed", "/same"), List.of("/same", "/absent"),
                List.of("/parent", "/quiet", "/gone"), List.of("/p"), List.of("/r"));
        List<WatchEvent> events = watches.setWatches(S1, request, tree::get);
        assertEquals(List.of(
                new WatchEvent(EventType.NODE_DELETED, "/gone", -1),
                new WatchEvent(EventType.NODE_DATA_CHANGED, "/changed", -1),
                new WatchEvent(EventType.NODE_CREATED, "/same", -1),
                new WatchEvent(EventType.NODE_CHILDREN_CHANGED, "/parent", -1),
                new WatchEvent(EventType.NODE_DELETED, "/gone", -1)), events);
        assertTrue(watches.contains(S1, "/same", WatcherType.DATA), "unchanged data watch re-registered");
        assertTrue(watches.contains(S1, "/absent", WatcherType.DATA), "exist watch on a missing node");
        assertTrue(watches.contains(S1, "/quiet", WatcherType.CHILDREN));
        assertTrue(watches.contains(S1, "/p", WatcherType.PERSISTENT));
        assertTrue(watches.contains(S1, "/r", WatcherType.PERSISTENT_RECURSIVE));
        assertFalse(watches.contains(S1, "/changed", WatcherType.DATA));
    }

    private static Stat stat(long mzxid, long pzxid) {
        return new Stat(1, mzxid, 0, 0, 0, 0, 0, 0, 0, 0, pzxid);
    }
}
