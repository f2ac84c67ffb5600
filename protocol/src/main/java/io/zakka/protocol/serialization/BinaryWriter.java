package io.zakka.protocol.serialization;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Writes the primitives of the compact format into a {@link ByteBuffer}, big-endian: ints and longs as
 * 4 and 8 bytes, booleans and enum codes as one byte, strings as an int length then UTF-8, byte arrays
 * as an int length then the bytes, lists as an int count then the elements. A length or count of -1
 * stands for null.
 *
 * <p>Either writes into a heap buffer it may replace by a bigger one (for {@link #toByteArray}), or
 * into a caller's buffer (Artery's envelope), which it never grows: a message that does not fit throws
 * {@link BufferOverflowException}, which Artery reports as an oversized payload.
 */
final class BinaryWriter {

    /** The length or count written for null. */
    static final int NULL_LENGTH = -1;

    private ByteBuffer buf;
    private final boolean growable;
    private int depth;

    private BinaryWriter(ByteBuffer buf, boolean growable) {
        this.buf = buf;
        this.growable = growable;
    }

    /** A writer into a heap buffer from its position, replaced by a bigger one when a message outgrows it. */
    static BinaryWriter growable(ByteBuffer heap) {
        if (!heap.hasArray()) {
            throw new IllegalArgumentException("a growable writer needs a heap buffer");
        }
        return new BinaryWriter(heap, true);
    }

    /** A writer into the caller's buffer from its position; never grows it. */
    static BinaryWriter into(ByteBuffer target) {
        return new BinaryWriter(target, false);
    }

    /** A copy of the bytes written so far, from the start of the buffer. */
    byte[] toByteArray() {
        return Arrays.copyOfRange(buf.array(), buf.arrayOffset(), buf.arrayOffset() + buf.position());
    }

    /** The buffer written into: the one given, or the bigger one that replaced it. */
    ByteBuffer buffer() {
        return buf;
    }

    void writeByte(int value) {
        ensure(1);
        buf.put((byte) value);
    }

    void writeBoolean(boolean value) {
        ensure(1);
        buf.put(value ? (byte) 1 : (byte) 0);
    }

    void writeInt(int value) {
        ensure(Integer.BYTES);
        buf.putInt(value);
    }

    void writeLong(long value) {
        ensure(Long.BYTES);
        buf.putLong(value);
    }

    /** An int length then the bytes; -1 for null (distinct from empty, as ZooKeeper's data is). */
    void writeBytes(byte[] value) {
        if (value == null) {
            writeInt(NULL_LENGTH);
            return;
        }
        ensure(Integer.BYTES + value.length);
        buf.putInt(value.length);
        buf.put(value);
    }

    /**
     * An int length then the UTF-8 bytes; -1 for null. An unpaired surrogate is written as '?', as
     * {@link String#getBytes} with UTF-8 does, so the bytes are always well-formed UTF-8.
     */
    void writeString(String value) {
        if (value == null) {
            writeInt(NULL_LENGTH);
            return;
        }
        // A char needs at most 3 bytes (a surrogate pair needs 4 for 2 chars).
        long worstCase = Integer.BYTES + 3L * value.length();
        if (growable) {
            ensure(worstCase);
        }
        if (!buf.hasArray() || buf.remaining() < worstCase) {
            // A direct buffer, or a caller's buffer the worst case might not fit although the string does.
            writeBytes(value.getBytes(StandardCharsets.UTF_8));
            return;
        }
        int lengthAt = buf.position();
        int start = lengthAt + Integer.BYTES;
        int end = Utf8.encode(value, buf.array(), buf.arrayOffset() + start) - buf.arrayOffset();
        buf.putInt(lengthAt, end - start);
        buf.position(end);
    }

    /** A count then each string; -1 for a null list. */
    void writeStrings(List<String> values) {
        if (values == null) {
            writeInt(NULL_LENGTH);
            return;
        }
        writeInt(values.size());
        for (int i = 0; i < values.size(); i++) {
            writeString(values.get(i));
        }
    }

    /** A count for a list whose elements the caller writes; -1 and false for null. */
    boolean writeCount(List<?> values) {
        writeInt(values == null ? NULL_LENGTH : values.size());
        return values != null;
    }

    /** What {@link BinaryReader#readNested} reads: a count (-1 for null), then each element one level deeper. */
    <T> void writeNested(String field, List<T> values, BiConsumer<BinaryWriter, T> element) {
        if (writeCount(values)) {
            enter(field);
            for (int i = 0; i < values.size(); i++) {
                element.accept(this, values.get(i));
            }
            leave();
        }
    }

    /**
     * Called before writing a nested list of ops or results; pair with {@link #leave}. The bound is the
     * reader's, so a sender learns at once of a message its peer would refuse.
     */
    void enter(String field) {
        if (++depth > BinaryReader.MAX_DEPTH) {
            throw new IllegalArgumentException(field + " nested deeper than " + BinaryReader.MAX_DEPTH);
        }
    }

    void leave() {
        depth--;
    }

    private void ensure(long bytes) {
        if (buf.remaining() >= bytes) {
            return;
        }
        if (!growable) {
            throw new BufferOverflowException();
        }
        long needed = buf.position() + bytes;
        long doubled = Math.max(needed, 2L * buf.capacity());
        if (needed > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("message larger than a byte array: " + needed + " bytes");
        }
        ByteBuffer bigger = ByteBuffer.allocate((int) Math.min(doubled, Integer.MAX_VALUE - 8));
        buf.flip();
        bigger.put(buf);
        buf = bigger;
    }
}
