package io.zakka.storage.txnlog;

import io.zakka.protocol.Zxid;
import io.zakka.storage.durability.CrashPoints;
import io.zakka.storage.durability.Fsync;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The on-disk format of a txn log segment, and a reader that checks every record of one.
 *
 * <p>A segment is a file {@code log.<first zxid as 16 hex digits>} in the log directory:
 * <pre>
 * header (16 bytes): magic:i32 = 0x5A414B4C ("ZAKL")  version:i32 = 1  firstZxid:i64 (= the name's zxid)
 * record (16 + n) : length:i32 = n (1..16 MiB)  crc:i32  zxid:i64  payload: n bytes
 * </pre>
 * {@code crc} is the CRC32C of the 8 zxid bytes followed by the payload; the payload is a {@link TxnCodec}
 * entry whose header repeats the zxid (checked on decode). A length of 0 ends the data: the rest of the
 * file is the zero-filled pre-allocation. The first record's zxid equals the header's, and each later one
 * {@link Zxids#follows follows} its predecessor. Integers are big-endian.
 */
public final class LogSegments {
    public static final int MAGIC = 0x5A414B4C;
    public static final int VERSION = 1;
    public static final int HEADER_BYTES = 16;
    public static final int RECORD_HEADER_BYTES = 16;
    public static final int MAX_PAYLOAD_BYTES = 16 << 20;
    private static final Pattern NAME = Pattern.compile("log\\.([0-9a-f]{16})");

    private LogSegments() {
    }

    /** Receives each valid record of a scan. */
    public interface RecordVisitor {
        void record(long offset, Zxid zxid, byte[] payload) throws IOException;
    }

    /**
     * What a scan of one segment found. {@code validEnd} is the offset just after the last valid record, and
     * {@code lastRecordAt} that record's offset (0 when there is none); {@code problem} is null when the data
     * ended cleanly (end of file or a zero length), else why the record at {@code validEnd} is invalid.
     */
    public record Scan(Path file, Zxid firstZxid, Zxid lastZxid, int records, long validEnd, long fileSize,
                       String problem, long lastRecordAt) {
        public boolean clean() {
            return problem == null;
        }

        public boolean isEmpty() {
            return records == 0;
        }
    }

    public static String fileName(Zxid first) {
        return "log." + Zxids.hex(first);
    }

    /** The segments of {@code dir}, ordered by their first zxid (the zxid in the name). */
    public static List<Path> list(Path dir) throws IOException {
        List<Path> segments = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return segments;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(file -> NAME.matcher(file.getFileName().toString()).matches()).forEach(segments::add);
        }
        segments.sort((a, b) -> nameZxid(a).compareTo(nameZxid(b)));
        return segments;
    }

    /**
     * Retention: deletes every segment whose txns are all at or before {@code zxid} (its successor starts at
     * or before {@code zxid}'s successor in the same epoch), never the newest one. Safe to run beside the
     * thread that appends: a segment with a successor is finished, and one whose txns a snapshot at
     * {@code zxid} covers is not needed by recovery. Returns the deleted files.
     */
    public static List<Path> purgeThrough(Path dir, Zxid zxid) throws IOException {
        List<Path> segments = list(dir);
        List<Path> deleted = new ArrayList<>();
        for (int i = 0; i + 1 < segments.size(); i++) {
            Zxid nextFirst = nameZxid(segments.get(i + 1));
            boolean sameEpochSuccessor = zxid.counter() != -1 && nextFirst.equals(zxid.next());
            if (nextFirst.compareTo(zxid) <= 0 || sameEpochSuccessor) {
                Files.delete(segments.get(i));
                deleted.add(segments.get(i));
                CrashPoints.reach(CrashPoints.Point.RETENTION_LOG_DELETED);
            }
        }
        if (!deleted.isEmpty()) {
            Fsync.directory(dir);
        }
        return deleted;
    }

    public static Zxid nameZxid(Path segment) {
        Matcher matcher = NAME.matcher(segment.getFileName().toString());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a log segment name: " + segment);
        }
        return Zxids.parseHex(matcher.group(1));
    }

    public static ByteBuffer header(Zxid first) {
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
        header.putInt(MAGIC).putInt(VERSION).putLong(first.toLong()).flip();
        return header;
    }

    /**
     * Reads a segment and checks its header, every length, CRC and the zxid chain, feeding each valid record
     * to {@code visitor}; stops at the first invalid record. A header that is not ours throws
     * {@link CorruptLogException} (torn segment creation is the caller's to judge from the file size).
     */
    public static Scan scan(Path file, RecordVisitor visitor) throws IOException {
        try (SegmentScanner scanner = new SegmentScanner(file)) {
            return scanner.scan(null, visitor);
        }
    }

    /** As {@link #scan} without passing the records on: only where the valid data ends and why. */
    public static Scan check(Path file) throws IOException {
        try (SegmentScanner scanner = new SegmentScanner(file)) {
            return scanner.scan(null, null);
        }
    }

    /**
     * As {@link #scan} for the records after {@code skipThrough}; the ones at or before it are only walked (length
     * and zxid chain), neither CRC-checked nor passed on: a reader that needs the txns after a snapshot pays
     * nothing for the ones the snapshot covers.
     */
    public static Scan scanAfter(Path file, Zxid skipThrough, RecordVisitor visitor) throws IOException {
        try (SegmentScanner scanner = new SegmentScanner(file)) {
            return scanner.scan(skipThrough, visitor);
        }
    }
}
