package io.zakka.storage.snapshot;

import java.io.DataOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32C;

/**
 * A snapshot file being written, as a {@link DataOutput} into a big buffer that adds every byte to a checksum
 * when it goes to the file (in big chunks, exactly once). The writing side of {@link ChecksummedInput}.
 *
 * <p>Why not a DataOutputStream over a BufferedOutputStream: those lock on every single-byte write and an int is
 * four of them; a snapshot writes about ten ints and longs per node, a million nodes per snapshot under a create
 * load, and the locking was most of the snapshot writer's time. One thread writes it.
 */
final class ChecksummedOutput implements DataOutput {
    private static final int BUFFER_BYTES = 1 << 20;

    private final OutputStream file;
    private final CRC32C crc;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private int position;

    ChecksummedOutput(OutputStream file, CRC32C crc) {
        this.file = file;
        this.crc = crc;
    }

    /** Checksums and writes out everything buffered. */
    void flush() throws IOException {
        crc.update(buffer, 0, position);
        file.write(buffer, 0, position);
        position = 0;
    }

    @Override
    public void writeInt(int value) throws IOException {
        room(Integer.BYTES);
        byte[] b = buffer;
        int p = position;
        b[p] = (byte) (value >>> 24);
        b[p + 1] = (byte) (value >>> 16);
        b[p + 2] = (byte) (value >>> 8);
        b[p + 3] = (byte) value;
        position = p + Integer.BYTES;
    }

    @Override
    public void writeLong(long value) throws IOException {
        writeInt((int) (value >>> 32));
        writeInt((int) value);
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        write(bytes, 0, bytes.length);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        java.util.Objects.checkFromIndexSize(offset, length, bytes.length);
        int done = 0;
        while (done < length) {
            if (position == buffer.length) {
                flush();
            }
            int count = Math.min(length - done, buffer.length - position);
            System.arraycopy(bytes, offset + done, buffer, position, count);
            position += count;
            done += count;
        }
    }

    @Override
    public void write(int value) throws IOException {
        room(1);
        buffer[position++] = (byte) value;
    }

    @Override
    public void writeBoolean(boolean value) throws IOException {
        write(value ? 1 : 0);
    }

    @Override
    public void writeByte(int value) throws IOException {
        write(value);
    }

    @Override
    public void writeShort(int value) throws IOException {
        write(value >>> 8);
        write(value);
    }

    @Override
    public void writeChar(int value) throws IOException {
        writeShort(value);
    }

    @Override
    public void writeFloat(float value) throws IOException {
        writeInt(Float.floatToIntBits(value));
    }

    @Override
    public void writeDouble(double value) throws IOException {
        writeLong(Double.doubleToLongBits(value));
    }

    /** As {@link java.io.DataOutputStream#writeBytes}: the low byte of each char (snapshots write UTF-8 instead). */
    @Override
    public void writeBytes(String value) throws IOException {
        for (int i = 0; i < value.length(); i++) {
            write(value.charAt(i));
        }
    }

    /** As {@link java.io.DataOutputStream#writeChars}: each char as two bytes, high first. */
    @Override
    public void writeChars(String value) throws IOException {
        for (int i = 0; i < value.length(); i++) {
            writeChar(value.charAt(i));
        }
    }

    @Override
    /**
     * Modified UTF-8, as {@link java.io.DataOutputStream#writeUTF}: U+0000 in two bytes and every char of a
     * surrogate pair in three, after the length in two bytes.
     */
    public void writeUTF(String value) throws IOException {
        int length = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            length += c >= 0x0001 && c <= 0x007F ? 1 : c > 0x07FF ? 3 : 2;
        }
        if (length > 0xFFFF) {
            throw new java.io.UTFDataFormatException("a string of " + length + " bytes does not fit writeUTF");
        }
        writeShort(length);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x0001 && c <= 0x007F) {
                write(c);
            } else if (c > 0x07FF) {
                write(0xE0 | c >> 12 & 0x0F);
                write(0x80 | c >> 6 & 0x3F);
                write(0x80 | c & 0x3F);
            } else {
                write(0xC0 | c >> 6 & 0x1F);
                write(0x80 | c & 0x3F);
            }
        }
    }

    private void room(int count) throws IOException {
        if (buffer.length - position < count) {
            flush();
        }
    }
}
