package io.zakka.storage.txnlog;

import static io.zakka.storage.txnlog.LogFixture.entry;
import static io.zakka.storage.txnlog.LogFixture.offsetOf;
import static io.zakka.storage.txnlog.LogFixture.write;
import static io.zakka.storage.txnlog.LogFixture.zxid;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zakka.protocol.Acl;
import io.zakka.protocol.Zxid;
import io.zakka.protocol.txn.Txn;
import io.zakka.protocol.txn.TxnEntry;
import io.zakka.protocol.txn.TxnHeader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The segment reader walks a file through a window of 1 MiB: records that straddle the window's end, records
 * larger than the window and a torn record at the end of a long file must read exactly as they were written.
 */
class SegmentScannerTest {
    private static final LogOptions ONE_SEGMENT = new LogOptions(64L << 20, 0, true);

    @TempDir
    Path dir;

    /** A create whose data is {@code dataBytes} bytes drawn from {@code seed}. */
    private static TxnEntry sized(int counter, int dataBytes, long seed) {
        byte[] data = new byte[dataBytes];
        new SplittableRandom(seed + counter).nextBytes(data);
        Txn txn = new Txn.CreateTxn("/big" + counter, data, Acl.OPEN_ACL_UNSAFE, 0L, counter);
        return new TxnEntry(new TxnHeader(7L, counter, zxid(counter), 1_000L + counter), txn);
    }

    @Test
    void recordsOfEverySizeAcrossWindowBoundariesReadBackExactly() throws IOException {
        long seed = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        List<TxnEntry> written = new ArrayList<>();
        try (FileTxnLog log = FileTxnLog.open(dir, ONE_SEGMENT)) {
            for (int i = 1; i <= 200; i++) {
                // Mostly small records, some of a few hundred KiB, a few larger than the 1 MiB window.
                int size = random.nextInt(20) == 0 ? random.nextInt(5 << 19) : random.nextInt(2_000);
                TxnEntry entry = sized(i, size, seed);
                log.append(entry);
                written.add(entry);
            }
            log.sync();
        }
        try (FileTxnLog reopened = FileTxnLog.open(dir, ONE_SEGMENT)) {
            assertEquals(List.of(), reopened.openNotes(), "seed " + seed);
            List<TxnEntry> read = reopened.readAfter(Zxid.ZERO);
            assertEquals(written.size(), read.size(), "seed " + seed);
            for (int i = 0; i < written.size(); i++) {
                Txn.CreateTxn expected = (Txn.CreateTxn) written.get(i).txn();
                Txn.CreateTxn actual = (Txn.CreateTxn) read.get(i).txn();
                assertEquals(written.get(i).header(), read.get(i).header(), "seed " + seed);
                assertArrayEquals(expected.data(), actual.data(), "record " + (i + 1) + ", seed " + seed);
            }
            assertEquals(written.subList(150, 200).stream().map(e -> e.header().zxid()).toList(),
                    reopened.readAfter(zxid(150)).stream().map(e -> e.header().zxid()).toList(), "seed " + seed);
        }
    }

    @Test
    void tornRecordAtTheEndOfAFileLongerThanTheWindowIsCutThere() throws IOException {
        try (FileTxnLog log = FileTxnLog.open(dir, ONE_SEGMENT)) {
            for (int i = 1; i <= 3; i++) {
                log.append(sized(i, 700_000, 1));
            }
            log.sync();
        }
        Path segment = LogSegments.list(dir).get(0);
        LogFixture.setLength(segment, Files.size(segment) - 5);

        try (FileTxnLog reopened = FileTxnLog.open(dir, ONE_SEGMENT)) {
            assertEquals(zxid(2), reopened.lastZxid());
            assertTrue(reopened.openNotes().get(0).contains("torn record: length"), reopened.openNotes().toString());
            assertEquals(2, reopened.readAfter(Zxid.ZERO).size());
        }
    }

    @Test
    void recordsASnapshotCoversAreWalkedWithoutTheirCrc() throws IOException {
        try (FileTxnLog log = FileTxnLog.open(dir, ONE_SEGMENT)) {
            write(log, 1, 10);
        }
        Path segment = LogSegments.list(dir).get(0);
        LogFixture.flipBit(segment, offsetOf(1, 3) + LogSegments.RECORD_HEADER_BYTES + 5);

        assertTrue(LogSegments.check(segment).problem().startsWith("CRC mismatch in the record of zxid"));
        List<Zxid> after = new ArrayList<>();
        LogSegments.Scan scan = LogSegments.scanAfter(segment, zxid(5), (offset, zxid, payload) -> after.add(zxid));
        assertNull(scan.problem());
        assertEquals(List.of(zxid(6), zxid(7), zxid(8), zxid(9), zxid(10)), after);
        List<Zxid> fromThree = new ArrayList<>();
        LogSegments.Scan checked = LogSegments.scanAfter(segment, zxid(2), (offset, zxid, payload) ->
                fromThree.add(zxid));
        assertEquals(List.of(), fromThree);
        assertEquals(offsetOf(1, 3), checked.validEnd(), "a record that is needed is checked");
    }

    @Test
    void readAfterTheNewestSegmentsStartSkipsTheOlderSegments() throws IOException {
        LogOptions small = new LogOptions(1_000, 0, true);
        try (FileTxnLog log = FileTxnLog.open(dir, small)) {
            write(log, 1, 60);
        }
        List<Path> segments = LogSegments.list(dir);
        assertTrue(segments.size() >= 3, "segments: " + segments);
        Zxid newestFirst = LogSegments.nameZxid(segments.get(segments.size() - 1));
        try (FileTxnLog log = FileTxnLog.open(dir, small)) {
            // The older segments are not read at all: a damaged one no longer matters to this reader.
            Files.write(segments.get(0), new byte[] {1, 2, 3});
            List<TxnEntry> after = log.readAfter(zxid(newestFirst.counter() - 1));
            assertEquals(entry(newestFirst.counter()).header(), after.get(0).header());
            assertEquals(entry(60).header(), after.get(after.size() - 1).header());
            assertEquals(List.of(), log.readAfter(zxid(60)));
        }
    }
}
