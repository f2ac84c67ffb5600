package io.zakka.wire.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.zakka.wire.support.Clients;
import io.zakka.wire.support.Events;
import io.zakka.wire.support.Target;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.AddWatchMode;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every watch kind with its exact events, through the stock Java client, against ZooKeeper 3.9.5 and Zakka:
 * one-shot data, exist and child watches, the events a delete fires, persistent and recursive watches,
 * removal, and the order of an event against the replies around it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WatchCompatibilitySuite {

    private Target target;
    private ZooKeeper zk;
    private ZooKeeper other;

    abstract Target startTarget();

    @BeforeAll
    void start() {
        target = startTarget();
        zk = Clients.connect(target.connectString());
        other = Clients.connect(target.connectString());
    }

    @AfterAll
    void stop() throws InterruptedException {
        zk.close();
        other.close();
        target.close();
    }

    private void create(String path) throws Exception {
        other.create(path, null, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
    }

    private static String describe(WatchedEvent event) {
        return event.getType() + " " + event.getPath();
    }

    @Test
    void dataWatchFiresOnceForTheFirstChange() throws Exception {
        create("/dw");
        Events events = new Events();
        zk.getData("/dw", events, null);
        other.setData("/dw", new byte[] {1}, -1);
        other.setData("/dw", new byte[] {2}, -1);
        assertEquals("NodeDataChanged /dw", describe(events.next()));
        events.expectNothingFor(300);
    }

    @Test
    void existsWatchOnAMissingNodeFiresNodeCreated() throws Exception {
        Events events = new Events();
        assertEquals(null, zk.exists("/ew", events));
        create("/ew");
        assertEquals("NodeCreated /ew", describe(events.next()));
    }

    @Test
    void childWatchFiresNodeChildrenChangedOnce() throws Exception {
        create("/cw");
        Events events = new Events();
        zk.getChildren("/cw", events);
        create("/cw/a");
        create("/cw/b");
        assertEquals("NodeChildrenChanged /cw", describe(events.next()));
        events.expectNothingFor(300);
    }

    @Test
    void deleteFiresNodeDeletedToDataAndChildWatchersAndChildrenChangedToTheParent() throws Exception {
        create("/del");
        create("/del/n");
        Events data = new Events();
        Events children = new Events();
        Events parent = new Events();
        zk.getData("/del/n", data, null);
        zk.getChildren("/del/n", children);
        zk.getChildren("/del", parent);
        other.delete("/del/n", -1);
        assertEquals("NodeDeleted /del/n", describe(data.next()));
        assertEquals("NodeDeleted /del/n", describe(children.next()));
        assertEquals("NodeChildrenChanged /del", describe(parent.next()));
    }

    @Test
    void watchEventIsDeliveredBeforeTheReplyOfTheWriteThatFiredIt() throws Exception {
        create("/order");
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(1);
        zk.getData("/order", event -> seen.add("event " + event.getType()), null);
        zk.setData("/order", new byte[] {1}, -1, (rc, path, ctx, stat) -> seen.add("setData " + rc), null);
        zk.getData("/order", false, (rc, path, ctx, data, stat) -> {
            seen.add("getData " + data[0]);
            done.countDown();
        }, null);
        done.await(Events.WAIT_MS, TimeUnit.MILLISECONDS);
        assertEquals(List.of("event NodeDataChanged", "setData 0", "getData 1"), seen);
    }

    @Test
    void persistentWatchGetsDataAndChildEventsAndStays() throws Exception {
        Events events = new Events();
        zk.addWatch("/pw", events, AddWatchMode.PERSISTENT);
        create("/pw");
        other.setData("/pw", new byte[] {1}, -1);
        create("/pw/c");
        other.delete("/pw/c", -1);
        other.delete("/pw", -1);
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            seen.add(describe(events.next()));
        }
        assertEquals(List.of("NodeCreated /pw", "NodeDataChanged /pw", "NodeChildrenChanged /pw",
                "NodeChildrenChanged /pw", "NodeDeleted /pw"), seen);
    }

    @Test
    void recursiveWatchSeesTheSubtreeButNoChildrenChanged() throws Exception {
        create("/rw");
        Events events = new Events();
        zk.addWatch("/rw", events, AddWatchMode.PERSISTENT_RECURSIVE);
        create("/rw/a");
        other.setData("/rw/a", new byte[] {1}, -1);
        create("/rw/a/b");
        other.delete("/rw/a/b", -1);
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            seen.add(describe(events.next()));
        }
        assertEquals(List.of("NodeCreated /rw/a", "NodeDataChanged /rw/a", "NodeCreated /rw/a/b",
                "NodeDeleted /rw/a/b"), seen);
        events.expectNothingFor(300);
    }

    @Test
    void removeWatchesTellsTheWatcherAndAnswersNoWatcherTheSecondTime() throws Exception {
        create("/rm");
        Events events = new Events();
        zk.getData("/rm", events, null);
        zk.removeWatches("/rm", events, Watcher.WatcherType.Data, false);
        assertEquals("DataWatchRemoved /rm", describe(events.next()));
        assertThrows(KeeperException.NoWatcherException.class,
                () -> zk.removeWatches("/rm", events, Watcher.WatcherType.Data, false));
        other.setData("/rm", new byte[] {1}, -1);
        events.expectNothingFor(300);
    }

    @Test
    void removeAllWatchesClearsPersistentWatches() throws Exception {
        Events events = new Events();
        zk.addWatch("/rma", events, AddWatchMode.PERSISTENT);
        zk.removeAllWatches("/rma", Watcher.WatcherType.Any, false);
        assertEquals("PersistentWatchRemoved /rma", describe(events.next()));
        create("/rma");
        events.expectNothingFor(300);
    }
}
