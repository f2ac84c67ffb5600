package io.zakka.storage.txnlog;

import io.zakka.protocol.Zxid;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Reads one log segment ({@link LogSegments} format) record by record from a window of the file in memory: no
 * stream locks, no copy of a payload nobody asked for, one CRC over the contiguous zxid and payload bytes.
 * Recovery reads every retained record at start-up (the newest segment's whole length to find its end, then the
 * txns after the snapshot), so this loop is part of the time to serving.
 *
 * <p>Records at or before {@code skipThrough} are walked by their length and zxid only: their CRC is not checked
 * and they are not passed on, because the reader does not need them (a snapshot covers them). Every other record
 * is checked. The zxid chain and the lengths are checked for all.
 */
final class SegmentScanner implements AutoCloseable {
    private static final int WINDOW_BYTES = 1 << 20;
    private final Path file;
    private final FileChannel channel;
    private final long size;
    private final CRC32C crc = new CRC32C();
    private ByteBuffer window = ByteBuffer.allocate(WINDOW_BYTES);
    /** File offset of window index 0; the window holds [windowStart, windowStart + window.limit()). */
    private long windowStart;

    SegmentScanner(Path file) throws IOException {
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        this.size = channel.size();
        window.limit(0);
    }

    /**
     * Checks the header and walks the records from the first; see the class comment for what is checked.
     *
     * @param skipThrough records at or before this zxid are skipped unchecked (null: none are)
     * @param visitor     gets a copy of each checked record's payload; null when only the check is wanted
     */
    LogSegments.Scan scan(Zxid skipThrough, LogSegments.RecordVisitor visitor) throws IOException {
        Zxid nameZxid = LogSegments.nameZxid(file);
        checkHeader(nameZxid);
        long offset = LogSegments.HEADER_BYTES;
        Zxid last = null;
        long lastAt = 0;
        int records = 0;
        while (true) {
            long remaining = size - offset;
            if (remaining < 4) {
                return end(nameZxid, last, lastAt, records, offset,
                        allZero(offset, (int) remaining) ? null : "torn record header (" + remaining + " bytes)");
            }
            int length = intAt(offset);
            if (length == 0) {
                return end(nameZxid, last, lastAt, records, offset, null);
            }
            String problem = lengthProblem(length, remaining);
            if (problem != null) {
                return end(nameZxid, last, lastAt, records, offset, problem);
            }
            require(offset, LogSegments.RECORD_HEADER_BYTES + length);
            int at = (int) (offset - windowStart);
            Zxid zxid = Zxid.of(window.getLong(at + 8));
            problem = chainProblem(nameZxid, last, zxid);
            boolean wanted = skipThrough == null || zxid.isAfter(skipThrough);
            if (problem == null && wanted && crcOf(at, length) != window.getInt(at + 4)) {
                problem = "CRC mismatch in the record of zxid " + zxid;
            }
            if (problem != null) {
                return end(nameZxid, last, lastAt, records, offset, problem);
            }
            if (wanted && visitor != null) {
                int payloadAt = at + LogSegments.RECORD_HEADER_BYTES;
                visitor.record(offset, zxid, Arrays.copyOfRange(window.array(), payloadAt, payloadAt + length));
            }
            lastAt = offset;
            offset += LogSegments.RECORD_HEADER_BYTES + length;
            last = zxid;
            records++;
        }
    }

    private LogSegments.Scan end(Zxid nameZxid, Zxid last, long lastAt, int records, long offset, String problem) {
        return new LogSegments.Scan(file, nameZxid, last, records, offset, size, problem, lastAt);
    }

    private void checkHeader(Zxid nameZxid) throws IOException {
        if (size < LogSegments.HEADER_BYTES) {
            throw new CorruptLogException(file + ": shorter (" + size + " bytes) than a segment header");
        }
        require(0, LogSegments.HEADER_BYTES);
        int magic = window.getInt(0);
        int version = window.getInt(4);
        long first = window.getLong(8);
        if (magic != LogSegments.MAGIC || version != LogSegments.VERSION || first != nameZxid.toLong()) {
            throw new CorruptLogException(String.format("%s: bad header (magic %08x, version %d, first zxid %x)",
                    file, magic, version, first));
        }
    }

    private static String lengthProblem(int length, long remaining) {
        if (length < 0 || length > LogSegments.MAX_PAYLOAD_BYTES) {
            return "bad record length " + length;
        }
        if (remaining < LogSegments.RECORD_HEADER_BYTES + (long) length) {
            return "torn record: length " + length + " but only " + (remaining - 4) + " bytes follow";
        }
        return null;
    }

    private static String chainProblem(Zxid nameZxid, Zxid last, Zxid zxid) {
        if (last == null && !zxid.equals(nameZxid)) {
            return "first record has zxid " + zxid + " but the segment is named " + nameZxid;
        }
        if (last != null && !Zxids.follows(last, zxid)) {
            return "zxid chain broken: " + zxid + " after " + last;
        }
        return null;
    }

    /** The CRC32C of the record's zxid and payload, which lie next to each other after length and crc. */
    private int crcOf(int recordAt, int length) {
        crc.reset();
        crc.update(window.array(), recordAt + 8, 8 + length);
        return (int) crc.getValue();
    }

    private int intAt(long offset) throws IOException {
        require(offset, 4);
        return window.getInt((int) (offset - windowStart));
    }

    private boolean allZero(long offset, int count) throws IOException {
        require(offset, count);
        int at = (int) (offset - windowStart);
        for (int i = 0; i < count; i++) {
            if (window.get(at + i) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Makes the window hold [offset, offset + count); the caller has checked that the file is that long. */
    private void require(long offset, int count) throws IOException {
        if (offset >= windowStart && offset + count <= windowStart + window.limit()) {
            return;
        }
        int keep = 0;
        if (offset >= windowStart && offset < windowStart + window.limit()) {
            keep = (int) (windowStart + window.limit() - offset);
        }
        ByteBuffer target = count <= window.capacity() ? window
                : ByteBuffer.allocate(Integer.highestOneBit(count - 1) << 1);
        if (keep > 0) {
            System.arraycopy(window.array(), (int) (offset - windowStart), target.array(), 0, keep);
        }
        target.clear().position(keep);
        long readAt = offset + keep;
        while (target.hasRemaining() && readAt < size) {
            int read = channel.read(target, readAt);
            if (read < 0) {
                break;
            }
            readAt += read;
        }
        window = target;
        window.flip();
        windowStart = offset;
        if (window.limit() < count) {
            throw new CorruptLogException(file + " shrank while it was read (offset " + offset + ")");
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
