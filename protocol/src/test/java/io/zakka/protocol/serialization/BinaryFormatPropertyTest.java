package io.zakka.protocol.serialization;

import static io.zakka.protocol.serialization.DeepEquals.assertDeepEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.NotSerializableException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seeded random messages: each round-trips equal through every path, and every truncation or byte flip
 * of its encoding is either refused with a NotSerializableException or decodes to some message, never
 * another exception. The seed is printed; rerun one with {@code -Dzakka.seed=...}.
 */
class BinaryFormatPropertyTest {

    private static final int MESSAGES = 2_000;
    private static SerializerFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new SerializerFixture("binary-property");
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void randomMessagesRoundTripEqualThroughEveryPath() throws NotSerializableException {
        long seed = seed();
        Random random = new Random(seed);
        RandomMessages messages = new RandomMessages(random, fixture.refs());
        List<Class<?>> types = ZakkaBinarySerializerTest.messageTypes();
        for (int i = 0; i < MESSAGES; i++) {
            Object message = messages.of(types.get(random.nextInt(types.size())));
            String what = "seed " + seed + ", message " + i + ": " + message;
            assertDeepEquals(message, fixture.viaAkka(message), what);
            assertDeepEquals(message, fixture.viaBuffer(message, random.nextBoolean()), what);
            assertArrayEquals(fixture.serializer().toBinary(message), fixture.bufferBytes(message, true), what);
        }
    }

    @Test
    void randomCorruptionIsRefusedOrDecodesNeverThrowsAnythingElse() {
        long seed = seed();
        Random random = new Random(seed);
        RandomMessages messages = new RandomMessages(random, fixture.refs());
        List<Class<?>> types = ZakkaBinarySerializerTest.messageTypes();
        ZakkaBinarySerializer serializer = fixture.serializer();
        for (int i = 0; i < MESSAGES; i++) {
            Object message = messages.of(types.get(random.nextInt(types.size())));
            String manifest = serializer.manifest(message);
            byte[] bytes = serializer.toBinary(message);
            byte[] corrupt = bytes.clone();
            int flips = 1 + random.nextInt(3);
            for (int f = 0; f < flips; f++) {
                corrupt[random.nextInt(corrupt.length)] ^= (byte) (1 + random.nextInt(255));
            }
            decodeOrRefuse(serializer, corrupt, manifest, "seed " + seed + ", message " + i);
            int cut = random.nextInt(bytes.length);
            byte[] truncated = Arrays.copyOf(bytes, cut);
            Throwable refused = assertThrows(Throwable.class,
                    () -> serializer.fromBinary(truncated, manifest));
            assertInstanceOf(NotSerializableException.class, refused, "seed " + seed + ", message " + i);
        }
    }

    static void decodeOrRefuse(ZakkaBinarySerializer serializer, byte[] bytes, String manifest, String what) {
        try {
            serializer.fromBinary(bytes, manifest);
        } catch (NotSerializableException refused) {
            // The expected outcome for most corruptions; the rest decode to a different message.
            return;
        } catch (RuntimeException | Error wrong) {
            throw new AssertionError(what + ": corrupt input must be refused with NotSerializableException", wrong);
        }
    }

    static long seed() {
        long seed = Long.getLong("zakka.seed", System.nanoTime());
        System.out.println("BinaryFormatPropertyTest seed=" + seed + " (rerun with -Dzakka.seed=" + seed + ")");
        return seed;
    }
}
