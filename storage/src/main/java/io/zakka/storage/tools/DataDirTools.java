package io.zakka.storage.tools;

import io.zakka.protocol.Zxid;
import io.zakka.protocol.txn.Txn;
import io.zakka.protocol.txn.TxnEntry;
import io.zakka.storage.durability.DataDir;
import io.zakka.storage.snapshot.SnapshotFiles;
import io.zakka.storage.snapshot.SnapshotFormat;
import io.zakka.storage.snapshot.SnapshotReader;
import io.zakka.storage.txnlog.CorruptLogException;
import io.zakka.storage.txnlog.LogSegments;
import io.zakka.storage.txnlog.TxnCodec;
import io.zakka.storage.txnlog.Zxids;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Operator tools over a data dir (ZooKeeper's LogFormatter, SnapshotFormatter and a checker): they only read.
 * {@code bin/zakka log-dump DIR|FILE}, {@code bin/zakka snapshot-dump FILE}, {@code bin/zakka verify DIR}.
 */
public final class DataDirTools {

    private DataDirTools() {
    }

    /** Prints every record of a segment, or of every segment of a data dir or log dir; returns the record count. */
    public static int logDump(Path target, PrintStream out) throws IOException {
        int records = 0;
        for (Path segment : segments(target)) {
            out.println("segment " + segment);
            LogSegments.Scan scan = LogSegments.scan(segment, (offset, zxid, payload) -> {
                TxnEntry entry = TxnCodec.decode(payload);
                out.printf("  %s @%d session 0x%x cxid %d time %d %s%n", zxid, offset, entry.header().sessionId(),
                        entry.header().cxid(), entry.header().timeMs(), describe(entry.txn()));
            });
            records += scan.records();
            out.printf("  %d records, data ends at offset %d of %d bytes%s%n", scan.records(), scan.validEnd(),
                    scan.fileSize(), scan.clean() ? "" : ": INVALID RECORD (" + scan.problem() + ")");
        }
        return records;
    }

    private static List<Path> segments(Path target) throws IOException {
        if (Files.isRegularFile(target)) {
            return List.of(target);
        }
        Path logDir = Files.isDirectory(target.resolve("log")) ? target.resolve("log") : target;
        return LogSegments.list(logDir);
    }

    /** Prints a summary of a snapshot (header, sessions, node counts by kind, data bytes) and checks its CRC. */
    public static void snapshotDump(Path file, PrintStream out, boolean nodes) throws IOException {
        long[] totals = new long[3];
        SnapshotFormat.Header header = SnapshotReader.read(file, h -> { }, node -> {
            totals[0]++;
            totals[1] += node.data() == null ? 0 : node.data().length;
            totals[2] += io.zakka.protocol.EphemeralOwner.isEphemeral(node.ephemeralOwner()) ? 1 : 0;
            if (nodes) {
                out.printf("  %s czxid %s mzxid %s pzxid %s version %d cversion-counter %d aversion %d owner 0x%x"
                                + " acl %s data %d B%n", node.path(), Zxid.of(node.czxid()), Zxid.of(node.mzxid()),
                        Zxid.of(node.pzxid()), node.version(), node.childCreations(), node.aversion(),
                        node.ephemeralOwner(), node.acl(), node.data() == null ? 0 : node.data().length);
            }
        });
        out.println("snapshot " + file.getFileName() + ": zxid " + header.zxid() + ", CRC ok");
        out.printf("  %d nodes (%d ephemeral), %d data bytes, %d sessions%n", totals[0], totals[2], totals[1],
                header.sessionTimeouts().size());
        for (Map.Entry<Long, Integer> session : new TreeMap<>(header.sessionTimeouts()).entrySet()) {
            out.printf("  session 0x%x timeout %d ms%n", session.getKey(), session.getValue());
        }
    }

    /**
     * Checks every snapshot CRC, every log record CRC and the zxid chain within and across segments, and that
     * the newest valid snapshot is covered by the log. Prints one line per file; returns the problems found.
     */
    public static List<String> verify(Path dataDir, PrintStream out) throws IOException {
        DataDir dir = new DataDir(dataDir);
        List<String> problems = new ArrayList<>();
        Zxid newestValidSnapshot = null;
        for (Path snapshot : SnapshotFiles.list(dir.snapshotDir())) {
            try {
                SnapshotFormat.Header header = SnapshotReader.read(snapshot, h -> { }, node -> { });
                out.println("ok       " + snapshot.getFileName() + " (" + header.nodeCount() + " nodes)");
                newestValidSnapshot = newestValidSnapshot == null ? header.zxid() : newestValidSnapshot;
            } catch (IOException e) {
                problems.add(snapshot.getFileName() + ": " + e.getMessage());
                out.println("INVALID  " + snapshot.getFileName() + ": " + e.getMessage());
            }
        }
        verifyLog(dir.logDir(), newestValidSnapshot, problems, out);
        out.println(problems.isEmpty() ? "verify: no problems" : "verify: " + problems.size() + " problem(s)");
        return problems;
    }

    private static void verifyLog(Path logDir, Zxid snapshot, List<String> problems, PrintStream out)
            throws IOException {
        List<Path> segments = LogSegments.list(logDir);
        Zxid previous = null;
        for (int i = 0; i < segments.size(); i++) {
            Path segment = segments.get(i);
            LogSegments.Scan scan;
            try {
                scan = LogSegments.scan(segment, (offset, zxid, payload) -> TxnCodec.decode(payload));
            } catch (CorruptLogException e) {
                problems.add(e.getMessage());
                out.println("INVALID  " + e.getMessage());
                continue;
            }
            String status = scan.clean() ? "ok      " : (i == segments.size() - 1 ? "TORN    " : "INVALID ");
            out.printf("%s %s (%d records, %s..%s)%s%n", status, segment.getFileName(), scan.records(),
                    scan.firstZxid(), scan.lastZxid(), scan.clean() ? "" : ": " + scan.problem());
            if (!scan.clean() && i < segments.size() - 1) {
                problems.add(segment.getFileName() + ": " + scan.problem());
            }
            if (previous != null && !scan.isEmpty() && !Zxids.follows(previous, scan.firstZxid())) {
                problems.add("gap in the zxid chain: " + previous + " then " + scan.firstZxid() + " in "
                        + segment.getFileName());
            }
            previous = scan.isEmpty() ? previous : scan.lastZxid();
        }
        if (snapshot != null && !segments.isEmpty()) {
            Zxid first = LogSegments.nameZxid(segments.get(0));
            if (first.isAfter(snapshot) && !Zxids.follows(snapshot, first)) {
                problems.add("the log starts at " + first + ", after the newest valid snapshot " + snapshot);
            }
        }
    }

    private static String describe(Txn txn) {
        if (txn instanceof Txn.CreateTxn c) {
            return "create " + c.path() + " " + text(c.data()) + " owner 0x" + Long.toHexString(c.ephemeralOwner())
                    + " parentCversion " + c.parentCversion() + " acl " + c.acl();
        }
        if (txn instanceof Txn.SetDataTxn s) {
            return "setData " + s.path() + " " + text(s.data()) + " version " + s.version();
        }
        if (txn instanceof Txn.MultiTxn m) {
            return "multi " + m.txns().stream().map(DataDirTools::describe).toList();
        }
        return txn.toString();
    }

    private static String text(byte[] data) {
        if (data == null) {
            return "null";
        }
        String shown = data.length <= 32 ? new String(data, StandardCharsets.UTF_8)
                : new String(Arrays.copyOf(data, 32), StandardCharsets.UTF_8) + "...";
        return "'" + shown.replaceAll("\\p{Cntrl}", "?") + "' (" + data.length + " B)";
    }
}
