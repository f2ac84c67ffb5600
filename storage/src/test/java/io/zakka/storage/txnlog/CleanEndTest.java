package io.zakka.storage.txnlog;

import static io.zakka.storage.txnlog.LogFixture.offsetOf;
import static io.zakka.storage.txnlog.LogFixture.write;
import static io.zakka.storage.txnlog.LogFixture.zxid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zakka.protocol.Zxid;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A clean close tells the next open where the newest segment ends; open believes it only when the file agrees. */
class CleanEndTest {
    private static final LogOptions PREALLOCATING = new LogOptions(1 << 20, 64 << 10, true);

    @TempDir
    Path dir;

    private Path mark() {
        return dir.resolve(CleanEnd.FILE);
    }

    @Test
    void cleanCloseLeavesAMarkThatTheNextOpenUsesAndDeletes() throws IOException {
        try (FileTxnLog log = FileTxnLog.open(dir, PREALLOCATING)) {
            write(log, 1, 10);
        }
        assertTrue(Files.isRegularFile(mark()));

        try (FileTxnLog reopened = FileTxnLog.open(dir, PREALLOCATING)) {
            assertFalse(Files.exists(mark()), "an append after this open must not find an old mark");
            assertEquals(zxid(10), reopened.lastZxid());
            assertEquals(List.of(), reopened.openNotes());
            write(reopened, 11, 12);
        }
        try (FileTxnLog third = FileTxnLog.open(dir, PREALLOCATING)) {
            assertEquals(zxid(12), third.lastZxid());
            assertEquals(12, third.readAfter(Zxid.ZERO).size());
            write(third, 13, 13);
        }
        try (FileTxnLog fourth = FileTxnLog.open(dir, PREALLOCATING)) {
            assertEquals(13, fourth.readAfter(Zxid.ZERO).size());
        }
    }

    @Test
    void damageInsideTheNewestSegmentAfterACleanCloseIsNotMistakenForATornTail() throws IOException {
        try (FileTxnLog log = FileTxnLog.open(dir, PREALLOCATING)) {
            write(log, 1, 10);
        }
        LogFixture.flipBit(LogSegments.list(dir).get(0), offsetOf(1, 4) + LogSegments.RECORD_HEADER_BYTES + 3);

        try (FileTxnLog reopened = FileTxnLog.open(dir, PREALLOCATING)) {
            // Without the mark, open would have cut the log at record 4 and lost six synced txns as "torn".
            assertEquals(zxid(10), reopened.lastZxid());
            CorruptLogException refused = assertThrows(CorruptLogException.class,
                    () -> reopened.readAfter(Zxid.ZERO));
            assertTrue(refused.getMessage().contains("CRC mismatch in the record of zxid " + zxid(4)),
                    refused.getMessage());
            assertEquals(3, reopened.readAfter(zxid(7)).size(), "what a snapshot at 7 needs is intact");
        }
    }

    @Test
    void markTheSegmentDisagreesWithIsIgnored() throws IOException {
        try (FileTxnLog log = FileTxnLog.open(dir, PREALLOCATING)) {
            write(log, 1, 10);
        }
        // The segment lost its last bytes after the close (e.g. restored from an older copy): read it in full.
        Path segment = LogSegments.list(dir).get(0);
        LogFixture.setLength(segment, offsetOf(1, 10) + 5);

        try (FileTxnLog reopened = FileTxnLog.open(dir, PREALLOCATING)) {
            assertEquals(zxid(9), reopened.lastZxid());
            assertTrue(reopened.openNotes().get(0).contains("torn record"), reopened.openNotes().toString());
        }
    }

    @Test
    void markOfAnotherLengthOrWithABadCrcIsIgnoredAndDeleted() throws IOException {
        try (FileTxnLog log = FileTxnLog.open(dir, PREALLOCATING)) {
            write(log, 1, 3);
        }
        byte[] intact = Files.readAllBytes(mark());
        intact[20] ^= 1;
        Files.write(mark(), intact);
        assertTrue(CleanEnd.take(dir).isEmpty());
        assertFalse(Files.exists(mark()));
        Files.write(mark(), new byte[] {1, 2, 3});
        assertTrue(CleanEnd.take(dir).isEmpty());
        try (FileTxnLog reopened = FileTxnLog.open(dir, PREALLOCATING)) {
            assertEquals(zxid(3), reopened.lastZxid());
        }
    }

    @Test
    void logWhoseSyncsDoNotForceLeavesNoMark() throws IOException {
        try (FileTxnLog log = FileTxnLog.open(dir, new LogOptions(1 << 20, 0, false))) {
            write(log, 1, 3);
        }
        assertFalse(Files.exists(mark()));
    }
}
