package io.zakka.wire.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A frame's DataInput reads every type exactly as DataInputStream reads the same bytes. */
class FrameInputTest {

    @Test
    void readsWhatDataInputStreamReadsForRandomSequencesOfEveryType() throws IOException {
        long seed = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        for (int round = 0; round < 200; round++) {
            ByteArrayOutputStream written = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(written);
            int[] kinds = random.ints(30, 0, 11).toArray();
            for (int kind : kinds) {
                switch (kind) {
                    case 0 -> out.writeBoolean(random.nextBoolean());
                    case 1 -> out.writeByte(random.nextInt());
                    case 2 -> out.writeShort(random.nextInt());
                    case 3 -> out.writeChar(random.nextInt());
                    case 4 -> out.writeInt(random.nextInt());
                    case 5 -> out.writeLong(random.nextLong());
                    case 6 -> out.writeFloat((float) random.nextDouble());
                    case 7 -> out.writeDouble(random.nextDouble());
                    case 8 -> out.writeUTF("zakka-" + random.nextInt() + "-\u00e9\u4e2d");
                    case 9 -> out.write(new byte[5]);
                    default -> out.writeByte(0x80 | random.nextInt(0x7f));
                }
            }
            byte[] bytes = written.toByteArray();
            DataInputStream expected = new DataInputStream(new ByteArrayInputStream(bytes));
            FrameInput actual = new FrameInput(bytes, 0);
            for (int kind : kinds) {
                String at = "seed " + seed + ", round " + round + ", kind " + kind;
                switch (kind) {
                    case 0 -> assertEquals(expected.readBoolean(), actual.readBoolean(), at);
                    case 1 -> assertEquals(expected.readByte(), actual.readByte(), at);
                    case 2 -> assertEquals(expected.readShort(), actual.readShort(), at);
                    case 3 -> assertEquals(expected.readChar(), actual.readChar(), at);
                    case 4 -> assertEquals(expected.readInt(), actual.readInt(), at);
                    case 5 -> assertEquals(expected.readLong(), actual.readLong(), at);
                    case 6 -> assertEquals(expected.readFloat(), actual.readFloat(), at);
                    case 7 -> assertEquals(expected.readDouble(), actual.readDouble(), at);
                    case 8 -> assertEquals(expected.readUTF(), actual.readUTF(), at);
                    case 9 -> assertEquals(expected.readUnsignedShort(), actual.readUnsignedShort(), at);
                    default -> assertEquals(expected.readUnsignedByte(), actual.readUnsignedByte(), at);
                }
                if (kind == 9) {
                    // The other 3 of the 5 zero bytes, through readFully.
                    byte[] rest = new byte[3];
                    expected.readFully(rest);
                    byte[] mine = new byte[rest.length];
                    actual.readFully(mine);
                    assertArrayEquals(rest, mine, at);
                }
            }
            assertArrayEquals(expected.readAllBytes(), actual.rest(), "seed " + seed);
        }
    }

    @Test
    void readingPastTheEndThrowsEofAndSkipStopsAtTheEnd() throws IOException {
        FrameInput input = new FrameInput(new byte[] {9, 1, 2, 3}, 1);
        assertThrows(EOFException.class, input::readInt);
        assertEquals(2, input.skipBytes(2));
        assertEquals(3, input.readByte());
        assertEquals(0, input.skipBytes(5));
        assertThrows(EOFException.class, input::readByte);
    }

    @Test
    void linesEndAtNewlineCarriageReturnOrBoth() {
        FrameInput input = new FrameInput("a\nb\r\nc\rd".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0);
        assertEquals("a", input.readLine());
        assertEquals("b", input.readLine());
        assertEquals("c", input.readLine());
        assertEquals("d", input.readLine());
        assertEquals(null, input.readLine());
    }
}
