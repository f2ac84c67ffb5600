package io.zakka.wire.conn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import com.typesafe.config.ConfigFactory;
import io.zakka.api.ZakkaServer;
import io.zakka.wire.WireServer;
import io.zakka.wire.WireSettings;
import io.zakka.wire.support.Clients;
import io.zakka.wire.support.Events;
import io.zakka.wire.support.Frames;
import io.zakka.wire.support.RawConnection;
import io.zakka.wire.support.ZakkaTarget;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.proto.ConnectRequest;
import org.apache.zookeeper.proto.ConnectResponse;
import org.apache.zookeeper.proto.GetDataRequest;
import org.apache.zookeeper.proto.GetDataResponse;
import org.apache.zookeeper.proto.ReplyHeader;
import org.junit.jupiter.api.Test;

/**
 * The client port's own socket layer ({@link SocketLoop}, {@link NioSocket}): replies larger than the socket takes
 * at once are finished by the selector thread, whole and in order, while other connections go on being served;
 * a port bound early holds a client that connects before the server exists until it serves it.
 */
class ClientPortSocketTest {

    private static final int DATA_BYTES = 512 * 1024;
    /** 32 replies of 512 KiB: far more than a loopback socket's buffers hold, so most writes end part-way. */
    private static final int REQUESTS = 32;

    @Test
    void repliesTheClientDoesNotReadYetArriveWholeAndInOrderWhileOthersAreServed() throws Exception {
        try (ZakkaTarget target = new ZakkaTarget()) {
            byte[] data = new byte[DATA_BYTES];
            Arrays.fill(data, (byte) 0x5a);
            data[DATA_BYTES - 1] = 1;
            ZooKeeper other = Clients.connect(target.connectString(), new Events());
            other.create("/big", data, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            try (RawConnection slow = new RawConnection(target.port())) {
                slow.handshake();
                for (int xid = 1; xid <= REQUESTS; xid++) {
                    slow.request(xid, 4, Frames.payload(new GetDataRequest("/big", false)));
                }
                // Nothing of the slow connection's replies has been read: the server must still serve others.
                assertEquals(DATA_BYTES, other.exists("/big", false).getDataLength());
                for (int xid = 1; xid <= REQUESTS; xid++) {
                    byte[] frame = slow.readFrame();
                    ReplyHeader header = new ReplyHeader();
                    GetDataResponse response = new GetDataResponse();
                    Frames.read(frame, header, response);
                    assertEquals(xid, header.getXid());
                    assertEquals(0, header.getErr());
                    assertArrayEquals(data, response.getData());
                }
            }
            other.close();
        }
    }

    @Test
    void aClientThatConnectsBeforeTheServerStartsOnAnEarlyBoundPortIsServedOnceItHas() throws Exception {
        WireSettings settings = WireSettings.fromConfig(ConfigFactory.load("application-test")).withAddress(
                "127.0.0.1", 0);
        ServerSocketChannel bound = WireServer.bindEarly(settings);
        int port = ((InetSocketAddress) bound.getLocalAddress()).getPort();
        ActorTestKit kit = ActorTestKit.create(ConfigFactory.load("application-test"));
        try (RawConnection early = new RawConnection(port)) {
            // Connected (the kernel's accept backlog) and the ConnectRequest sent before the server exists.
            early.send(Frames.of(new ConnectRequest(0, 0, 4000, 0, new byte[16], false)));
            ZakkaServer server = ZakkaServer.start(kit.system());
            WireServer wire = WireServer.start(kit.system(), server, settings, bound);
            assertEquals(port, wire.port());
            ConnectResponse response = new ConnectResponse();
            Frames.read(early.readFrame(), response);
            assertTrue(response.getSessionId() != 0);
            assertEquals(4000, response.getTimeOut());
            wire.stop();
            server.stop().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } finally {
            kit.shutdownTestKit();
        }
    }

    @Test
    void aClientThatConnectsAndLeavesAtOnceLeavesTheServerServing() throws Exception {
        try (ZakkaTarget target = new ZakkaTarget()) {
            for (int i = 0; i < 20; i++) {
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), target.port());
                socket.setSoLinger(true, 0);
                socket.close();
            }
            ZooKeeper zk = Clients.connect(target.connectString(), new Events());
            assertTrue(zk.exists("/", false) != null);
            zk.close();
        }
    }
}
