package io.zakka.api.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.zakka.protocol.AddWatchMode;
import io.zakka.protocol.EventType;
import io.zakka.protocol.WatchEvent;
import io.zakka.protocol.WatcherType;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientWatchesTest {

    private final ClientWatches<String> watches = new ClientWatches<>();

    private Set<String> route(EventType type, String path) {
        return watches.route(new WatchEvent(type, path, 1));
    }

    @Test
    void dataChangeReachesDataAndExistWatchersOnceThenForgetsThem() {
        watches.addData("/a", "w1");
        watches.addExist("/a", "w2");
        watches.addChild("/a", "w3");
        assertEquals(Set.of("w1", "w2"), route(EventType.NODE_DATA_CHANGED, "/a"));
        assertEquals(Set.of(), route(EventType.NODE_DATA_CHANGED, "/a"));
    }

    @Test
    void deleteReachesDataExistAndChildWatchers() {
        watches.addData("/a", "w1");
        watches.addChild("/a", "w3");
        assertEquals(Set.of("w1", "w3"), route(EventType.NODE_DELETED, "/a"));
    }

    @Test
    void childrenChangedReachesChildAndPersistentButNotRecursiveWatchers() {
        watches.addChild("/p", "c");
        watches.addPersistent("/p", AddWatchMode.PERSISTENT, "p");
        watches.addPersistent("/p", AddWatchMode.PERSISTENT_RECURSIVE, "r");
        assertEquals(Set.of("c", "p"), route(EventType.NODE_CHILDREN_CHANGED, "/p"));
    }

    @Test
    void recursiveWatcherOfAnAncestorStaysAndSeesDescendants() {
        watches.addPersistent("/", AddWatchMode.PERSISTENT_RECURSIVE, "r");
        assertEquals(Set.of("r"), route(EventType.NODE_CREATED, "/x/y"));
        assertEquals(Set.of("r"), route(EventType.NODE_DELETED, "/x/y"));
    }

    @Test
    void sameWatcherRegisteredTwiceGetsOneDelivery() {
        watches.addData("/a", "w");
        watches.addExist("/a", "w");
        watches.addPersistent("/a", AddWatchMode.PERSISTENT, "w");
        assertEquals(Set.of("w"), route(EventType.NODE_DATA_CHANGED, "/a"));
    }

    @Test
    void removeForgetsTheLocalWatchersOfThatType() {
        watches.addData("/a", "d");
        watches.addChild("/a", "c");
        watches.remove("/a", WatcherType.DATA);
        assertEquals(Set.of("c"), route(EventType.NODE_DELETED, "/a"));
    }

    @Test
    void removeWatchesGivesEachRemovedWatcherOneEventPerKindAsZooKeepersClientDoes() {
        watches.addData("/a", "w");
        watches.addExist("/a", "w");
        watches.addChild("/a", "w");
        watches.addPersistent("/a", AddWatchMode.PERSISTENT, "p");
        var removed = watches.remove("/a", WatcherType.ANY);
        assertEquals(Set.of(
                new ClientWatches.Delivery<>("w", new WatchEvent(EventType.CHILD_WATCH_REMOVED, "/a", -1)),
                new ClientWatches.Delivery<>("w", new WatchEvent(EventType.DATA_WATCH_REMOVED, "/a", -1)),
                new ClientWatches.Delivery<>("p", new WatchEvent(EventType.PERSISTENT_WATCH_REMOVED, "/a", -1))),
                Set.copyOf(removed));
        assertEquals(3, removed.size());
        assertEquals(Set.of(), route(EventType.NODE_DELETED, "/a"));
    }

    @Test
    void removingOnlyDataWatchesLeavesChildWatchersInPlace() {
        watches.addData("/a", "d");
        watches.addChild("/a", "c");
        assertEquals(java.util.List.of(
                new ClientWatches.Delivery<>("d", new WatchEvent(EventType.DATA_WATCH_REMOVED, "/a", -1))),
                watches.remove("/a", WatcherType.DATA));
        assertEquals(Set.of("c"), route(EventType.NODE_DELETED, "/a"));
    }
}
