package io.zakka.wire.conn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zakka.wire.support.Clients;
import io.zakka.wire.support.Events;
import io.zakka.wire.support.Frames;
import io.zakka.wire.support.RawConnection;
import io.zakka.wire.support.ZakkaTarget;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Arrays;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.proto.GetDataRequest;
import org.apache.zookeeper.proto.GetDataResponse;
import org.apache.zookeeper.proto.ReplyHeader;
import org.junit.jupiter.api.Test;

/**
 * The client port's own socket layer ({@link SocketLoop}, {@link NioSocket}): replies larger than the socket takes
 * at once are finished by the selector thread, whole and in order, while other connections go on being served.
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
