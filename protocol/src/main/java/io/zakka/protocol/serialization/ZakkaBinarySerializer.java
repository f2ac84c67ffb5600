package io.zakka.protocol.serialization;

import akka.actor.ExtendedActorSystem;
import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorRefResolver;
import akka.actor.typed.javadsl.Adapter;
import akka.serialization.ByteBufferSerializer;
import akka.serialization.SerializerWithStringManifest;
import java.io.NotSerializableException;
import java.nio.ByteBuffer;

/**
 * The serializer of every {@link io.zakka.protocol.ZakkaSerializable}: the client/server envelopes
 * ({@link io.zakka.protocol.client.ServerCommand}, {@link io.zakka.protocol.client.ClientBound}) with the
 * ops, results and values they carry, and on their own {@link io.zakka.protocol.txn.TxnEntry},
 * {@link io.zakka.protocol.txn.TxnHeader}, every {@link io.zakka.protocol.txn.Txn},
 * {@link io.zakka.protocol.WatchEvent}, {@link io.zakka.protocol.op.Op} and
 * {@link io.zakka.protocol.op.OpResult}. Bound in this module's {@code reference.conf}. It is the only
 * serializer Zakka needs, so no Jackson serializer (with its ObjectMapper, hundreds of classes and their
 * lambdas) is on the classpath for Akka to build at every ActorSystem start.
 *
 * <p>Format: one version byte ({@link #FORMAT_VERSION}), then the message named by the manifest (see
 * {@link MessageCodec}), components in declaration order, big-endian, with explicit lengths (see
 * {@link BinaryWriter}). Decoding refuses anything malformed with a {@link NotSerializableException} naming
 * the manifest and the fault, and refuses trailing bytes.
 *
 * <p>Also a {@link ByteBufferSerializer}, so Artery encodes straight into its envelope buffer and
 * decodes from it, without an intermediate array per message.
 *
 * <p>Compatibility: not wire compatible with older 0.x nodes. Before this serializer the envelopes went as
 * jackson-cbor, and until the binding of every {@code ZakkaSerializable} to it, txns, watch events and
 * standalone ops and results still did; an older node neither reads this id for those messages nor has the
 * manifests, and this one has no Jackson serializer to read theirs. Systems of different versions cannot
 * talk: upgrade every client and server together (acceptable while Zakka is 0.x). A later format change must
 * bump {@link #FORMAT_VERSION} and keep reading the previous one for one release, so that rolling upgrades
 * work.
 */
public final class ZakkaBinarySerializer extends SerializerWithStringManifest implements ByteBufferSerializer {

    /** This serializer's id: fixed forever, outside the range Akka reserves (0 to 40). */
    public static final int IDENTIFIER = 7_341_001;
    /** The first byte of every message; a reader refuses versions it does not know. */
    static final byte FORMAT_VERSION = 1;

    private final ExtendedActorSystem system;
    private final MessageCodec codec;
    /** Created on first use: the typed view of the system may not be ready while Akka builds serializers. */
    private volatile ActorRefResolver resolver;

    public ZakkaBinarySerializer(ExtendedActorSystem system) {
        this.system = system;
        this.codec = new MessageCodec(new CachingRefCodec(new ResolverRefs()));
    }

    @Override
    public int identifier() {
        return IDENTIFIER;
    }

    @Override
    public String manifest(Object message) {
        String manifest = MessageCodec.manifest(message);
        if (manifest == null) {
            throw new IllegalArgumentException("ZakkaBinarySerializer does not encode " + message.getClass().getName()
                    + ": every ZakkaSerializable type needs a manifest in MessageCodec");
        }
        return manifest;
    }

    @Override
    public byte[] toBinary(Object message) {
        return ScratchBuffer.encode(out -> {
            out.writeByte(FORMAT_VERSION);
            codec.write(out, message);
        });
    }

    @Override
    public void toBinary(Object message, ByteBuffer buf) {
        BinaryWriter out = BinaryWriter.into(buf);
        out.writeByte(FORMAT_VERSION);
        codec.write(out, message);
    }

    @Override
    public Object fromBinary(byte[] bytes, String manifest) throws NotSerializableException {
        return fromBinary(ByteBuffer.wrap(bytes), manifest);
    }

    @Override
    public Object fromBinary(ByteBuffer buf, String manifest) throws NotSerializableException {
        BinaryReader in = new BinaryReader(buf, manifest);
        byte version = in.readByte("format version");
        if (version != FORMAT_VERSION) {
            throw new NotSerializableException("unsupported Zakka binary format version " + version
                    + " for manifest [" + manifest + "]; this node reads version " + FORMAT_VERSION);
        }
        Object message = codec.read(in, manifest);
        in.finish();
        return message;
    }

    private ActorRefResolver resolver() {
        ActorRefResolver r = resolver;
        if (r == null) {
            r = ActorRefResolver.get(Adapter.toTyped(system));
            resolver = r;
        }
        return r;
    }

    /** Akka's own string form of a typed ref, which resolves to a remote ref on another node. */
    private final class ResolverRefs implements RefCodec {
        @Override
        public String toFormat(ActorRef<?> ref) {
            return resolver().toSerializationFormat(ref);
        }

        @Override
        public <T> ActorRef<T> resolve(String format) {
            return resolver().resolveActorRef(format);
        }
    }
}
