package io.zakka.protocol.serialization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.typed.ActorRef;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ref cache answers exactly what the codec behind it would, and asks it only on a miss. */
class CachingRefCodecTest {

    private static final int REFS = 300;
    private static ActorTestKit testKit;
    private static List<ActorRef<?>> refs;

    @BeforeAll
    static void start() {
        testKit = ActorTestKit.create("ref-cache");
        refs = new ArrayList<>();
        for (int i = 0; i < REFS; i++) {
            refs.add(testKit.createTestProbe().ref());
        }
    }

    @AfterAll
    static void stop() {
        testKit.shutdownTestKit();
    }

    @Test
    void aRepeatedRefIsFormattedAndResolvedOnce() {
        Counting underlying = new Counting();
        CachingRefCodec cache = new CachingRefCodec(underlying);
        for (int i = 0; i < 100; i++) {
            assertEquals("ref-7", cache.toFormat(refs.get(7)));
            assertSame(refs.get(7), cache.resolve("ref-7"));
        }
        assertEquals(1, underlying.formats);
        assertEquals(1, underlying.resolves);
    }

    @Test
    void manyRefsSharingSlotsEachGetTheirOwnAnswer() {
        CachingRefCodec cache = new CachingRefCodec(new Counting());
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < REFS; i++) {
                assertEquals("ref-" + i, cache.toFormat(refs.get(i)));
                assertSame(refs.get(i), cache.resolve("ref-" + i));
            }
        }
    }

    /** Formats ref i as "ref-i" and resolves it back, counting the calls that reach it. */
    private static final class Counting implements RefCodec {
        private int formats;
        private int resolves;

        @Override
        public String toFormat(ActorRef<?> ref) {
            formats++;
            return "ref-" + refs.indexOf(ref);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> ActorRef<T> resolve(String format) {
            resolves++;
            return (ActorRef<T>) refs.get(Integer.parseInt(format.substring("ref-".length())));
        }
    }
}
