package io.zakka.wire.compat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.zakka.wire.support.Clients;
import io.zakka.wire.support.Events;
import io.zakka.wire.support.Retry;
import io.zakka.wire.support.Target;
import io.zakka.wire.support.TcpRelay;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.AddWatchMode;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher.Event.KeeperState;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Sessions across dropped connections (a TCP relay between client and server cuts them), expiry, re-attach
 * with id and password, and the 1 MB frame limit, against ZooKeeper 3.9.5 and Zakka.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SessionCompatibilitySuite {

    private Target target;
    private ZooKeeper direct;

    abstract Target startTarget();

    @BeforeAll
    void start() {
        target = startTarget();
        direct = Clients.connect(target.connectString());
    }

    @AfterAll
    void stop() throws InterruptedException {
        direct.close();
        target.close();
    }

    @Test
    void sessionSurvivesADroppedConnectionAndWatchesCatchUp() throws Exception {
        direct.create("/gap", new byte[] {0}, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        try (TcpRelay relay = new TcpRelay(target.port())) {
            Events session = new Events();
            ZooKeeper zk = Clients.connect(relay.connectString(), session);
            long id = zk.getSessionId();
            zk.create("/gap-eph", null, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
            Events watch = new Events();
            zk.getData("/gap", watch, null);
            relay.block();
            session.awaitState(KeeperState.Disconnected);
            direct.setData("/gap", new byte[] {1}, -1);
            relay.unblock();
            session.awaitState(KeeperState.SyncConnected);
            WatchedEvent changed = watch.nextNodeEvent();
            assertEquals("NodeDataChanged /gap", changed.getType() + " " + changed.getPath());
            assertEquals(id, zk.getSessionId());
            assertEquals(id, zk.exists("/gap-eph", false).getEphemeralOwner());
            assertArrayEquals(new byte[] {1}, zk.getData("/gap", false, null));
            zk.close();
        }
    }

    @Test
    void persistentWatchIsReRegisteredOnReconnectWithoutCatchUpEvents() throws Exception {
        direct.create("/ptree", null, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        try (TcpRelay relay = new TcpRelay(target.port())) {
            Events session = new Events();
            ZooKeeper zk = Clients.connect(relay.connectString(), session);
            Events watch = new Events();
            zk.addWatch("/ptree", watch, AddWatchMode.PERSISTENT_RECURSIVE);
            relay.block();
            session.awaitState(KeeperState.Disconnected);
            direct.create("/ptree/during-gap", null, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            relay.unblock();
            session.awaitState(KeeperState.SyncConnected);
            // The client re-sends its watches before any later request: once this read is answered, the
            // server holds the re-registered watch.
            zk.exists("/ptree", false);
            direct.create("/ptree/after", null, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            WatchedEvent next = watch.nextNodeEvent();
            assertEquals("NodeCreated /ptree/after", next.getType() + " " + next.getPath());
            zk.close();
        }
    }

    @Test
    void sessionThatCannotReconnectExpiresAndTheClientIsToldOnReconnect() throws Exception {
        try (TcpRelay relay = new TcpRelay(target.port())) {
            Events session = new Events();
            ZooKeeper zk = Clients.connect(relay.connectString(), 2 * target.minSessionTimeoutMs(), session);
            zk.create("/expiring", null, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
            Events deleted = new Events();
            direct.exists("/expiring", deleted);
            relay.block();
            assertEquals("NodeDeleted", deleted.next().getType().name());
            relay.unblock();
            session.awaitState(KeeperState.Expired);
            assertThrows(KeeperException.SessionExpiredException.class, () -> zk.exists("/", false));
            zk.close();
        }
    }

    /**
     * The intruder is told Expired at once. (ZooKeeper also drops the victim's connection before it checks
     * the password; Zakka does not. Either way the victim's session lives on, which is what is asserted.)
     */
    @Test
    void reattachWithAWrongPasswordIsExpiredAtOnce() throws Exception {
        ZooKeeper victim = Clients.connect(target.connectString());
        Events session = new Events();
        ZooKeeper zk = new ZooKeeper(target.connectString(), Clients.SESSION_TIMEOUT_MS, session,
                victim.getSessionId(), new byte[16]);
        try {
            session.awaitState(KeeperState.Expired);
            assertNotNull(Retry.untilConnected(() -> victim.exists("/", false)));
        } finally {
            zk.close();
            victim.close();
        }
    }

    @Test
    void reattachWithIdAndPasswordMovesTheSession() throws Exception {
        Events first = new Events();
        ZooKeeper original = Clients.connect(target.connectString(), first);
        original.create("/moved-eph", null, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper second = new ZooKeeper(target.connectString(), Clients.SESSION_TIMEOUT_MS, event -> {
            if (event.getState() == KeeperState.SyncConnected) {
                connected.countDown();
            }
        }, original.getSessionId(), original.getSessionPasswd());
        try {
            assertEquals(true, connected.await(Events.WAIT_MS, TimeUnit.MILLISECONDS));
            assertEquals(original.getSessionId(), second.getSessionId());
            assertEquals(original.getSessionId(), second.exists("/moved-eph", false).getEphemeralOwner());
            first.awaitState(KeeperState.Disconnected);
        } finally {
            second.close();
            original.close();
        }
    }

    @Test
    void frameOverJuteMaxBufferClosesTheConnectionButTheSessionSurvives() throws Exception {
        Events session = new Events();
        ZooKeeper zk = Clients.connect(target.connectString(), session);
        try {
            zk.create("/big", new byte[1_000_000], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
            assertEquals(1_000_000, zk.getData("/big", false, null).length);
            long id = zk.getSessionId();
            assertThrows(KeeperException.ConnectionLossException.class,
                    () -> zk.setData("/big", new byte[1_048_576], -1));
            session.awaitState(KeeperState.Disconnected);
            session.awaitState(KeeperState.SyncConnected);
            assertEquals(id, zk.exists("/big", false).getEphemeralOwner());
        } finally {
            zk.close();
        }
    }

}
