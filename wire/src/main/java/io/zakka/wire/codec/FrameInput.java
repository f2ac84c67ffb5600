package io.zakka.wire.codec;

import io.zakka.protocol.BigEndianInput;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A {@link DataInput} over the bytes of one frame, for jute's archive. {@code DataInputStream} over a
 * {@code ByteArrayInputStream} allocates two 80-element buffers per instance (for {@code readUTF}, which jute
 * never calls) and locks the stream per byte; a request is one frame, so this was a fixed cost per request.
 * Big-endian, as {@link DataInputStream}; reading past the end throws {@link EOFException}.
 */
final class FrameInput extends BigEndianInput {
    private final byte[] bytes;
    private final int end;
    private int position;

    FrameInput(byte[] bytes, int offset) {
        this.bytes = bytes;
        this.end = bytes.length;
        this.position = offset;
    }

    /** The bytes not read yet. */
    byte[] rest() {
        byte[] rest = Arrays.copyOfRange(bytes, position, end);
        position = end;
        return rest;
    }

    private int take(int count) throws EOFException {
        if (count < 0 || end - position < count) {
            throw new EOFException("frame ends " + (end - position) + " bytes after offset " + position
                    + ", " + count + " needed");
        }
        int at = position;
        position += count;
        return at;
    }

    @Override
    public void readFully(byte[] into, int offset, int length) throws IOException {
        java.util.Objects.checkFromIndexSize(offset, length, into.length);
        System.arraycopy(bytes, take(length), into, offset, length);
    }

    @Override
    public int skipBytes(int count) {
        int skipped = Math.max(0, Math.min(count, end - position));
        position += skipped;
        return skipped;
    }

    @Override
    public byte readByte() throws IOException {
        return bytes[take(1)];
    }

    @Override
    public int readUnsignedShort() throws IOException {
        int at = take(2);
        return (bytes[at] & 0xff) << 8 | bytes[at + 1] & 0xff;
    }

    @Override
    public int readInt() throws IOException {
        int at = take(4);
        return (bytes[at] & 0xff) << 24 | (bytes[at + 1] & 0xff) << 16 | (bytes[at + 2] & 0xff) << 8
                | bytes[at + 3] & 0xff;
    }

    @Override
    public long readLong() throws IOException {
        return (long) readInt() << 32 | readInt() & 0xffffffffL;
    }

    /** As {@link DataInputStream#readLine()}: bytes as Latin-1 up to \n, \r or \r\n; null at the end. */
    @Override
    public String readLine() {
        if (position >= end) {
            return null;
        }
        int start = position;
        while (position < end && bytes[position] != '\n' && bytes[position] != '\r') {
            position++;
        }
        String line = new String(bytes, start, position - start, StandardCharsets.ISO_8859_1);
        if (position < end && bytes[position++] == '\r' && position < end && bytes[position] == '\n') {
            position++;
        }
        return line;
    }

}
