package io.zakka.storage.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zakka.protocol.Acl;
import io.zakka.protocol.Zxid;
import io.zakka.protocol.txn.Txn;
import io.zakka.protocol.txn.TxnEntry;
import io.zakka.protocol.txn.TxnHeader;
import io.zakka.storage.durability.DataDir;
import io.zakka.storage.durability.Recovery;
import io.zakka.storage.snapshot.SnapshotFiles;
import io.zakka.storage.snapshot.SnapshotStore;
import io.zakka.storage.txnlog.FileTxnLog;
import io.zakka.storage.txnlog.LogOptions;
import io.zakka.storage.txnlog.LogSegments;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator tools: dumps print every record and summary, verify finds every broken CRC and chain gap. */
class DataDirToolsTest {
    private static final LogOptions SMALL = new LogOptions(600, 0, true);

    @TempDir
    Path root;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private void populate() throws IOException {
        Recovery.Recovered recovered = Recovery.recover(new DataDir(root), 1, SMALL);
        for (int i = 1; i <= 30; i++) {
            TxnEntry entry = new TxnEntry(new TxnHeader(9L, i, new Zxid(0, i), 1_000L),
                    new Txn.CreateTxn("/k" + i, ("v" + i).getBytes(StandardCharsets.UTF_8), Acl.OPEN_ACL_UNSAFE, 0L,
                            i));
            recovered.tree().apply(entry);
            recovered.log().append(entry);
        }
        recovered.log().sync();
        SnapshotStore.save(recovered.snapshots(), recovered.tree());
        recovered.log().close();
    }

    @Test
    void logDumpPrintsEveryTxn() throws IOException {
        populate();
        assertEquals(30, DataDirTools.logDump(root, out));
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("0x1e @"), text);
        assertTrue(text.contains("create /k30 'v30' (3 B)"), text);
    }

    @Test
    void snapshotDumpSummarisesAndChecksTheCrc() throws IOException {
        populate();
        Path snapshot = root.resolve("snapshot").resolve(SnapshotFiles.fileName(new Zxid(0, 30)));
        DataDirTools.snapshotDump(snapshot, out, true);
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("zxid 0x1e, CRC ok"), text);
        assertTrue(text.contains("34 nodes (0 ephemeral), 81 data bytes, 0 sessions"), text);
        assertTrue(text.contains("  /k7 czxid 0x7"), text);
    }

    @Test
    void verifyReportsNothingForAHealthyDirAndEveryDamageOtherwise() throws IOException {
        populate();
        assertEquals(List.of(), DataDirTools.verify(root, out));
        List<Path> segments = LogSegments.list(root.resolve("log"));
        assertTrue(segments.size() >= 3, segments.toString());
        Files.delete(segments.get(1));
        long[] third = {0};
        LogSegments.scan(segments.get(0), (offset, zxid, payload) -> {
            if (zxid.counter() == 3) {
                third[0] = offset;
            }
        });
        assertTrue(third[0] > 0, "the first segment holds zxid 0x3");
        flip(segments.get(0), third[0] + 20);
        flip(root.resolve("snapshot").resolve(SnapshotFiles.fileName(new Zxid(0, 30))), 40);

        List<String> problems = DataDirTools.verify(root, out);
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith(SnapshotFiles.fileName(new Zxid(0, 30))), problems.toString());
        assertTrue(problems.get(1).contains("CRC mismatch in the record of zxid 0x3"), problems.toString());
        assertTrue(problems.get(2).startsWith("gap in the zxid chain"), problems.toString());
    }

    @Test
    void verifyAcceptsANewEpochAtCounterOneAndReportsOneThatStartsLater() throws IOException {
        Recovery.Recovered recovered = Recovery.recover(new DataDir(root), 1, SMALL);
        for (Zxid zxid : List.of(new Zxid(0, 1), new Zxid(0, 2), new Zxid(4, 1), new Zxid(4, 2))) {
            TxnEntry entry = new TxnEntry(new TxnHeader(9L, zxid.counter(), zxid, 1_000L),
                    new Txn.CreateTxn("/e" + zxid.toLong(), new byte[0], Acl.OPEN_ACL_UNSAFE, 0L, 1));
            recovered.log().append(entry);
        }
        recovered.log().close();
        assertEquals(List.of(), DataDirTools.verify(root, out));

        Path other = root.resolveSibling(root.getFileName() + "-other");
        try (FileTxnLog log = FileTxnLog.open(other, SMALL)) {
            log.rebase(new Zxid(5, 1));
            log.append(new TxnEntry(new TxnHeader(9L, 2, new Zxid(5, 2), 1_000L),
                    new Txn.CreateTxn("/late", new byte[0], Acl.OPEN_ACL_UNSAFE, 0L, 1)));
        }
        Path late = LogSegments.list(other).get(0);
        Files.copy(late, root.resolve("log").resolve(late.getFileName()));
        List<String> problems = DataDirTools.verify(root, out);
        assertEquals(List.of("gap in the zxid chain: 0x400000002 then 0x500000002 in " + late.getFileName()),
                problems);
    }

    private static void flip(Path file, long offset) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(offset);
            int b = raf.read();
            raf.seek(offset);
            raf.write(b ^ 0x01);
        }
    }
}
