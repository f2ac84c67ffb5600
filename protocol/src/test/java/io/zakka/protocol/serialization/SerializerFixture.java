package io.zakka.protocol.serialization;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.typed.ActorRef;
import akka.actor.typed.javadsl.Adapter;
import akka.serialization.Serialization;
import akka.serialization.SerializationExtension;
import akka.serialization.Serializer;
import akka.serialization.Serializers;
import com.typesafe.config.ConfigFactory;
import java.io.NotSerializableException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * An ActorSystem with the protocol module's reference.conf, and the ways a message goes through the
 * binary serializer: Akka's byte-array path (as serialize-messages and classic remoting use it) and
 * the ByteBuffer path Artery uses, into heap and direct buffers.
 */
final class SerializerFixture implements AutoCloseable {

    /** Room for a 1 MiB znode and the message around it, like a 2 MiB Artery maximum-frame-size. */
    private static final int FRAME_BYTES = 2 << 20;

    private final ActorTestKit testKit;
    private final Serialization serialization;
    private final ZakkaBinarySerializer serializer;
    private final List<ActorRef<?>> refs;

    SerializerFixture(String name) {
        testKit = ActorTestKit.create(name, ConfigFactory.parseString("akka.actor.serialize-messages = on\n"));
        serialization = SerializationExtension.get(Adapter.toClassic(testKit.system()));
        serializer = (ZakkaBinarySerializer) serialization.serializerByIdentity()
                .apply(ZakkaBinarySerializer.IDENTIFIER);
        refs = List.of(testKit.createTestProbe().ref(), testKit.createTestProbe("client-7").ref());
    }

    ZakkaBinarySerializer serializer() {
        return serializer;
    }

    Serializer bound(Object message) {
        return serialization.findSerializerFor(message);
    }

    List<ActorRef<?>> refs() {
        return refs;
    }

    /** One of the fixture's refs, typed as a record's component wants it (serialization ignores the type). */
    @SuppressWarnings("unchecked")
    <T> ActorRef<T> ref(int index) {
        return (ActorRef<T>) refs.get(index);
    }

    /** Through Akka's Serialization with the manifest Akka records, as a remote send does. */
    Object viaAkka(Object message) {
        Serializer chosen = serialization.findSerializerFor(message);
        byte[] bytes = serialization.serialize(message).get();
        return serialization.deserialize(bytes, chosen.identifier(), Serializers.manifestFor(chosen, message)).get();
    }

    /** Encodes into a buffer as Artery does (with a few bytes of header before it) and decodes from it. */
    Object viaBuffer(Object message, boolean direct) throws NotSerializableException {
        ByteBuffer buf = direct ? ByteBuffer.allocateDirect(FRAME_BYTES) : ByteBuffer.allocate(FRAME_BYTES);
        buf.position(3);
        serializer.toBinary(message, buf);
        buf.limit(buf.position());
        buf.position(3);
        return serializer.fromBinary(buf, serializer.manifest(message));
    }

    /** The bytes the ByteBuffer path writes, to compare with the byte-array path. */
    byte[] bufferBytes(Object message, boolean direct) {
        ByteBuffer buf = direct ? ByteBuffer.allocateDirect(FRAME_BYTES) : ByteBuffer.allocate(FRAME_BYTES);
        serializer.toBinary(message, buf);
        buf.flip();
        byte[] bytes = new byte[buf.remaining()];
        buf.get(bytes);
        return bytes;
    }

    @Override
    public void close() {
        testKit.shutdownTestKit();
    }
}
