package io.zakka.protocol.serialization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zakka.protocol.Acl;
import io.zakka.protocol.CreateMode;
import io.zakka.protocol.EventType;
import io.zakka.protocol.Stat;
import io.zakka.protocol.WatchEvent;
import io.zakka.protocol.Zxid;
import io.zakka.protocol.client.ClientBound;
import io.zakka.protocol.client.ServerCommand;
import io.zakka.protocol.op.Op;
import io.zakka.protocol.op.OpResult;
import io.zakka.protocol.txn.Txn;
import io.zakka.protocol.txn.TxnEntry;
import io.zakka.protocol.txn.TxnHeader;
import java.io.NotSerializableException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Malformed input is refused with a NotSerializableException that says what was wrong and names the
 * manifest: truncation at any byte, lengths beyond the message, unknown tags, codes, manifests and
 * versions, trailing bytes and runaway nesting. The hand-built byte sequences spell out the format.
 */
class MalformedInputTest {

    private static final byte VERSION = 1;
    private static final byte SUBMIT_SET_DATA_TAG = 4;
    private static final byte MULTI_TAG = 7;
    private static SerializerFixture fixture;
    private static ZakkaBinarySerializer serializer;

    @BeforeAll
    static void start() {
        fixture = new SerializerFixture("binary-malformed");
        serializer = fixture.serializer();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static List<Object> samples() {
        Stat stat = new Stat(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        return List.of(
                new ServerCommand.Submit(1, 2, new Op.SetData("/a", new byte[1024], 3), fixture.ref(0)),
                new ServerCommand.Submit(1, 2, new Op.Multi(List.of(new Op.Create("/c", null, Acl.OPEN_ACL_UNSAFE,
                        CreateMode.EPHEMERAL), new Op.Check("/c", 1))), fixture.ref(1)),
                new ClientBound.Reply(1, 2, 3, new OpResult.DataResult(new byte[] {1, 2}, stat)),
                new ClientBound.Reply(1, 2, 3, new OpResult.MultiResult(List.of(new OpResult.Created("/c", stat),
                        new OpResult.ChildrenResult(List.of("a", "b"), null)))),
                new ClientBound.Notification(1, new WatchEvent(EventType.NODE_DELETED, "/\u00e9", 4)),
                new ClientBound.SessionOpened(1, new byte[16], 30_000, 5, fixture.ref(0)),
                new ServerCommand.ResumeSession(1, new byte[16], 30_000, 5, "host:1", fixture.ref(1)),
                new TxnEntry(new TxnHeader(1, 2, new Zxid(3, 4), 5), new Txn.MultiTxn(List.of(
                        new Txn.CreateTxn("/c", new byte[] {1}, Acl.OPEN_ACL_UNSAFE, 1, 2),
                        new Txn.SetAclTxn("/c", Acl.CREATOR_ALL_ACL, 3), new Txn.SetDataTxn("/c", null, 4)))),
                new TxnHeader(1, 2, new Zxid(3, 4), 5),
                new Txn.CloseSessionTxn(1, List.of("/e", "/f")),
                new WatchEvent(EventType.NODE_DATA_CHANGED, "/w", 6),
                new Op.SetWatches(7, List.of("/a"), List.of(), List.of("/b"), List.of(), List.of("/c")),
                new OpResult.AclResult(Acl.OPEN_ACL_UNSAFE, stat));
    }

    @Test
    void everyTruncatedPrefixIsRefusedWithNotSerializableException() {
        for (Object message : samples()) {
            String manifest = serializer.manifest(message);
            byte[] bytes = serializer.toBinary(message);
            for (int length = 0; length < bytes.length; length++) {
                byte[] prefix = Arrays.copyOf(bytes, length);
                NotSerializableException refused = refuse(prefix, manifest);
                assertTrue(refused.getMessage().contains(manifest), refused.getMessage());
                ByteBuffer direct = ByteBuffer.allocateDirect(length).put(prefix).flip();
                assertThrows(NotSerializableException.class, () -> serializer.fromBinary(direct, manifest));
            }
        }
    }

    @Test
    void everySingleByteCorruptionIsRefusedOrDecodes() {
        for (Object message : samples()) {
            String manifest = serializer.manifest(message);
            byte[] bytes = serializer.toBinary(message);
            for (int at = 0; at < bytes.length; at++) {
                for (int flip : new int[] {0x01, 0x80, 0xFF}) {
                    byte[] corrupt = bytes.clone();
                    corrupt[at] ^= (byte) flip;
                    BinaryFormatPropertyTest.decodeOrRefuse(serializer, corrupt, manifest, "byte " + at);
                }
            }
        }
    }

    @Test
    void aLengthBeyondTheRemainingBytesIsRefusedBeforeAllocating() {
        byte[] bytes = submitPrefix(SUBMIT_SET_DATA_TAG).putInt(1).put((byte) '/')
                .putInt(Integer.MAX_VALUE).array();
        NotSerializableException refused = refuse(bytes, "Submit");
        assertTrue(refused.getMessage().contains("data claims 2147483647 bytes"), refused.getMessage());
    }

    @Test
    void aNegativeLengthOtherThanNullIsRefused() {
        byte[] bytes = submitPrefix(SUBMIT_SET_DATA_TAG).putInt(-2).array();
        assertTrue(refuse(bytes, "Submit").getMessage().contains("negative length -2"));
    }

    @Test
    void anUnknownOpTagIsRefused() {
        byte[] bytes = submitPrefix((byte) 99).array();
        assertTrue(refuse(bytes, "Submit").getMessage().contains("unknown op tag 99"));
    }

    @Test
    void anUnknownTxnTagIsRefused() {
        byte[] bytes = {VERSION, 99};
        assertTrue(refuse(bytes, "Txn").getMessage().contains("unknown txn tag 99"));
    }

    @Test
    void aTopLevelNullIsRefusedThoughTheTagAllowsNullInsideAMessage() {
        for (String manifest : List.of("Op", "OpResult", "Txn", "WatchEvent", "TxnHeader")) {
            NotSerializableException refused = refuse(new byte[] {VERSION, 0}, manifest);
            assertTrue(refused.getMessage().contains("top-level " + manifest + " is null"), refused.getMessage());
        }
    }

    @Test
    void anUnknownEnumCodeIsRefused() {
        byte[] bytes = ByteBuffer.allocate(10).put(VERSION).putLong(1).put((byte) 55).array();
        NotSerializableException refused = refuse(bytes, "SessionClosed");
        assertTrue(refused.getMessage().contains("unknown ErrorCode code 55"), refused.getMessage());
    }

    @Test
    void aBooleanOtherThanZeroOrOneIsRefused() {
        byte[] bytes = ByteBuffer.allocate(10).put(VERSION).putInt(1000).put((byte) 2).putInt(-1).array();
        assertTrue(refuse(bytes, "OpenSession").getMessage().contains("readOnly is 2, not a boolean"));
    }

    @Test
    void trailingBytesAreRefused() {
        Object pong = new ClientBound.Pong(1, 2);
        byte[] bytes = Arrays.copyOf(serializer.toBinary(pong), 18);
        assertTrue(refuse(bytes, "Pong").getMessage().contains("1 trailing bytes"));
    }

    @Test
    void anUnknownManifestIsRefusedWithItsName() {
        byte[] bytes = serializer.toBinary(new ClientBound.Pong(1, 2));
        NotSerializableException refused = refuse(bytes, "NoSuchMessage");
        assertTrue(refused.getMessage().contains("unknown manifest [NoSuchMessage]"), refused.getMessage());
    }

    @Test
    void anUnknownFormatVersionIsRefused() {
        byte[] bytes = serializer.toBinary(new ClientBound.Pong(1, 2));
        bytes[0] = 2;
        NotSerializableException refused = refuse(bytes, "Pong");
        assertTrue(refused.getMessage().contains("unsupported Zakka binary format version 2 for manifest [Pong]"),
                refused.getMessage());
    }

    @Test
    void nestingBeyondTheLimitIsRefusedByReaderAndWriter() {
        ByteBuffer deep = submitPrefix(MULTI_TAG);
        for (int level = 1; level <= BinaryReader.MAX_DEPTH + 1; level++) {
            deep.putInt(1).put(MULTI_TAG);
        }
        byte[] bytes = Arrays.copyOf(deep.array(), deep.position());
        assertTrue(refuse(bytes, "Submit").getMessage().contains("nested deeper than"));

        Op op = new Op.Multi(List.of());
        for (int level = 0; level <= BinaryReader.MAX_DEPTH; level++) {
            op = new Op.Multi(List.of(op));
        }
        Object tooDeep = new ServerCommand.Submit(1, 2, op, null);
        assertThrows(IllegalArgumentException.class, () -> serializer.toBinary(tooDeep));
    }

    @Test
    void aMessageLargerThanArteryBufferOverflowsIt() {
        Object big = new ServerCommand.Submit(1, 2, new Op.SetData("/a", new byte[100], 3), null);
        assertThrows(java.nio.BufferOverflowException.class,
                () -> serializer.toBinary(big, ByteBuffer.allocate(64)));
    }

    /** The version byte, sessionId and cxid of a Submit, then the op tag; room for what a test adds. */
    private static ByteBuffer submitPrefix(byte opTag) {
        return ByteBuffer.allocate(1024).put(VERSION).putLong(1).putInt(2).put(opTag);
    }

    private static NotSerializableException refuse(byte[] bytes, String manifest) {
        Throwable thrown = assertThrows(Throwable.class, () -> serializer.fromBinary(bytes, manifest));
        NotSerializableException refused = assertInstanceOf(NotSerializableException.class, thrown);
        assertEquals(NotSerializableException.class, refused.getClass());
        return refused;
    }
}
