package io.zakka.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.typed.javadsl.Adapter;
import akka.serialization.Serialization;
import akka.serialization.SerializationExtension;
import akka.serialization.Serializer;
import akka.serialization.Serializers;
import com.typesafe.config.ConfigFactory;
import io.zakka.protocol.client.ClientBound;
import io.zakka.protocol.client.ServerCommand;
import io.zakka.protocol.serialization.ZakkaBinarySerializer;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every concrete message type in {@code protocol} survives a round trip through Akka's Serialization, and
 * the serializer Akka binds to it is the compact binary one (the only serializer of Zakka messages). The
 * set of types is discovered from the compiled classes, so a new message cannot be forgotten, and each
 * instance is filled with non-default values by {@link Samples}.
 */
class SerializationRoundTripTest {

    /** Akka's fixed identifiers of the Jackson serializers, which Zakka no longer has on its classpath. */
    private static final List<Integer> JACKSON_IDS = List.of(31, 32, 33);

    private static ActorTestKit testKit;
    private static Samples samples;

    @BeforeAll
    static void start() {
        testKit = ActorTestKit.create("roundtrip", ConfigFactory.parseString(
                "akka.actor.serialize-messages = on\n"));
        samples = new Samples(testKit.createTestProbe().ref());
    }

    @AfterAll
    static void stop() {
        testKit.shutdownTestKit();
    }

    @Test
    void everyProtocolMessageSurvivesRoundTripThroughTheBinarySerializer() throws IOException, URISyntaxException {
        List<Class<?>> types = ProtocolClasses.concreteSerializables();
        assertTrue(types.size() > 50, "expected every message type, found " + types);
        Serialization serialization = SerializationExtension.get(Adapter.toClassic(testKit.system()));
        Set<String> checked = new TreeSet<>();
        int envelopes = 0;
        for (Class<?> type : types) {
            Object message = samples.of(type);
            Serializer serializer = serialization.findSerializerFor(message);
            boolean envelope = ServerCommand.class.isAssignableFrom(type) || ClientBound.class.isAssignableFrom(type);
            assertEquals(ZakkaBinarySerializer.IDENTIFIER, serializer.identifier(), type.getName());
            byte[] bytes = serialization.serialize(message).get();
            String manifest = Serializers.manifestFor(serializer, message);
            Object back = serialization.deserialize(bytes, serializer.identifier(), manifest).get();
            assertEquals(type, back.getClass());
            // Records holding byte[] compare by identity, so equality is checked on the encoded form.
            assertArrayEquals(bytes, serialization.serialize(back).get(), "round trip changed " + type.getName());
            checked.add(type.getName());
            envelopes += envelope ? 1 : 0;
        }
        assertEquals(types.size(), checked.size(), "every type checked once: " + types);
        assertEquals(10, envelopes, "ServerCommand and ClientBound records among the message types");
    }

    @Test
    void noJacksonSerializerIsConfigured() {
        Serialization serialization = SerializationExtension.get(Adapter.toClassic(testKit.system()));
        for (int id : JACKSON_IDS) {
            assertFalse(serialization.serializerByIdentity().contains(id), "a Jackson serializer (id " + id
                    + ") is configured: something put akka-serialization-jackson back on the classpath");
        }
    }

    @Test
    void nullDataStaysNullAndEmptyStaysEmpty() {
        Serialization serialization = SerializationExtension.get(Adapter.toClassic(testKit.system()));
        for (byte[] data : new byte[][] {null, new byte[0]}) {
            var op = new io.zakka.protocol.op.Op.SetData("/a", data, -1);
            Serializer serializer = serialization.findSerializerFor(op);
            Object back = serialization.deserialize(serialization.serialize(op).get(), serializer.identifier(),
                    Serializers.manifestFor(serializer, op)).get();
            assertArrayEquals(data, ((io.zakka.protocol.op.Op.SetData) back).data());
        }
    }

}
