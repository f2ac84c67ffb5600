package io.zakka.protocol.serialization;

import static io.zakka.protocol.serialization.DeepEquals.assertDeepEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zakka.protocol.Acl;
import io.zakka.protocol.CreateMode;
import io.zakka.protocol.ErrorCode;
import io.zakka.protocol.EventType;
import io.zakka.protocol.Id;
import io.zakka.protocol.Stat;
import io.zakka.protocol.ProtocolClasses;
import io.zakka.protocol.WatchEvent;
import io.zakka.protocol.Zxid;
import io.zakka.protocol.client.ClientBound;
import io.zakka.protocol.client.ServerCommand;
import io.zakka.protocol.op.Op;
import io.zakka.protocol.op.OpResult;
import io.zakka.protocol.txn.Txn;
import io.zakka.protocol.txn.TxnEntry;
import io.zakka.protocol.txn.TxnHeader;
import java.io.IOException;
import java.io.NotSerializableException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every ZakkaSerializable type is bound to the binary serializer and round-trips equal on its own; every Op,
 * OpResult and Txn also round-trips inside the envelope or entry that carries it.
 */
class ZakkaBinarySerializerTest {

    private static final Stat STAT = new Stat(1L << 33, 2, 3, 4, 5, 6, 7, 0x1234_5678_9ABCL, 1024, 9, 10);
    private static SerializerFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new SerializerFixture("binary-roundtrip");
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void akkaBindsEveryZakkaSerializableTypeToTheBinarySerializer() {
        RandomMessages random = new RandomMessages(new Random(1), fixture.refs());
        for (Class<?> type : messageTypes()) {
            Object message = random.of(type);
            assertEquals(ZakkaBinarySerializer.IDENTIFIER, fixture.bound(message).identifier(), type.getName());
            assertTrue(fixture.serializer().manifest(message).length() > 1, type.getName());
        }
        assertEquals(10, envelopeTypes().size(), "a new envelope record needs a manifest: " + envelopeTypes());
    }

    @Test
    void everyZakkaSerializableTypeRoundTripsEqualOnItsOwn() throws NotSerializableException {
        RandomMessages random = new RandomMessages(new Random(2), fixture.refs());
        for (Class<?> type : messageTypes()) {
            for (int i = 0; i < 20; i++) {
                assertRoundTrips(random.of(type));
            }
        }
    }

    @Test
    void everyOpVariantRoundTripsInsideASubmit() throws NotSerializableException {
        RandomMessages random = new RandomMessages(new Random(3), fixture.refs());
        List<Class<?>> leaves = RandomMessages.leaves(Op.class);
        assertEquals(22, leaves.size(), "a new Op needs a tag in OpCodec: " + leaves);
        for (Class<?> type : leaves) {
            for (int i = 0; i < 20; i++) {
                assertRoundTrips(new ServerCommand.Submit(i, i, (Op) random.of(type), fixture.ref(0)));
            }
        }
    }

    @Test
    void everyOpResultVariantRoundTripsInsideAReply() throws NotSerializableException {
        RandomMessages random = new RandomMessages(new Random(4), fixture.refs());
        List<Class<?>> leaves = RandomMessages.leaves(OpResult.class);
        assertEquals(12, leaves.size(), "a new OpResult needs a tag in OpResultCodec: " + leaves);
        for (Class<?> type : leaves) {
            for (int i = 0; i < 20; i++) {
                assertRoundTrips(new ClientBound.Reply(i, i, -i, (OpResult) random.of(type)));
            }
        }
    }

    @Test
    void everyTxnVariantRoundTripsInsideATxnEntry() throws NotSerializableException {
        RandomMessages random = new RandomMessages(new Random(5), fixture.refs());
        List<Class<?>> leaves = RandomMessages.leaves(Txn.class);
        assertEquals(8, leaves.size(), "a new Txn needs a tag in TxnCodec: " + leaves);
        for (Class<?> type : leaves) {
            for (int i = 0; i < 20; i++) {
                TxnHeader header = new TxnHeader(i, -i, new Zxid(i, -1 - i), 1_700_000_000_000L + i);
                assertRoundTrips(new TxnEntry(header, (Txn) random.of(type)));
            }
        }
    }

    @Test
    void standaloneMessagesHaveOneManifestPerTypeOrSealedFamily() {
        ZakkaBinarySerializer serializer = fixture.serializer();
        assertEquals("Op", serializer.manifest(new Op.WhoAmI()));
        assertEquals("Op", serializer.manifest(new Op.GetData("/a", false)));
        assertEquals("OpResult", serializer.manifest(new OpResult.Done()));
        assertEquals("Txn", serializer.manifest(new Txn.DeleteTxn("/a")));
        assertEquals("TxnEntry", serializer.manifest(new TxnEntry(null, null)));
        assertEquals("TxnHeader", serializer.manifest(new TxnHeader(1, 2, Zxid.ZERO, 3)));
        assertEquals("WatchEvent", serializer.manifest(new WatchEvent(EventType.NODE_CREATED, "/a", 1)));
    }

    @Test
    void typicalMessagesRoundTripEqualByRecordEquals() throws NotSerializableException {
        List<Object> messages = List.of(
                new ServerCommand.Submit(7, 8, new Op.GetData("/a/b", true), fixture.ref(1)),
                new ServerCommand.Submit(7, 9, new Op.Multi(List.of(new Op.Check("/x", 3),
                        new Op.Delete("/x/y", -1))), fixture.ref(0)),
                new ClientBound.Reply(7, 8, 1L << 32 | 5, new OpResult.StatResult(STAT)),
                new ClientBound.Reply(7, 8, 5, new OpResult.MultiResult(List.of(new OpResult.Error(ErrorCode.OK),
                        new OpResult.Error(ErrorCode.THROTTLEDOP), new OpResult.Error(ErrorCode.SYSTEMERROR)))),
                new ClientBound.Reply(7, 8, 5, new OpResult.WhoAmIResult(List.of(Id.ANYONE, new Id("ip", "::1")))),
                new ClientBound.Reply(7, 8, 5, new OpResult.AclResult(Acl.CREATOR_ALL_ACL, STAT)),
                new ClientBound.Notification(7, new WatchEvent(EventType.NONE, "/\u00e9\u4e2d\ud83d\ude00", 9)),
                new ClientBound.SessionRejected(7, ErrorCode.SESSIONEXPIRED, "expired"),
                new ClientBound.SessionClosed(7, ErrorCode.SESSIONMOVED),
                new ClientBound.Pong(Long.MIN_VALUE, Long.MAX_VALUE),
                new ServerCommand.Ping(-1, fixture.ref(0)),
                new ServerCommand.OpenSession(30_000, true, "10.0.0.1:2181", fixture.ref(1)),
                new TxnEntry(new TxnHeader(7, 8, new Zxid(2, -1), 1_700_000_000_000L), new Txn.MultiTxn(List.of(
                        new Txn.CheckVersionTxn("/x", 3), new Txn.DeleteTxn("/x/y"),
                        new Txn.CloseSessionTxn(7, List.of("/e1", "/e2"))))),
                new TxnHeader(7, 8, null, 9),
                new Txn.CreateSessionTxn(7, 30_000),
                new WatchEvent(EventType.NODE_CHILDREN_CHANGED, "/p", 1L << 32),
                new Op.Check("/x", 3),
                new OpResult.StatResult(STAT));
        for (Object message : messages) {
            assertEquals(message, fixture.viaAkka(message));
            assertEquals(message, fixture.viaBuffer(message, true));
        }
    }

    @Test
    void nullDataStaysNullAndEmptyDataStaysEmpty() {
        for (byte[] data : new byte[][] {null, new byte[0], {0, -1, 127}}) {
            var back = (ServerCommand.Submit) fixture.viaAkka(
                    new ServerCommand.Submit(1, 1, new Op.SetData("/a", data, -1), fixture.ref(0)));
            assertArrayEquals(data, ((Op.SetData) back.op()).data());
        }
    }

    @Test
    void nullComponentsStayNull() {
        var submit = (ServerCommand.Submit) fixture.viaAkka(new ServerCommand.Submit(1, 2, null, null));
        assertNull(submit.op());
        assertNull(submit.replyTo());
        var reply = (ClientBound.Reply) fixture.viaAkka(new ClientBound.Reply(1, 2, 3,
                new OpResult.ChildrenResult(null, null)));
        assertEquals(new OpResult.ChildrenResult(null, null), reply.result());
        List<Op> withNull = new ArrayList<>(Arrays.asList(new Op.Sync("/"), null));
        var multi = (ServerCommand.Submit) fixture.viaAkka(new ServerCommand.Submit(1, 2,
                new Op.MultiRead(withNull), null));
        assertEquals(new Op.MultiRead(withNull), multi.op());
    }

    @Test
    void createCarriesModeAclAndTtl() {
        Op create = new Op.Create("/t-", new byte[] {1}, Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_SEQUENTIAL_WITH_TTL,
                60_000L);
        var back = (ServerCommand.Submit) fixture.viaAkka(new ServerCommand.Submit(1, 2, create, null));
        assertDeepEquals(create, back.op(), "create");
    }

    @Test
    void messagesLargerThanTheScratchBufferRoundTrip() throws NotSerializableException {
        for (int size : new int[] {5_000, 300_000, 1 << 20, 10}) {
            byte[] data = new byte[size];
            new Random(size).nextBytes(data);
            assertRoundTrips(new ServerCommand.Submit(1, size, new Op.SetData("/big", data, -1), null));
        }
    }

    @Test
    void aStringFitsACallersBufferWhenItsBytesDoEvenIfThreeBytesPerCharWouldNot() throws NotSerializableException {
        String path = "/" + "a".repeat(200);
        Object message = new ClientBound.Notification(1, new WatchEvent(EventType.NODE_CREATED, path, 2));
        int size = fixture.serializer().toBinary(message).length;
        for (ByteBuffer buf : new ByteBuffer[] {
            ByteBuffer.allocate(size), ByteBuffer.allocateDirect(size)}) {
            fixture.serializer().toBinary(message, buf);
            assertEquals(size, buf.position());
            assertEquals(message, fixture.serializer().fromBinary(buf.flip(), "Notification"));
        }
    }

    /** Through Akka, through heap and direct buffers; all three give the same bytes and an equal message. */
    private static void assertRoundTrips(Object message) throws NotSerializableException {
        String what = message.toString();
        assertDeepEquals(message, fixture.viaAkka(message), what);
        assertDeepEquals(message, fixture.viaBuffer(message, false), what);
        assertDeepEquals(message, fixture.viaBuffer(message, true), what);
        byte[] bytes = fixture.serializer().toBinary(message);
        assertArrayEquals(bytes, fixture.bufferBytes(message, true), what);
        assertTrue(bytes.length > 1, what);
    }

    /** Every concrete ZakkaSerializable type, found in the compiled classes so a new one cannot be missed. */
    static List<Class<?>> messageTypes() {
        try {
            List<Class<?>> types = ProtocolClasses.concreteSerializables();
            assertTrue(types.size() > 50, "expected every message type, found " + types);
            return types;
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot list the protocol classes", e);
        }
    }

    static List<Class<?>> envelopeTypes() {
        List<Class<?>> types = new ArrayList<>(RandomMessages.leaves(ServerCommand.class));
        types.addAll(RandomMessages.leaves(ClientBound.class));
        return types;
    }
}
