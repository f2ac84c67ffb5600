package io.zakka.protocol.serialization;

import java.io.NotSerializableException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what {@link BinaryWriter} wrote, trusting nothing: every read first checks that the bytes are
 * there, every length and count is checked against the bytes that remain before anything is allocated,
 * booleans must be 0 or 1, and nesting is bounded. Anything else is a {@link NotSerializableException}
 * naming the manifest, the offset and the field, never an index or allocation error.
 */
final class BinaryReader {

    /** Multi inside Multi is legal in the records, but a corrupt message must not exhaust the stack. */
    static final int MAX_DEPTH = 32;

    private final ByteBuffer buf;
    private final int start;
    private final String manifest;
    private int depth;

    BinaryReader(ByteBuffer buf, String manifest) {
        this.buf = buf;
        this.start = buf.position();
        this.manifest = manifest;
    }

    /** The exception for a malformed message: what was wrong, where, and in which manifest. */
    NotSerializableException malformed(String problem) {
        return new NotSerializableException("malformed " + manifest + " message at byte "
                + (buf.position() - start) + ": " + problem);
    }

    byte readByte(String field) throws NotSerializableException {
        need(1, field);
        return buf.get();
    }

    boolean readBoolean(String field) throws NotSerializableException {
        byte b = readByte(field);
        if (b != 0 && b != 1) {
            throw malformed(field + " is " + b + ", not a boolean");
        }
        return b == 1;
    }

    int readInt(String field) throws NotSerializableException {
        need(Integer.BYTES, field);
        return buf.getInt();
    }

    long readLong(String field) throws NotSerializableException {
        need(Long.BYTES, field);
        return buf.getLong();
    }

    byte[] readBytes(String field) throws NotSerializableException {
        int length = readLength(field, 1);
        if (length == BinaryWriter.NULL_LENGTH) {
            return null;
        }
        byte[] value = new byte[length];
        buf.get(value);
        return value;
    }

    String readString(String field) throws NotSerializableException {
        int length = readLength(field, 1);
        if (length == BinaryWriter.NULL_LENGTH) {
            return null;
        }
        String value;
        if (buf.hasArray()) {
            value = new String(buf.array(), buf.arrayOffset() + buf.position(), length, StandardCharsets.UTF_8);
            buf.position(buf.position() + length);
        } else {
            byte[] bytes = new byte[length];
            buf.get(bytes);
            value = new String(bytes, StandardCharsets.UTF_8);
        }
        return value;
    }

    /** A list of strings; null stays null. Each element takes at least its 4-byte length. */
    List<String> readStrings(String field) throws NotSerializableException {
        int count = readCount(field, Integer.BYTES);
        if (count == BinaryWriter.NULL_LENGTH) {
            return null;
        }
        List<String> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(readString(field));
        }
        return values;
    }

    /**
     * A list's element count, or -1 for null, checked against the remaining bytes given that every
     * element takes at least {@code minElementBytes}, so a corrupt count cannot allocate a huge list.
     */
    int readCount(String field, int minElementBytes) throws NotSerializableException {
        return readLength(field + " count", minElementBytes);
    }

    /**
     * A nested list of ops, results or txns: a count (-1 for null), then each element one level deeper. Every
     * element takes at least its one-byte tag.
     */
    <T> List<T> readNested(String field, Element<T> element) throws NotSerializableException {
        int count = readCount(field, 1);
        if (count == BinaryWriter.NULL_LENGTH) {
            return null;
        }
        enter(field);
        List<T> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(element.read(this));
        }
        leave();
        return values;
    }

    /** Decodes one element of a nested list. */
    @FunctionalInterface
    interface Element<T> {
        T read(BinaryReader in) throws NotSerializableException;
    }

    /** Called before decoding a nested op or result; pair with {@link #leave}. */
    void enter(String field) throws NotSerializableException {
        if (++depth > MAX_DEPTH) {
            throw malformed(field + " nested deeper than " + MAX_DEPTH);
        }
    }

    void leave() {
        depth--;
    }

    /** Every byte must have been read: trailing bytes mean the message is not what its header says. */
    void finish() throws NotSerializableException {
        if (buf.hasRemaining()) {
            throw malformed(buf.remaining() + " trailing bytes after the message");
        }
    }

    private int readLength(String field, int minElementBytes) throws NotSerializableException {
        int length = readInt(field + " length");
        if (length == BinaryWriter.NULL_LENGTH) {
            return length;
        }
        if (length < 0) {
            throw malformed(field + " has negative length " + length);
        }
        if ((long) length * minElementBytes > buf.remaining()) {
            throw malformed(field + " claims " + length + (minElementBytes == 1 ? " bytes" : " entries")
                    + " but only " + buf.remaining() + " bytes remain");
        }
        return length;
    }

    private void need(int bytes, String field) throws NotSerializableException {
        if (buf.remaining() < bytes) {
            throw malformed("truncated: " + field + " needs " + bytes + " bytes, " + buf.remaining() + " remain");
        }
    }
}
