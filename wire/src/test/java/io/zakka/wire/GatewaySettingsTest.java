package io.zakka.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.zakka.wire.support.Clients;
import io.zakka.wire.support.Events;
import io.zakka.wire.support.Frames;
import io.zakka.wire.support.RawConnection;
import io.zakka.wire.support.ZakkaTarget;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher.Event.KeeperState;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.proto.ExistsRequest;
import org.apache.zookeeper.proto.ReplyHeader;
import org.junit.jupiter.api.Test;

/** The gateway's settings take effect: jute.maxbuffer, the four-letter-word whitelist, the outstanding limit. */
class GatewaySettingsTest {

    private static WireSettings defaults() {
        return WireSettings.fromConfig(ConfigFactory.load("application-test"));
    }

    private static String fourLetters(int port, String word) {
        try (RawConnection raw = new RawConnection(port)) {
            raw.send(word.getBytes(StandardCharsets.US_ASCII));
            return raw.readTextToEnd();
        }
    }

    @Test
    void configuredJuteMaxBufferBoundsFramesAndTheSessionSurvives() throws Exception {
        try (ZakkaTarget target = new ZakkaTarget(defaults().withJuteMaxBuffer(2000))) {
            Events session = new Events();
            ZooKeeper zk = Clients.connect(target.connectString(), session);
            zk.create("/small", new byte[1000], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
            long id = zk.getSessionId();
            assertThrows(KeeperException.ConnectionLossException.class, () -> zk.setData("/small", new byte[3000], -1));
            session.awaitState(KeeperState.Disconnected);
            session.awaitState(KeeperState.SyncConnected);
            assertEquals(id, zk.exists("/small", false).getEphemeralOwner());
            zk.close();
        }
    }

    @Test
    void connectionsRunOnTheNodeThreadByDefaultAndServeOnAConfiguredPoolToo() throws Exception {
        assertEquals(WireSettings.NODE_DISPATCHER, defaults().connectionDispatcher());
        WireSettings pooled = defaults().withConnectionDispatcher("akka.actor.default-dispatcher");
        try (ZakkaTarget target = new ZakkaTarget(pooled)) {
            ZooKeeper zk = Clients.connect(target.connectString(), new Events());
            zk.create("/pooled", new byte[] {7}, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            assertEquals(7, zk.getData("/pooled", false, null)[0]);
            zk.close();
        }
    }

    @Test
    void connectionsSpreadOverSeveralSelectorThreadsAreAllServed() throws Exception {
        assertEquals(1, defaults().selectorThreads());
        try (ZakkaTarget target = new ZakkaTarget(defaults().withSelectorThreads(3))) {
            List<ZooKeeper> clients = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                clients.add(Clients.connect(target.connectString(), new Events()));
            }
            for (int i = 0; i < clients.size(); i++) {
                clients.get(i).create("/spread-" + i, new byte[] {(byte) i}, ZooDefs.Ids.OPEN_ACL_UNSAFE,
                        CreateMode.PERSISTENT);
            }
            for (int i = 0; i < clients.size(); i++) {
                ZooKeeper reader = clients.get((i + 1) % clients.size());
                assertEquals(i, reader.getData("/spread-" + i, false, null)[0]);
            }
            for (ZooKeeper client : clients) {
                client.close();
            }
        }
        assertThrows(IllegalArgumentException.class, () -> defaults().withSelectorThreads(0));
    }

    @Test
    void whitelistLimitsTheFourLetterWordsAndStarAllowsAll() {
        try (ZakkaTarget target = new ZakkaTarget(defaults().withFourLetterWords(Set.of("ruok")))) {
            assertEquals("imok", fourLetters(target.port(), "ruok"));
            assertEquals("srvr is not executed because it is not in the whitelist.\n",
                    fourLetters(target.port(), "srvr"));
        }
        try (ZakkaTarget target = new ZakkaTarget(defaults().withFourLetterWords(Set.of("*")))) {
            assertTrue(fourLetters(target.port(), "srvr").contains("Mode: standalone"));
        }
    }

    @Test
    void requestsBeyondTheOutstandingLimitWaitAndAreAllAnsweredInOrder() {
        WireSettings oneAtATime = new WireSettings("127.0.0.1", 0, 0xfffff, Set.of("*"), 1);
        try (ZakkaTarget target = new ZakkaTarget(oneAtATime); RawConnection raw = new RawConnection(target.port())) {
            raw.handshake();
            for (int xid = 1; xid <= 20; xid++) {
                raw.request(xid, 3, Frames.payload(new ExistsRequest("/", false)));
            }
            for (int xid = 1; xid <= 20; xid++) {
                ReplyHeader header = raw.readHeader();
                assertEquals(xid, header.getXid());
                assertEquals(0, header.getErr());
            }
        }
    }
}
