package io.zakka.storage.snapshot;

import io.zakka.protocol.BigEndianInput;
import java.io.DataInput;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32C;

/**
 * The snapshot file as a {@link DataInput}, read ahead in big chunks, adding the first {@code checked} bytes of the
 * file to a checksum as it refills (every byte exactly once).
 *
 * <p>Why not a DataInputStream over a buffered stream: a snapshot load reads about ten ints and longs per node,
 * and at start-up that code runs in the interpreter. DataInputStream makes four virtual calls per int and a
 * bounds-checked copy per long; here an int or long whose bytes are in the buffer is a few array reads, which
 * took a measurable share off the load of a large tree. One thread reads it.
 */
final class ChecksummedInput extends BigEndianInput implements AutoCloseable {
    /** Read-ahead size: large reads keep the syscalls and the checksum calls few (a snapshot is tens of MB). */
    static final int BUFFER_BYTES = 1 << 20;

    private final InputStream file;
    private final CRC32C crc;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private long unchecked;
    private int position;
    private int filled;

    ChecksummedInput(InputStream file, CRC32C crc, long checked) {
        this.file = file;
        this.crc = crc;
        this.unchecked = Math.max(0, checked);
    }

    /** True when every byte of the file has been read. */
    boolean atEnd() throws IOException {
        return position == filled && !fill(1);
    }

    @Override
    public int readInt() throws IOException {
        require(Integer.BYTES);
        byte[] b = buffer;
        int p = position;
        position = p + Integer.BYTES;
        return (b[p] & 0xFF) << 24 | (b[p + 1] & 0xFF) << 16 | (b[p + 2] & 0xFF) << 8 | (b[p + 3] & 0xFF);
    }

    @Override
    public long readLong() throws IOException {
        require(Long.BYTES);
        byte[] b = buffer;
        int p = position;
        position = p + Long.BYTES;
        int high = (b[p] & 0xFF) << 24 | (b[p + 1] & 0xFF) << 16 | (b[p + 2] & 0xFF) << 8 | (b[p + 3] & 0xFF);
        int low = (b[p + 4] & 0xFF) << 24 | (b[p + 5] & 0xFF) << 16 | (b[p + 6] & 0xFF) << 8 | (b[p + 7] & 0xFF);
        return (long) high << 32 | (low & 0xFFFFFFFFL);
    }

    @Override
    public void readFully(byte[] target, int offset, int length) throws IOException {
        java.util.Objects.checkFromIndexSize(offset, length, target.length);
        int done = 0;
        while (done < length) {
            if (position == filled && !fill(1)) {
                throw new EOFException("the file ends " + (length - done) + " bytes early");
            }
            int count = Math.min(length - done, filled - position);
            System.arraycopy(buffer, position, target, offset + done, count);
            position += count;
            done += count;
        }
    }

    /** Skips by reading, so that skipped bytes are checksummed like every other. */
    @Override
    public int skipBytes(int n) throws IOException {
        int skipped = 0;
        while (skipped < n && (position < filled || fill(1))) {
            int count = Math.min(n - skipped, filled - position);
            position += count;
            skipped += count;
        }
        return skipped;
    }

    @Override
    public byte readByte() throws IOException {
        require(1);
        return buffer[position++];
    }

    @Override
    public int readUnsignedShort() throws IOException {
        require(Short.BYTES);
        int p = position;
        position = p + Short.BYTES;
        return (buffer[p] & 0xFF) << 8 | (buffer[p + 1] & 0xFF);
    }

    /** As {@link java.io.DataInputStream#readLine}: bytes as chars up to a line end; null at the end of the file. */
    @Override
    public String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        while (position < filled || fill(1)) {
            char c = (char) (buffer[position++] & 0xFF);
            if (c == '\n') {
                return line.toString();
            }
            if (c == '\r') {
                if ((position < filled || fill(1)) && buffer[position] == '\n') {
                    position++;
                }
                return line.toString();
            }
            line.append(c);
        }
        return line.length() == 0 ? null : line.toString();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }

    /** Makes {@code count} bytes (at most 8) available at {@code position}, or throws at the end of the file. */
    private void require(int count) throws IOException {
        if (filled - position < count && !fill(count)) {
            throw new EOFException("the file ends inside a " + count + "-byte value");
        }
    }

    /**
     * Moves the unread bytes to the front and reads more until at least {@code count} are there; false when the
     * file ends first. Every byte read from the file is checksummed here, exactly once.
     */
    private boolean fill(int count) throws IOException {
        int left = filled - position;
        System.arraycopy(buffer, position, buffer, 0, left);
        position = 0;
        filled = left;
        while (filled < count) {
            int read = file.read(buffer, filled, buffer.length - filled);
            if (read <= 0) {
                return false;
            }
            int checked = (int) Math.min(read, unchecked);
            crc.update(buffer, filled, checked);
            unchecked -= checked;
            filled += read;
        }
        return true;
    }
}
