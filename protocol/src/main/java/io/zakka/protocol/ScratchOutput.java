package io.zakka.protocol;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A reusable per-thread output buffer for encoders that turn one message into one exact-size {@code byte[]}
 * (wire frames, txn log records). A fresh {@link ByteArrayOutputStream} per message starts small and copies
 * itself at every doubling, which showed up at the top of the server's profile under load; this one keeps its
 * capacity between messages, so a message costs one copy: the exact-size result.
 *
 * <p>Invariant: a buffer belongs to one {@link #encode} at a time; a nested encode on the same thread gets a
 * private buffer instead of the shared one.
 */
public final class ScratchOutput extends ByteArrayOutputStream {

    /** Writes one message; an IOException can only come from the encoder itself (memory does not fail). */
    @FunctionalInterface
    public interface Encoding {
        void writeTo(DataOutputStream out) throws IOException;
    }

    private static final int INITIAL_BYTES = 4096;
    /** A buffer that grew beyond this for one big message is dropped, not kept per thread. */
    private static final int KEEP_MAX_BYTES = 256 * 1024;
    private static final ThreadLocal<ScratchOutput> PER_THREAD = ThreadLocal.withInitial(ScratchOutput::new);

    private boolean inUse;
    /**
     * The stream every encoding on this buffer writes to: one per buffer, not per message, so that an encoder
     * may keep per-stream state across messages (the wire's jute archive: see {@code Jute.frame}).
     */
    private final DataOutputStream data = new DataOutputStream(this);

    private ScratchOutput() {
        super(INITIAL_BYTES);
    }

    // ByteArrayOutputStream's writes are synchronized, a lock per field written (a Stat is 11); a scratch buffer
    // belongs to one encoding on one thread, so these skip the lock.

    @Override
    public void write(int b) {
        ensureRoom(1);
        buf[count++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        java.util.Objects.checkFromIndexSize(offset, length, bytes.length);
        ensureRoom(length);
        System.arraycopy(bytes, offset, buf, count, length);
        count += length;
    }

    private void ensureRoom(int more) {
        int needed = count + more;
        if (needed < 0) {
            throw new OutOfMemoryError("a message above 2 GiB");
        }
        if (needed > buf.length) {
            buf = java.util.Arrays.copyOf(buf, Math.max(needed, buf.length * 2));
        }
    }

    /** The bytes {@code encoding} writes, as an exact-size array. */
    public static byte[] encode(Encoding encoding) {
        ScratchOutput scratch = PER_THREAD.get();
        if (scratch.inUse) {
            scratch = new ScratchOutput();
        }
        scratch.reset();
        scratch.inUse = true;
        try {
            encoding.writeTo(scratch.data);
            scratch.data.flush();
            return scratch.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("encoding to memory failed", e);
        } finally {
            scratch.inUse = false;
            if (scratch.buf.length > KEEP_MAX_BYTES && PER_THREAD.get() == scratch) {
                PER_THREAD.set(new ScratchOutput());
            }
        }
    }
}
