package io.zakka.storage.snapshot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/**
 * Values read back exactly however the file's reads are cut, every checked byte is summed once, and the output
 * side writes the same bytes as a DataOutputStream.
 */
class ChecksummedStreamsTest {

    /** A file whose reads return at most {@code chunk} bytes: values straddle every possible refill point. */
    private static InputStream chunked(byte[] bytes, int chunk) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }

    @Test
    void valuesCutAcrossReadsComeBackExactlyAndTheChecksumCoversTheCheckedPrefix() throws IOException {
        long seed = 42;
        Random random = new Random(seed);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        long[] longs = new long[500];
        int[] ints = new int[500];
        byte[] blob = new byte[37];
        random.nextBytes(blob);
        for (int i = 0; i < longs.length; i++) {
            longs[i] = random.nextLong();
            ints[i] = random.nextInt();
            out.writeLong(longs[i]);
            out.writeInt(ints[i]);
            out.writeShort(i);
            out.write(blob);
        }
        byte[] file = bytes.toByteArray();
        for (int chunk : new int[] {1, 3, 7, 4096}) {
            CRC32C crc = new CRC32C();
            try (ChecksummedInput in = new ChecksummedInput(chunked(file, chunk), crc, file.length - 4)) {
                for (int i = 0; i < longs.length; i++) {
                    assertEquals(longs[i], in.readLong(), "seed " + seed + " chunk " + chunk);
                    assertEquals(ints[i], in.readInt());
                    assertEquals(i, in.readUnsignedShort());
                    byte[] read = new byte[blob.length];
                    in.readFully(read);
                    assertArrayEquals(blob, read);
                }
                assertTrue(in.atEnd());
            }
            CRC32C expected = new CRC32C();
            expected.update(file, 0, file.length - 4);
            assertEquals(expected.getValue(), crc.getValue(), "chunk " + chunk);
        }
    }

    @Test
    void theOutputWritesWhatADataOutputStreamWritesAndSumsEveryByte() throws IOException {
        Random random = new Random(7);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        ByteArrayOutputStream actual = new ByteArrayOutputStream();
        CRC32C crc = new CRC32C();
        DataOutputStream reference = new DataOutputStream(expected);
        ChecksummedOutput out = new ChecksummedOutput(actual, crc);
        // More than the 1 MiB buffer, with blobs that straddle its end.
        for (int i = 0; i < 30_000; i++) {
            long value = random.nextLong();
            byte[] blob = new byte[random.nextInt(70)];
            random.nextBytes(blob);
            reference.writeLong(value);
            reference.writeInt((int) value);
            reference.writeShort(i);
            reference.write(blob);
            out.writeLong(value);
            out.writeInt((int) value);
            out.writeShort(i);
            out.write(blob);
        }
        out.flush();
        assertArrayEquals(expected.toByteArray(), actual.toByteArray());
        CRC32C sum = new CRC32C();
        sum.update(expected.toByteArray());
        assertEquals(sum.getValue(), crc.getValue());
    }

    @Test
    void theRestOfDataOutputAndDataInputBehavesAsTheJdkStreams() throws IOException {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        ByteArrayOutputStream actual = new ByteArrayOutputStream();
        ChecksummedOutput checksummed = new ChecksummedOutput(actual, new CRC32C());
        for (java.io.DataOutput out : List.of(new DataOutputStream(expected), checksummed)) {
            out.writeBytes("line one\r\nline two\n");
            out.writeChars("zk");
            // Modified UTF-8 as DataOutputStream writes it: U+0000 in two bytes, a supplementary character as two
            // surrogates of three bytes each.
            out.writeUTF("ünï\u0000\uD83D\uDE00");
            out.writeBoolean(true);
            out.writeByte(-3);
            out.writeDouble(2.5);
            out.writeFloat(1.25f);
            out.writeBytes("tail");
        }
        byte[] file = expected.toByteArray();
        checksummed.flush();
        assertArrayEquals(file, actual.toByteArray());
        try (ChecksummedInput in = new ChecksummedInput(chunked(file, 3), new CRC32C(), file.length)) {
            assertEquals("line one", in.readLine());
            assertEquals("line two", in.readLine());
            assertEquals('z', in.readChar());
            assertEquals('k', in.readChar());
            assertEquals("ünï\u0000\uD83D\uDE00", in.readUTF());
            assertTrue(in.readBoolean());
            assertEquals(-3, in.readByte());
            assertEquals(2.5, in.readDouble());
            assertEquals(1.25f, in.readFloat());
            assertEquals(2, in.skipBytes(2));
            assertEquals("il", in.readLine());
            assertEquals(null, in.readLine());
            assertEquals(0, in.skipBytes(5));
        }
    }

    @Test
    void aFileEndingInsideAValueIsAnEofNotAShortValue() throws IOException {
        byte[] file = {0, 0, 0, 1, 0, 0, 0};
        try (ChecksummedInput in = new ChecksummedInput(chunked(file, 2), new CRC32C(), file.length)) {
            assertEquals(1, in.readInt());
            assertFalse(in.atEnd());
            assertThrows(EOFException.class, in::readInt);
        }
        try (ChecksummedInput in = new ChecksummedInput(chunked(file, 2), new CRC32C(), file.length)) {
            assertThrows(EOFException.class, () -> in.readFully(new byte[8]));
        }
    }
}
