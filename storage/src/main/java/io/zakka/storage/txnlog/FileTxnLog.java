package io.zakka.storage.txnlog;

import io.zakka.protocol.Zxid;
import io.zakka.protocol.txn.TxnEntry;
import io.zakka.storage.durability.CrashPoints;
import io.zakka.storage.durability.DataDirException;
import io.zakka.storage.durability.Fsync;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * The txn log as segment files in one directory (format: {@link LogSegments}).
 *
 * <p>Appends go to a memory buffer; {@link #sync} writes the buffer at the end of the current segment,
 * extends the pre-allocation when needed, and forces the file once (group commit). A segment that reaches
 * {@link LogOptions#segmentBytes()} is finished with the next append: the new segment is created
 * (header written), and the next sync forces the old segment, the new one and the directory.
 *
 * <p>{@link #open} checks every segment. Only the newest segment may end in an invalid record: that is
 * the torn or unsynced tail of the last write, so it is cut off (and reported in {@link #openNotes()}).
 * An invalid record in an older segment, or an older segment whose successor does not continue its zxid
 * chain, is never dropped: open throws {@link CorruptLogException} and the server refuses to start.
 */
public final class FileTxnLog implements TxnLog {
    public static final String LOCK_FILE = "lock";
    private final Path dir;
    private final LogOptions options;
    private final List<String> openNotes = new ArrayList<>();
    private final List<FileChannel> unforced = new ArrayList<>();
    private final CRC32C crc = new CRC32C();
    private FileChannel current;
    private Zxid currentFirst;
    private long position;
    /** Offset of the current segment's last record, and how many it holds: what a clean close writes down. */
    private long lastRecordAt;
    private int currentRecords;
    /** The previous clean close's mark, until the open that read it has used or refused it. */
    private CleanEnd.Mark cleanEnd;
    private boolean syncFailed;
    private long allocated;
    private boolean rollRequested;
    private boolean directoryChanged;
    private byte[] pending = new byte[1 << 16];
    private int pendingBytes;
    private Zxid lastZxid = Zxid.ZERO;
    private Zxid lastSyncedZxid = Zxid.ZERO;
    /** Where the chain starts when the log holds no entry: 0, or what {@link #rebase} (or truncate) set. */
    private Zxid base = Zxid.ZERO;
    private FileChannel lockChannel;
    private FileLock lock;

    private FileTxnLog(Path dir, LogOptions options) {
        this.dir = dir;
        this.options = options;
    }

    /**
     * Opens (creating the directory if needed) and checks the log, cutting off a torn tail of the newest segment.
     * Holds an exclusive lock on {@code dir/lock} until {@link #close}, so two servers (or two nodes of one JVM)
     * never append to the same log.
     */
    public static FileTxnLog open(Path dir, LogOptions options) throws IOException {
        Files.createDirectories(dir);
        FileTxnLog log = new FileTxnLog(dir, options);
        log.lock();
        try {
            log.cleanEnd = CleanEnd.take(dir).orElse(null);
            log.recover();
        } catch (IOException | RuntimeException e) {
            log.unlock();
            throw e;
        }
        return log;
    }

    private void lock() throws IOException {
        lockChannel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            lockChannel.close();
            throw new DataDirException("the txn log in " + dir + " is in use by another server process (or another"
                    + " node of this one): stop it first, or give this server its own data dir");
        }
    }

    private void unlock() throws IOException {
        if (lockChannel != null) {
            lockChannel.close();
            lockChannel = null;
        }
    }

    /** What open found and did (tail cut off, empty segment removed), for the start-up log. */
    public List<String> openNotes() {
        return List.copyOf(openNotes);
    }

    public Path directory() {
        return dir;
    }

    /**
     * Checks every segment; removes a newest segment that holds no complete record (its creation or its
     * first record was torn) and looks again, so the one before becomes the newest.
     */
    private void recover() throws IOException {
        while (!recoverOnce()) {
            Fsync.directory(dir);
        }
    }

    /** One pass over the segments; false when it removed an empty newest segment and must run again. */
    private boolean recoverOnce() throws IOException {
        List<Path> segments = LogSegments.list(dir);
        Zxid previousLast = null;
        for (int i = 0; i < segments.size(); i++) {
            Path segment = segments.get(i);
            boolean newest = i == segments.size() - 1;
            if (newest && isTornCreation(segment)) {
                openNotes.add("removed " + segment.getFileName() + ": its creation was torn (no valid header)");
                Files.delete(segment);
                return false;
            }
            LogSegments.Scan scan = newest ? endOfNewest(segment) : LogSegments.check(segment);
            if (previousLast != null && !Zxids.follows(previousLast, scan.firstZxid())) {
                throw new CorruptLogException("log segment missing: " + segment.getFileName() + " starts at "
                        + scan.firstZxid() + " but the previous segment ends at " + previousLast + ". Restore the"
                        + " missing segment (or the whole data dir from a replica) before starting");
            }
            if (!scan.clean() && !newest) {
                throw new CorruptLogException(segment + " is corrupt at offset " + scan.validEnd() + " ("
                        + scan.problem() + ") and is not the newest segment, so this is not a torn write. Restore"
                        + " the data dir from a replica or a backup; `bin/zakka verify " + dir + "` shows details");
            }
            if (newest && scan.isEmpty()) {
                openNotes.add("removed " + segment.getFileName() + ": it holds no complete record"
                        + (scan.clean() ? "" : " (" + scan.problem() + ")"));
                Files.delete(segment);
                return false;
            }
            if (newest) {
                openNewest(segment, scan);
            }
            previousLast = scan.isEmpty() ? previousLast : scan.lastZxid();
        }
        return true;
    }

    /** The newest segment's end: from the last clean close's mark when the segment agrees with it, else read. */
    private LogSegments.Scan endOfNewest(Path segment) throws IOException {
        CleanEnd.Mark mark = cleanEnd;
        cleanEnd = null;
        if (mark != null && CleanEnd.matches(segment, mark)) {
            return new LogSegments.Scan(segment, mark.segment(), mark.lastZxid(), mark.records(), mark.validEnd(),
                    Files.size(segment), null, mark.lastRecordAt());
        }
        return LogSegments.check(segment);
    }

    private static boolean isTornCreation(Path segment) throws IOException {
        long size = Files.size(segment);
        if (size < LogSegments.HEADER_BYTES) {
            return true;
        }
        byte[] head = new byte[LogSegments.HEADER_BYTES];
        try (var in = Files.newInputStream(segment)) {
            in.readNBytes(head, 0, head.length);
        }
        for (byte b : head) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private void openNewest(Path segment, LogSegments.Scan scan) throws IOException {
        current = FileChannel.open(segment, StandardOpenOption.READ, StandardOpenOption.WRITE);
        currentFirst = scan.firstZxid();
        position = scan.validEnd();
        allocated = scan.fileSize();
        if (!scan.clean()) {
            openNotes.add("cut off the tail of " + segment.getFileName() + " at offset " + scan.validEnd() + ": "
                    + scan.problem() + "; dropped " + (scan.fileSize() - scan.validEnd())
                    + " bytes that were never synced (after zxid " + scan.lastZxid() + ")");
            current.truncate(position);
            current.force(true);
            allocated = position;
        }
        lastZxid = scan.lastZxid();
        lastSyncedZxid = lastZxid;
        lastRecordAt = scan.lastRecordAt();
        currentRecords = scan.records();
    }

    @Override
    public void append(TxnEntry entry) throws IOException {
        Zxid zxid = entry.header().zxid();
        if (!Zxids.follows(lastZxid, zxid)) {
            throw new IllegalStateException("txn " + zxid + " does not follow the log's last zxid " + lastZxid);
        }
        if (current == null || rollRequested || position + pendingBytes >= options.segmentBytes()) {
            startSegment(zxid);
        }
        byte[] payload = TxnCodec.encode(entry);
        ensurePending(LogSegments.RECORD_HEADER_BYTES + payload.length);
        int at = pendingBytes;
        lastRecordAt = position + at;
        currentRecords++;
        ByteBuffer frame = ByteBuffer.wrap(pending);
        frame.putInt(at, payload.length).putLong(at + 8, zxid.toLong());
        System.arraycopy(payload, 0, pending, at + LogSegments.RECORD_HEADER_BYTES, payload.length);
        // The CRC covers the zxid and the payload, which lie next to each other in the frame.
        crc.reset();
        crc.update(pending, at + 8, 8 + payload.length);
        frame.putInt(at + 4, (int) crc.getValue());
        pendingBytes += LogSegments.RECORD_HEADER_BYTES + payload.length;
        lastZxid = zxid;
    }

    private void ensurePending(int more) {
        if (pendingBytes + more > pending.length) {
            byte[] bigger = new byte[Math.max(pending.length * 2, pendingBytes + more)];
            System.arraycopy(pending, 0, bigger, 0, pendingBytes);
            pending = bigger;
        }
    }

    /** Writes what is buffered for the current segment, keeps it for the next force, and opens a new one. */
    private void startSegment(Zxid first) throws IOException {
        if (current != null) {
            writePending();
            unforced.add(current);
        }
        Path file = dir.resolve(LogSegments.fileName(first));
        current = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        currentFirst = first;
        writeFully(LogSegments.header(first), 0);
        CrashPoints.reach(CrashPoints.Point.LOG_SEGMENT_CREATED);
        position = LogSegments.HEADER_BYTES;
        allocated = position;
        currentRecords = 0;
        rollRequested = false;
        directoryChanged = true;
    }

    @Override
    public void sync() throws IOException {
        if (current == null) {
            return;
        }
        try {
            syncCurrent();
        } catch (IOException | RuntimeException e) {
            syncFailed = true;
            throw e;
        }
    }

    private void syncCurrent() throws IOException {
        writePending();
        CrashPoints.reach(CrashPoints.Point.LOG_WRITTEN);
        for (FileChannel finished : unforced) {
            if (options.forceSync()) {
                finished.force(false);
            }
            finished.close();
        }
        unforced.clear();
        if (options.forceSync()) {
            current.force(false);
            if (directoryChanged) {
                Fsync.directory(dir);
            }
        }
        directoryChanged = false;
        lastSyncedZxid = lastZxid;
    }

    private void writePending() throws IOException {
        if (pendingBytes == 0) {
            return;
        }
        long end = position + pendingBytes;
        if (end > allocated) {
            allocated = end + options.preallocateBytes();
            if (options.preallocateBytes() > 0) {
                writeFully(ByteBuffer.allocate(1), allocated - 1);
            }
        }
        writeFully(ByteBuffer.wrap(pending, 0, pendingBytes), position);
        position = end;
        pendingBytes = 0;
    }

    private void writeFully(ByteBuffer buffer, long at) throws IOException {
        long offset = at;
        while (buffer.hasRemaining()) {
            offset += current.write(buffer, offset);
        }
    }

    @Override
    public Zxid lastZxid() {
        return lastZxid;
    }

    @Override
    public Zxid lastSyncedZxid() {
        return lastSyncedZxid;
    }

    /**
     * Reads the synced records after {@code after}. Throws {@link CorruptLogException} when the log does not
     * hold the successor of {@code after} or of any delivered entry (a gap), or a record fails its checks.
     */
    @Override
    public void readAfter(Zxid after, Consumer<TxnEntry> sink) throws IOException {
        if (!lastSyncedZxid.isAfter(after)) {
            return;
        }
        Zxid[] previous = {after};
        List<Path> segments = LogSegments.list(dir);
        for (int i = 0; i < segments.size(); i++) {
            Path segment = segments.get(i);
            if (i + 1 < segments.size() && coversNothingAfter(LogSegments.nameZxid(segments.get(i + 1)), after)) {
                continue;
            }
            LogSegments.Scan scan = LogSegments.scanAfter(segment, after, (offset, zxid, payload) -> {
                if (!zxid.isAfter(lastSyncedZxid)) {
                    deliver(segment, offset, zxid, payload, previous[0], sink);
                    previous[0] = zxid;
                }
            });
            if (!scan.clean() && (scan.lastZxid() == null || scan.lastZxid().compareTo(lastSyncedZxid) < 0)) {
                throw new CorruptLogException(segment + ": " + scan.problem() + " at offset " + scan.validEnd());
            }
        }
    }

    /**
     * Whether a segment followed by one that starts at {@code nextFirst} holds only txns at or before
     * {@code after}: its zxids are all below {@code nextFirst} (the rule {@link LogSegments#purgeThrough} uses).
     */
    private static boolean coversNothingAfter(Zxid nextFirst, Zxid after) {
        return nextFirst.compareTo(after) <= 0 || (after.counter() != -1 && nextFirst.equals(after.next()));
    }

    private static void deliver(Path segment, long offset, Zxid zxid, byte[] payload, Zxid previous,
                                Consumer<TxnEntry> sink) throws IOException {
        if (!Zxids.follows(previous, zxid)) {
            throw new CorruptLogException("the log has no txns between " + previous + " and " + zxid + " ("
                    + segment.getFileName() + "): a segment is missing or the snapshot does not cover the log");
        }
        TxnEntry entry = TxnCodec.decode(payload);
        if (!entry.header().zxid().equals(zxid)) {
            throw new CorruptLogException(segment + " offset " + offset + ": record zxid " + zxid
                    + " but the txn says " + entry.header().zxid());
        }
        sink.accept(entry);
    }

    @Override
    public void truncate(Zxid zxid) throws IOException {
        if (pendingBytes > 0 || !unforced.isEmpty()) {
            throw new IllegalStateException("truncate with unsynced appends; sync first");
        }
        closeCurrent();
        Zxid kept = Zxid.ZERO;
        for (Path segment : LogSegments.list(dir)) {
            if (LogSegments.nameZxid(segment).isAfter(zxid)) {
                Files.delete(segment);
                continue;
            }
            long[] cut = {-1};
            Zxid[] last = {null};
            LogSegments.Scan scan = LogSegments.scan(segment, (offset, recordZxid, payload) -> {
                if (recordZxid.isAfter(zxid) && cut[0] < 0) {
                    cut[0] = offset;
                } else if (cut[0] < 0) {
                    last[0] = recordZxid;
                }
            });
            if (cut[0] >= 0) {
                try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
                    channel.truncate(cut[0]);
                    channel.force(true);
                }
            }
            kept = last[0] != null ? last[0] : kept;
            if (scan.isEmpty() || last[0] == null) {
                Files.delete(segment);
            }
        }
        Fsync.directory(dir);
        openNotes.clear();
        lastZxid = Zxid.ZERO;
        recover();
        if (!lastZxid.equals(kept)) {
            throw new IllegalStateException("truncate to " + zxid + " kept " + lastZxid + ", expected " + kept);
        }
        if (kept.equals(Zxid.ZERO)) {
            // Nothing kept: the chain goes on from the base, or from zxid when that is before the base.
            base = base.isAfter(zxid) ? zxid : base;
            lastZxid = base;
            lastSyncedZxid = base;
        }
    }

    @Override
    public void roll() {
        rollRequested = current != null;
    }

    /** See {@link TxnLog#rebase}: deletes every segment (directory forced); the next append starts a new one. */
    @Override
    public void rebase(Zxid newBase) throws IOException {
        if (pendingBytes > 0 || !unforced.isEmpty() || newBase.compareTo(lastZxid) < 0) {
            throw new IllegalStateException("cannot rebase the log at " + lastZxid + " back to " + newBase
                    + " or with unsynced appends");
        }
        if (newBase.equals(lastZxid)) {
            return;
        }
        closeCurrent();
        for (Path segment : LogSegments.list(dir)) {
            Files.delete(segment);
        }
        Fsync.directory(dir);
        rollRequested = false;
        base = newBase;
        lastZxid = newBase;
        lastSyncedZxid = newBase;
    }

    /** The first zxid of the current (newest) segment, or null when there is none. */
    public Zxid currentSegmentFirst() {
        return currentFirst;
    }

    /** Retention: see {@link LogSegments#purgeThrough}. */
    public List<Path> purgeThrough(Zxid zxid) throws IOException {
        return LogSegments.purgeThrough(dir, zxid);
    }

    private void closeCurrent() throws IOException {
        if (current != null) {
            current.close();
            current = null;
            currentFirst = null;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            sync();
            markCleanEnd();
            closeCurrent();
        } finally {
            unlock();
        }
    }

    /**
     * Tells the next open where the data ends (see {@link CleanEnd}), when that is known to be durable: every
     * sync succeeded (after a failed fsync nothing later may be trusted) and syncs force the file.
     */
    private void markCleanEnd() {
        if (current == null || currentRecords == 0 || syncFailed || !options.forceSync()) {
            return;
        }
        try {
            CleanEnd.write(dir, new CleanEnd.Mark(currentFirst, position, lastRecordAt, lastZxid, currentRecords));
        } catch (IOException e) {
            // Only a shortcut for the next open, which then reads the segment to find its end as after a crash.
        }
    }
}
