package io.zakka.storage.txnlog;

import static io.zakka.storage.txnlog.LogFixture.entry;
import static io.zakka.storage.txnlog.LogFixture.offsetOf;
import static io.zakka.storage.txnlog.LogFixture.write;
import static io.zakka.storage.txnlog.LogFixture.zxid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zakka.protocol.Zxid;
import io.zakka.protocol.txn.TxnEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What opening a damaged log does, case by case: cut a torn tail, refuse anything else. */
class TxnLogFormatTest {
    private static final LogOptions NO_PREALLOCATION = new LogOptions(1 << 20, 0, true);
    /** Small segments: about 20 records each. */
    private static final LogOptions SMALL_SEGMENTS = new LogOptions(1_000, 0, true);

    @TempDir
    Path dir;

    @Test
    void tornLastRecordIsTruncatedOnRecovery() throws IOException {
        try (FileTxnLog log = FileTxnLog.open(dir, NO_PREALLOCATION)) {
            write(log, 1, 10);
        }
        Path segment = LogSegments.list(dir).get(0);
        LogFixture.setLength(segment, offsetOf(1, 10) + 20);

        FileTxnLog reopened = FileTxnLog.open(dir, NO_PREALLOCATION);
        assertEquals(zxid(9), reopened.lastZxid());
        assertEquals(1, reopened.openNotes().size());
        assertTrue(reopened.openNotes().get(0).contains("torn record"), reopened.openNotes().toString());
        assertEquals(offsetOf(1, 10), Files.size(segment), "the torn bytes are gone from the file");
        write(reopened, 10, 11);
        reopened.close();
        assertEquals(11, FileTxnLog.open(dir, NO_PREALLOCATION).readAfter(Zxid.ZERO).size());
    }

    @Test
    void flippedBitInTheNewestSegmentAfterACrashCutsTheLogAtThatRecord() throws IOException {
        try (FileTxnLog log = FileTxnLog.open(dir, NO_PREALLOCATION)) {
            write(log, 1, 10);
        }
        // As after a crash: no clean close told where the data ends (CleanEndTest has the clean case).
        Files.delete(dir.resolve(CleanEnd.FILE));
        LogFixture.flipBit(LogSegments.list(dir).get(0), offsetOf(1, 6) + 20);

        FileTxnLog reopened = FileTxnLog.open(dir, NO_PREALLOCATION);
        assertEquals(zxid(5), reopened.lastZxid());
        assertTrue(reopened.openNotes().get(0).contains("CRC mismatch in the record of zxid 0x100000006"),
                reopened.openNotes().toString());
        assertEquals(5, reopened.readAfter(Zxid.ZERO).size());
        reopened.close();
    }

    @Test
    void flippedBitInAnOlderSegmentRefusesToOpen() throws IOException {
        try (FileTxnLog log = FileTxnLog.open(dir, SMALL_SEGMENTS)) {
            for (int i = 1; i <= 60; i++) {
                write(log, i, i);
            }
        }
        List<Path> segments = LogSegments.list(dir);
        assertTrue(segments.size() >= 3, "segments: " + segments);
        LogFixture.flipBit(segments.get(0), offsetOf(1, 3) + 20);

        CorruptLogException refused = assertThrows(CorruptLogException.class,
                () -> FileTxnLog.open(dir, SMALL_SEGMENTS));
        assertTrue(refused.getMessage().contains("is not the newest segment"), refused.getMessage());
        assertTrue(refused.getMessage().contains("CRC mismatch"), refused.getMessage());
    }

    @Test
    void zeroFilledPreallocatedTailIsTheCleanEndOfTheLog() throws IOException {
        LogOptions preallocating = new LogOptions(1 << 20, 64 << 10, true);
        try (FileTxnLog log = FileTxnLog.open(dir, preallocating)) {
            write(log, 1, 3);
        }
        Path segment = LogSegments.list(dir).get(0);
        assertTrue(Files.size(segment) >= 64 << 10, "pre-allocated: " + Files.size(segment));

        FileTxnLog reopened = FileTxnLog.open(dir, preallocating);
        assertEquals(List.of(), reopened.openNotes());
        assertEquals(zxid(3), reopened.lastZxid());
        write(reopened, 4, 4);
        reopened.close();
        List<TxnEntry> all = FileTxnLog.open(dir, preallocating).readAfter(Zxid.ZERO);
        assertEquals(List.of(zxid(1), zxid(2), zxid(3), zxid(4)), all.stream().map(e -> e.header().zxid()).toList());
    }

    @Test
    void missingSegmentInTheMiddleRefusesToOpen() throws IOException {
        try (FileTxnLog log = FileTxnLog.open(dir, SMALL_SEGMENTS)) {
            for (int i = 1; i <= 60; i++) {
                write(log, i, i);
            }
        }
        List<Path> segments = LogSegments.list(dir);
        Files.delete(segments.get(1));

        CorruptLogException refused = assertThrows(CorruptLogException.class,
                () -> FileTxnLog.open(dir, SMALL_SEGMENTS));
        assertTrue(refused.getMessage().startsWith("log segment missing: " + segments.get(2).getFileName()),
                refused.getMessage());
    }

    @Test
    void segmentWhoseCreationWasTornIsRemoved() throws IOException {
        try (FileTxnLog log = FileTxnLog.open(dir, NO_PREALLOCATION)) {
            write(log, 1, 2);
        }
        Files.write(dir.resolve(LogSegments.fileName(zxid(3))), new byte[40]);

        FileTxnLog reopened = FileTxnLog.open(dir, NO_PREALLOCATION);
        assertEquals(zxid(2), reopened.lastZxid());
        assertTrue(reopened.openNotes().get(0).contains("creation was torn"), reopened.openNotes().toString());
        assertEquals(1, LogSegments.list(dir).size());
        reopened.close();
    }

    @Test
    void logRollsToANewSegmentBySize() throws IOException {
        try (FileTxnLog log = FileTxnLog.open(dir, SMALL_SEGMENTS)) {
            write(log, 1, 60);
            write(log, 61, 61);
        }
        List<Path> segments = LogSegments.list(dir);
        assertTrue(segments.size() >= 2, "segments: " + segments);
        for (Path segment : segments) {
            LogSegments.Scan scan = LogSegments.scan(segment, (offset, zxid, payload) -> { });
            assertTrue(scan.clean() && scan.records() > 0, scan.toString());
        }
        assertEquals(61, FileTxnLog.open(dir, SMALL_SEGMENTS).readAfter(Zxid.ZERO).size());
    }

    @Test
    void readAfterReturnsOnlyLaterTxnsInOrder() throws IOException {
        try (FileTxnLog log = FileTxnLog.open(dir, SMALL_SEGMENTS)) {
            write(log, 1, 50);
            List<TxnEntry> after = log.readAfter(zxid(37));
            assertEquals(13, after.size());
            assertEquals(entry(38).header(), after.get(0).header());
            assertEquals(entry(50).header(), after.get(12).header());
        }
    }

    @Test
    void truncateDropsEverythingAfterTheZxidDurably() throws IOException {
        try (FileTxnLog log = FileTxnLog.open(dir, SMALL_SEGMENTS)) {
            write(log, 1, 60);
            log.truncate(zxid(25));
            assertEquals(zxid(25), log.lastZxid());
            assertEquals(25, log.readAfter(Zxid.ZERO).size());
            write(log, 26, 30);
        }
        FileTxnLog reopened = FileTxnLog.open(dir, SMALL_SEGMENTS);
        assertEquals(List.of(), reopened.openNotes());
        assertEquals(zxid(30), reopened.lastZxid());
        assertEquals(30, reopened.readAfter(Zxid.ZERO).size());
        reopened.truncate(Zxid.ZERO);
        assertEquals(Zxid.ZERO, reopened.lastZxid());
        assertEquals(List.of(), LogSegments.list(dir));
        reopened.close();
    }

    @Test
    void secondOpenOfTheSameLogIsRefusedWhileTheFirstIsOpen() throws IOException {
        FileTxnLog first = FileTxnLog.open(dir, NO_PREALLOCATION);
        io.zakka.storage.durability.DataDirException refused = assertThrows(
                io.zakka.storage.durability.DataDirException.class, () -> FileTxnLog.open(dir, NO_PREALLOCATION));
        assertTrue(refused.getMessage().contains("is in use by another server process"), refused.getMessage());
        first.close();
        FileTxnLog.open(dir, NO_PREALLOCATION).close();
    }

    @Test
    void appendRefusesAZxidThatDoesNotFollowTheLast() throws IOException {
        try (FileTxnLog log = FileTxnLog.open(dir, NO_PREALLOCATION)) {
            write(log, 1, 2);
            assertThrows(IllegalStateException.class, () -> log.append(entry(4)));
        }
    }

    @Test
    void readAfterRefusesWhenTheLogDoesNotStartRightAfterTheZxid() throws IOException {
        try (FileTxnLog log = FileTxnLog.open(dir, NO_PREALLOCATION)) {
            log.rebase(zxid(10));
            write(log, 11, 12);
            CorruptLogException gap = assertThrows(CorruptLogException.class, () -> log.readAfter(zxid(5)));
            assertTrue(gap.getMessage().contains("no txns between 0x100000005 and 0x10000000b"), gap.getMessage());
            assertEquals(2, log.readAfter(zxid(10)).size());
        }
    }

    @Test
    void syncedEntriesSurviveAndUnsyncedOnesAreLostInTheInMemoryTwin() throws IOException {
        InMemoryTxnLog log = new InMemoryTxnLog();
        write(log, 1, 3);
        log.append(entry(4));
        log.crash();
        assertEquals(zxid(3), log.lastZxid());
        assertEquals(3, log.readAfter(Zxid.ZERO).size());
    }
}
