package io.zakka.storage.txnlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zakka.protocol.Acl;
import io.zakka.protocol.Zxid;
import io.zakka.protocol.txn.Txn;
import io.zakka.protocol.txn.TxnEntry;
import io.zakka.protocol.txn.TxnHeader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rebase contract, the same for the file log and its in-memory twin (the entries before the base are dropped
 * and the chain continues after it), and the epoch rule of the chain as the file log enforces it on open and read.
 */
class TxnLogRebaseAndEpochTest {
    private static final LogOptions SMALL_SEGMENTS = new LogOptions(1_000, 0, true);

    @TempDir
    Path dir;

    private static TxnEntry entry(int epoch, int counter) {
        Txn txn = new Txn.CreateTxn("/e" + epoch + "-" + counter, "x".getBytes(StandardCharsets.UTF_8),
                Acl.OPEN_ACL_UNSAFE, 0L, counter);
        return new TxnEntry(new TxnHeader(7L, counter, new Zxid(epoch, counter), 1_000L), txn);
    }

    private static void write(TxnLog log, int epoch, int from, int to) throws IOException {
        for (int i = from; i <= to; i++) {
            log.append(entry(epoch, i));
        }
        log.sync();
    }

    private static void rebaseDropsTheOldEntriesAndContinuesAfterTheBase(TxnLog log) throws IOException {
        write(log, 1, 1, 5);
        log.rebase(new Zxid(1, 10));
        assertEquals(new Zxid(1, 10), log.lastZxid());
        assertEquals(new Zxid(1, 10), log.lastSyncedZxid());
        assertThrows(IllegalStateException.class, () -> log.append(entry(1, 6)), "the chain continues at the base");
        write(log, 1, 11, 12);
        assertEquals(List.of(new Zxid(1, 11), new Zxid(1, 12)),
                log.readAfter(new Zxid(1, 10)).stream().map(e -> e.header().zxid()).toList());
        assertThrows(CorruptLogException.class, () -> log.readAfter(new Zxid(1, 3)),
                "entries before the base are gone: a read from there finds the gap");
        assertThrows(IllegalStateException.class, () -> log.rebase(new Zxid(1, 11)), "only forward");
    }

    @Test
    void rebaseDropsTheOldEntriesAndContinuesAfterTheBaseInTheFileLog() throws IOException {
        try (FileTxnLog log = FileTxnLog.open(dir, SMALL_SEGMENTS)) {
            rebaseDropsTheOldEntriesAndContinuesAfterTheBase(log);
            assertEquals(List.of(dir.resolve(LogSegments.fileName(new Zxid(1, 11)))), LogSegments.list(dir));
        }
    }

    @Test
    void rebaseDropsTheOldEntriesAndContinuesAfterTheBaseInTheInMemoryTwin() throws IOException {
        rebaseDropsTheOldEntriesAndContinuesAfterTheBase(new InMemoryTxnLog());
    }

    @Test
    void rebasedFileLogReopensAfterARestart() throws IOException {
        try (FileTxnLog log = FileTxnLog.open(dir, SMALL_SEGMENTS)) {
            write(log, 1, 1, 5);
            log.rebase(new Zxid(1, 10));
            write(log, 1, 11, 12);
        }
        // Before rebase dropped the old segments, this open found a hole between 0x100000005 and 0x10000000b.
        try (FileTxnLog reopened = FileTxnLog.open(dir, SMALL_SEGMENTS)) {
            assertEquals(new Zxid(1, 12), reopened.lastZxid());
            assertEquals(2, reopened.readAfter(new Zxid(1, 10)).size());
            assertEquals(List.of(), reopened.openNotes());
        }
    }

    private static void truncateAfterARebaseKeepsTheChainAtTheBase(TxnLog log) throws IOException {
        log.rebase(new Zxid(1, 10));
        write(log, 1, 11, 12);
        log.truncate(new Zxid(1, 10));
        assertEquals(new Zxid(1, 10), log.lastZxid());
        write(log, 1, 11, 11);
        log.truncate(new Zxid(1, 4));
        assertEquals(new Zxid(1, 4), log.lastZxid(), "truncated below the base: the chain goes on from there");
        write(log, 1, 5, 5);
        assertEquals(1, log.readAfter(new Zxid(1, 4)).size());
    }

    @Test
    void truncateAfterARebaseKeepsTheChainAtTheBaseInTheFileLog() throws IOException {
        try (FileTxnLog log = FileTxnLog.open(dir, SMALL_SEGMENTS)) {
            truncateAfterARebaseKeepsTheChainAtTheBase(log);
        }
    }

    @Test
    void truncateAfterARebaseKeepsTheChainAtTheBaseInTheInMemoryTwin() throws IOException {
        truncateAfterARebaseKeepsTheChainAtTheBase(new InMemoryTxnLog());
    }

    @Test
    void newEpochStartingAtCounterOneIsAValidChainAcrossSegments() throws IOException {
        try (FileTxnLog log = FileTxnLog.open(dir, SMALL_SEGMENTS)) {
            write(log, 1, 1, 5);
            log.roll();
            write(log, 3, 1, 3);
            log.roll();
            write(log, 3, 4, 4);
        }
        try (FileTxnLog reopened = FileTxnLog.open(dir, SMALL_SEGMENTS)) {
            assertEquals(List.of(), reopened.openNotes());
            assertEquals(new Zxid(3, 4), reopened.lastZxid());
            assertEquals(9, reopened.readAfter(Zxid.ZERO).size());
            assertEquals(4, reopened.readAfter(new Zxid(1, 5)).size());
        }
    }

    @Test
    void appendRefusesANewEpochThatDoesNotStartAtCounterOne() throws IOException {
        try (FileTxnLog log = FileTxnLog.open(dir, SMALL_SEGMENTS)) {
            write(log, 1, 1, 5);
            assertThrows(IllegalStateException.class, () -> log.append(entry(2, 6)));
            assertThrows(IllegalStateException.class, () -> log.append(entry(2, 2)));
        }
    }

    @Test
    void segmentOfANewEpochThatStartsPastCounterOneIsAMissingSegment() throws IOException {
        try (FileTxnLog log = FileTxnLog.open(dir, SMALL_SEGMENTS)) {
            write(log, 1, 1, 5);
        }
        Path other = dir.resolveSibling(dir.getFileName() + "-other");
        try (FileTxnLog log = FileTxnLog.open(other, SMALL_SEGMENTS)) {
            log.rebase(new Zxid(2, 1));
            write(log, 2, 2, 3);
        }
        Path segment = LogSegments.list(other).get(0);
        Files.copy(segment, dir.resolve(segment.getFileName()));
        CorruptLogException missing = assertThrows(CorruptLogException.class,
                () -> FileTxnLog.open(dir, SMALL_SEGMENTS));
        assertTrue(missing.getMessage().contains("starts at 0x200000002 but the previous segment ends at 0x100000005"),
                missing.getMessage());
    }
}
