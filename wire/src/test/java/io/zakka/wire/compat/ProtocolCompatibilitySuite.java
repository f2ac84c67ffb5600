package io.zakka.wire.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zakka.wire.support.Clients;
import io.zakka.wire.support.Frames;
import io.zakka.wire.support.RawConnection;
import io.zakka.wire.support.Target;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.proto.AuthPacket;
import org.apache.zookeeper.proto.CheckVersionRequest;
import org.apache.zookeeper.proto.ConnectRequest;
import org.apache.zookeeper.proto.ConnectResponse;
import org.apache.zookeeper.proto.ExistsRequest;
import org.apache.zookeeper.proto.ReplyHeader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The protocol byte by byte, with a hand-driven connection, against ZooKeeper 3.9.5 and Zakka: the
 * handshake variants, opcodes a server does not serve, requests in the wrong place, pipelining, and the
 * four-letter words on the client port.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ProtocolCompatibilitySuite {

    private Target target;

    abstract Target startTarget();

    @BeforeAll
    void start() {
        target = startTarget();
    }

    @AfterAll
    void stop() {
        target.close();
    }

    private String fourLetters(String word) {
        try (RawConnection raw = new RawConnection(target.port())) {
            raw.send(word.getBytes(StandardCharsets.US_ASCII));
            return raw.readTextToEnd();
        }
    }

    @Test
    void handshakeNegotiatesTheTimeoutAndIssuesA16BytePassword() {
        try (RawConnection raw = new RawConnection(target.port())) {
            ConnectResponse response = raw.handshake();
            assertEquals(4000, response.getTimeOut());
            assertTrue(response.getSessionId() != 0);
            assertEquals(16, response.getPasswd().length);
        }
    }

    @Test
    void requestWithoutReadOnlyByteIsAnsweredWithoutOne() {
        try (RawConnection raw = new RawConnection(target.port())) {
            byte[] full = Frames.payload(new ConnectRequest(0, 0, 100_000, 0, new byte[16], false));
            byte[] old = java.util.Arrays.copyOf(full, full.length - 1);
            raw.send(ByteBuffer.allocate(4 + old.length).putInt(old.length).put(old).array());
            byte[] answer = raw.readFrame();
            assertEquals(36, answer.length);
            assertEquals(4000, ByteBuffer.wrap(answer).getInt(4), "the timeout is clamped to 20 ticks");
        }
    }

    @Test
    void clientThatHasSeenALaterZxidGetsNoSession() {
        try (RawConnection raw = new RawConnection(target.port())) {
            raw.send(Frames.of(new ConnectRequest(0, Long.MAX_VALUE, 4000, 0, new byte[16], false)));
            assertTrue(raw.closedByServer());
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() {
        try (RawConnection raw = new RawConnection(target.port())) {
            raw.handshake();
            for (int xid = 1; xid <= 50; xid++) {
                raw.request(xid, 3, Frames.payload(new ExistsRequest(xid % 2 == 0 ? "/" : "/none", false)));
            }
            for (int xid = 1; xid <= 50; xid++) {
                ReplyHeader header = raw.readHeader();
                assertEquals(xid, header.getXid());
                assertEquals(xid % 2 == 0 ? 0 : -101, header.getErr());
            }
        }
    }

    @Test
    void closeSessionIsAnsweredThenTheConnectionIsClosed() {
        try (RawConnection raw = new RawConnection(target.port())) {
            raw.handshake();
            raw.request(5, -11, new byte[0]);
            ReplyHeader header = raw.readHeader();
            assertEquals(5, header.getXid());
            assertEquals(0, header.getErr());
            assertTrue(header.getZxid() > 0);
            assertTrue(raw.closedByServer());
        }
    }

    @Test
    void authFailureIsAnsweredWithZxidZeroThenTheConnectionIsClosed() {
        try (RawConnection raw = new RawConnection(target.port())) {
            raw.handshake();
            raw.request(-4, 100, Frames.payload(new AuthPacket(0, "nosuchscheme", new byte[] {1})));
            assertEquals(new ReplyHeader(-4, 0, -115), raw.readHeader());
            assertTrue(raw.closedByServer());
        }
    }

    @Test
    void pingIsAnsweredWithXidMinusTwo() {
        try (RawConnection raw = new RawConnection(target.port())) {
            raw.handshake();
            raw.request(-2, 11, new byte[0]);
            ReplyHeader header = raw.readHeader();
            assertEquals(-2, header.getXid());
            assertEquals(0, header.getErr());
        }
    }

    /**
     * ZooKeeper 3.9.5 answers an unknown opcode UNIMPLEMENTED and then closes the connection; Zakka answers the
     * same and keeps serving the connection, as the wire issue asks ("UNIMPLEMENTED, not a dropped connection").
     */
    abstract boolean keepsServingAfterUnknownOpcode();

    @Test
    void unknownOpcodeIsAnsweredUnimplemented() {
        try (RawConnection raw = new RawConnection(target.port())) {
            raw.handshake();
            raw.request(1, 999, new byte[0]);
            ReplyHeader header = raw.readHeader();
            assertEquals(1, header.getXid());
            assertEquals(-6, header.getErr());
            if (keepsServingAfterUnknownOpcode()) {
                raw.request(-2, 11, new byte[0]);
                ReplyHeader ping = raw.readHeader();
                assertEquals(-2, ping.getXid());
                assertEquals(0, ping.getErr());
            } else {
                assertTrue(raw.closedByServer());
            }
        }
    }

    @Test
    void standaloneCheckIsUnimplementedAndClosesTheConnection() {
        try (RawConnection raw = new RawConnection(target.port())) {
            raw.handshake();
            raw.request(7, 13, Frames.payload(new CheckVersionRequest("/", 0)));
            ReplyHeader header = raw.readHeader();
            assertEquals(7, header.getXid());
            assertEquals(-6, header.getErr());
            assertTrue(raw.closedByServer());
        }
    }

    @Test
    void requestBeforeTheConnectRequestClosesTheConnection() {
        try (RawConnection raw = new RawConnection(target.port())) {
            raw.request(1, 3, Frames.payload(new ExistsRequest("/", false)));
            assertTrue(raw.closedByServer());
        }
    }

    @Test
    void frameLengthOverJuteMaxBufferClosesTheConnection() {
        try (RawConnection raw = new RawConnection(target.port())) {
            raw.handshake();
            raw.send(ByteBuffer.allocate(4).putInt(0x100000).array());
            assertTrue(raw.closedByServer());
        }
    }

    @Test
    void fourLetterWordIsAnsweredWhenTheClientShutsDownItsWriteSide() {
        try (RawConnection raw = new RawConnection(target.port())) {
            raw.send("srvr".getBytes(StandardCharsets.US_ASCII));
            raw.shutdownOutput();
            assertTrue(raw.readTextToEnd().contains("Mode: standalone"));
        }
    }

    @Test
    void fourLetterWordsAnswerOnTheClientPort() throws Exception {
        ZooKeeper zk = Clients.connect(target.connectString());
        try {
            zk.getChildren("/zookeeper", true);
            zk.getData("/zookeeper/config", true, null);
            assertEquals("imok", fourLetters("ruok"));
            assertEquals("rw", fourLetters("isro"));
            String srvr = fourLetters("srvr");
            assertTrue(srvr.startsWith("Zookeeper version: 3.9.5"), srvr);
            assertTrue(srvr.contains("\nMode: standalone\n"), srvr);
            assertTrue(srvr.contains("\nNode count: "), srvr);
            assertTrue(fourLetters("stat").contains("Clients:\n"));
            assertTrue(fourLetters("mntr").contains("zk_znode_count\t"));
            assertTrue(fourLetters("conf").contains("clientPort="));
            assertTrue(fourLetters("envi").startsWith("Environment:\n"));
            assertTrue(fourLetters("cons").contains("sid=0x" + Long.toHexString(zk.getSessionId())));
            assertTrue(fourLetters("wchs").contains("Total watches:"));
            // The watch reports cover the data watches only (getData's), not the child watch on /zookeeper.
            String session = "0x" + Long.toHexString(zk.getSessionId());
            assertEquals(session + "\n\t/zookeeper/config\n\n", fourLetters("wchc"));
            assertEquals("/zookeeper/config\n\t" + session + "\n\n", fourLetters("wchp"));
            assertEquals("1 connections watching 1 paths\nTotal watches:1\n", fourLetters("wchs"));
            assertTrue(fourLetters("dirs").startsWith("datadir_size: "));
            assertEquals("dump is not executed because it is not in the whitelist.\n", fourLetters("dump"));
        } finally {
            zk.close();
        }
    }
}
