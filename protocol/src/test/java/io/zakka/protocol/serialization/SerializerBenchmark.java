package io.zakka.protocol.serialization;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Adapter;
import akka.actor.typed.javadsl.Behaviors;
import akka.serialization.Serialization;
import akka.serialization.SerializationExtension;
import akka.serialization.SerializerWithStringManifest;
import com.typesafe.config.ConfigFactory;
import io.zakka.protocol.Stat;
import io.zakka.protocol.client.ClientBound;
import io.zakka.protocol.client.ServerCommand;
import io.zakka.protocol.op.Op;
import io.zakka.protocol.op.OpResult;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Not a test: a quick measure of the binary serializer on the benchmark's hot messages, through the
 * byte-array and the ByteBuffer paths: bytes and CPU ns per message for encode and decode (the encoding
 * thread's CPU time; garbage collection runs elsewhere and is not counted). There is no jackson-cbor column
 * any more: Jackson is no longer on Zakka's classpath, every message being bound to the binary serializer.
 * Run with
 * {@code java} with protocol's test classpath, or from an IDE. With akka-remote on the classpath the
 * system has a remote provider, so ActorRefs carry a host and port as on the wire.
 */
public final class SerializerBenchmark {

    private static final int ROUNDS = 5;
    private static final int ITERATIONS = 200_000;
    /** This thread's CPU time, not wall time: the machine is shared, and a descheduled loop is not slower. */
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static long sink;

    private SerializerBenchmark() {
    }

    public static void main(String[] args) {
        // With akka-remote on the classpath (e.g. the api module's), refs carry a host and port as on the wire.
        String provider = remoteAvailable() ? "remote" : "local";
        System.out.println("actor provider: " + provider);
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "zakka", ConfigFactory.parseString(
                String.join("\n", "akka.actor.provider = " + provider,
                        "akka.remote.artery.canonical.hostname = \"127.0.0.1\"",
                        "akka.remote.artery.canonical.port = 0", "akka.loglevel = WARNING",
                        "akka.remote.warn-about-direct-use = off"))
                .withFallback(ConfigFactory.load()));
        try {
            run(system);
        } finally {
            system.terminate();
        }
    }

    private static boolean remoteAvailable() {
        try {
            Class.forName("akka.remote.RemoteActorRefProvider");
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static void run(ActorSystem<Void> system) {
        Serialization serialization = SerializationExtension.get(Adapter.toClassic(system));
        var binary = (ZakkaBinarySerializer) serialization.serializerByIdentity()
                .apply(ZakkaBinarySerializer.IDENTIFIER);
        ActorRef<ClientBound> replyTo = system.systemActorOf(Behaviors.empty(), "session-client-0001",
                akka.actor.typed.Props.empty());
        Stat stat = new Stat(0x1_0000_1234L, 0x1_0000_5678L, 1_700_000_000_000L, 1_700_000_000_123L, 42, 0, 0, 0,
                1024, 0, 0x1_0000_1234L);
        List<Object> messages = List.of(
                new ServerCommand.Submit(0x1_0000_0000_0042L, 123_456, new Op.SetData("/bench/node-0007",
                        new byte[1024], -1), replyTo),
                new ClientBound.Reply(0x1_0000_0000_0042L, 123_456, 0x1_0000_5678L, new OpResult.StatResult(stat)),
                new ServerCommand.Submit(0x1_0000_0000_0042L, 123_457, new Op.GetData("/bench/node-0007", false),
                        replyTo),
                new ClientBound.Reply(0x1_0000_0000_0042L, 123_457, 0x1_0000_5678L,
                        new OpResult.DataResult(new byte[1024], stat)));
        for (int round = 1; round <= ROUNDS; round++) {
            System.out.println("round " + round + (round < ROUNDS ? " (warm-up)" : ""));
            for (Object message : messages) {
                String name = message.getClass().getSimpleName() + "(" + inner(message) + ")";
                report(name, "binary", binary, message, null);
                report(name, "binary+buffer", binary, message, ByteBuffer.allocateDirect(256 * 1024));
            }
        }
        System.out.println("sink " + sink);
    }

    private static void report(String name, String kind, SerializerWithStringManifest serializer, Object message,
                               ByteBuffer buffer) {
        String manifest = serializer.manifest(message);
        byte[] bytes = serializer.toBinary(message);
        long encode = CPU.getCurrentThreadCpuTime();
        for (int i = 0; i < ITERATIONS; i++) {
            sink += buffer == null ? serializer.toBinary(message).length : encodeInto(serializer, message, buffer);
        }
        encode = CPU.getCurrentThreadCpuTime() - encode;
        long decode = CPU.getCurrentThreadCpuTime();
        for (int i = 0; i < ITERATIONS; i++) {
            sink += buffer == null ? decode(serializer, bytes, manifest) : decodeFrom(serializer, buffer, manifest);
        }
        decode = CPU.getCurrentThreadCpuTime() - decode;
        System.out.printf("  %-28s %-14s %5d bytes  encode %6d ns  decode %6d ns%n", name, kind, bytes.length,
                encode / ITERATIONS, decode / ITERATIONS);
    }

    private static int encodeInto(SerializerWithStringManifest serializer, Object message, ByteBuffer buffer) {
        buffer.clear();
        ((akka.serialization.ByteBufferSerializer) serializer).toBinary(message, buffer);
        return buffer.position();
    }

    private static int decode(SerializerWithStringManifest serializer, byte[] bytes, String manifest) {
        try {
            return serializer.fromBinary(bytes, manifest).hashCode();
        } catch (java.io.NotSerializableException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int decodeFrom(SerializerWithStringManifest serializer, ByteBuffer buffer, String manifest) {
        buffer.flip();
        try {
            return ((akka.serialization.ByteBufferSerializer) serializer).fromBinary(buffer, manifest).hashCode();
        } catch (java.io.NotSerializableException e) {
            throw new IllegalStateException(e);
        } finally {
            // Back to "just encoded": position at the end of the message, so the next flip reads it again.
            int end = buffer.limit();
            buffer.limit(buffer.capacity());
            buffer.position(end);
        }
    }

    private static String inner(Object message) {
        if (message instanceof ServerCommand.Submit submit) {
            return submit.op().getClass().getSimpleName();
        }
        return ((ClientBound.Reply) message).result().getClass().getSimpleName();
    }
}
