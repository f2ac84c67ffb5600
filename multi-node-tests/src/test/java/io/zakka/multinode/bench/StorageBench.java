package io.zakka.multinode.bench;

import io.zakka.protocol.Acl;
import io.zakka.protocol.Zxid;
import io.zakka.protocol.txn.Txn;
import io.zakka.protocol.txn.TxnEntry;
import io.zakka.protocol.txn.TxnHeader;
import io.zakka.storage.durability.DataDir;
import io.zakka.storage.durability.Recovery;
import io.zakka.storage.snapshot.FileSnapshotStore;
import io.zakka.storage.snapshot.SnapshotStore;
import io.zakka.storage.tree.DataTree;
import io.zakka.storage.tree.NodeImage;
import io.zakka.storage.tree.SnapshotCursor;
import io.zakka.storage.txnlog.FileTxnLog;
import io.zakka.storage.txnlog.LogOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Storage-level durability figures (a main, not a test): snapshot of 1,000,000 znodes while writes continue
 * (snapshot time, longest pause of the tree's owner), and recovery of 200,000 znodes of 100 B from a snapshot
 * plus a 20,000-txn log, and of 1,000,000 znodes.
 *
 * <pre>
 * mvn -q -o test-compile -pl multi-node-tests
 * java -Xmx1g -cp multi-node-tests/target/test-classes:$(cat multi-node-tests/target/classpath.txt) \
 *     io.zakka.multinode.bench.StorageBench snapshot|recovery|recover-1m DIR
 * </pre>
 */
public final class StorageBench {
    private static final byte[] DATA = new byte[100];
    private static final int FANOUT = 1000;

    private StorageBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 1 ? args[1] : "target/storage-bench");
        switch (args.length > 0 ? args[0] : "all") {
            case "snapshot" -> snapshotWhileWriting(dir.resolve("snapshot"), 1_000_000);
            case "recovery" -> recovery(dir.resolve("recovery"), 200_000, 20_000);
            case "recover-1m" -> recovery(dir.resolve("recover-1m"), 1_000_000, 20_000);
            default -> {
                snapshotWhileWriting(dir.resolve("snapshot"), 1_000_000);
                recovery(dir.resolve("recovery"), 200_000, 20_000);
            }
        }
    }

    /** Creates /p{i}/c{j} nodes (1000 per parent) of 100 B, counters starting after {@code zxid}. */
    static final class Builder {
        final DataTree tree;
        Zxid zxid;
        int parents;
        int children;

        Builder(DataTree tree) {
            this.tree = tree;
            this.zxid = tree.lastAppliedZxid();
        }

        TxnEntry nextCreate() {
            Txn txn;
            if (children % FANOUT == 0 && children / FANOUT == parents) {
                txn = new Txn.CreateTxn("/p" + parents, DATA, Acl.OPEN_ACL_UNSAFE, 0L,
                        tree.meta("/").childCreations() + 1);
                parents++;
            } else {
                int parent = children / FANOUT;
                txn = new Txn.CreateTxn("/p" + parent + "/c" + children, DATA, Acl.OPEN_ACL_UNSAFE, 0L,
                        children % FANOUT + 1);
                children++;
            }
            zxid = zxid.next();
            return new TxnEntry(new TxnHeader(1L, 1, zxid, 1_700_000_000_000L), txn);
        }

        TxnEntry setData(SplittableRandom random, int version) {
            int child = random.nextInt(children);
            zxid = zxid.next();
            return new TxnEntry(new TxnHeader(1L, 1, zxid, 1_700_000_000_000L),
                    new Txn.SetDataTxn("/p" + child / FANOUT + "/c" + child, DATA, version));
        }
    }

    private static Builder build(DataTree tree, int nodes) {
        Builder builder = new Builder(tree);
        while (tree.nodeCount() < nodes) {
            tree.apply(builder.nextCreate());
        }
        return builder;
    }

    private static void snapshotWhileWriting(Path dir, int nodes) throws Exception {
        clean(dir);
        FileSnapshotStore store = FileSnapshotStore.open(dir);
        long t0 = System.nanoTime();
        DataTree tree = new DataTree();
        Builder builder = build(tree, nodes);
        System.out.printf("built a tree of %,d znodes in %d ms; heap used %d MB%n", tree.nodeCount(),
                ms(t0), usedMb());
        SplittableRandom random = new SplittableRandom(1);
        BlockingQueue<List<NodeImage>> queue = new ArrayBlockingQueue<>(2);
        SnapshotCursor cursor = tree.openSnapshot();
        SnapshotStore.Writer writer = store.begin(cursor.zxid(), cursor.sessionTimeouts(), cursor.nodeCount());
        Thread writerThread = new Thread(() -> drain(queue, writer), "snapshot-writer");
        long start = System.nanoTime();
        writerThread.start();
        long longest = 0;
        List<Long> pauses = new java.util.ArrayList<>();
        int writes = 0;
        int[] versions = new int[nodes];
        while (!cursor.isDone()) {
            long sliceStart = System.nanoTime();
            List<NodeImage> slice = cursor.next(1000);
            long pause = System.nanoTime() - sliceStart;
            longest = Math.max(longest, pause);
            pauses.add(pause);
            queue.put(slice);
            for (int i = 0; i < 20; i++) {
                TxnEntry entry = builder.setData(random, 0);
                String path = ((Txn.SetDataTxn) entry.txn()).path();
                int index = Integer.parseInt(path.substring(path.lastIndexOf('c') + 1));
                tree.apply(new TxnEntry(entry.header(), new Txn.SetDataTxn(path, DATA, ++versions[index])));
                writes++;
            }
        }
        queue.put(List.of());
        writerThread.join();
        pauses.sort(null);
        System.out.printf("tree-owner pause per slice: median %.3f ms, p99 %.3f ms, p99.9 %.3f ms, max %.2f ms"
                + " (max includes GC and JIT)%n", pauses.get(pauses.size() / 2) / 1e6,
                pauses.get(pauses.size() * 99 / 100) / 1e6, pauses.get(pauses.size() * 999 / 1000) / 1e6,
                longest / 1e6);
        System.out.printf("snapshot of %,d znodes: %d ms, %,d writes applied meanwhile, longest pause of the tree"
                + " owner %.2f ms (slices of 1000 nodes); file %d MB%n", cursor.nodeCount(), ms(start), writes,
                longest / 1e6, Files.size(store.directory().resolve(io.zakka.storage.snapshot.SnapshotFiles
                        .fileName(cursor.zxid()))) >> 20);
    }

    private static void drain(BlockingQueue<List<NodeImage>> queue, SnapshotStore.Writer writer) {
        try {
            for (List<NodeImage> slice = queue.poll(60, TimeUnit.SECONDS); slice != null && !slice.isEmpty();
                 slice = queue.poll(60, TimeUnit.SECONDS)) {
                writer.write(slice);
            }
            writer.commit();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void recovery(Path dir, int nodes, int logTxns) throws IOException {
        clean(dir);
        DataDir dataDir = new DataDir(dir);
        int expected = prepare(dataDir, nodes, logTxns);
        System.gc();
        long start = System.nanoTime();
        Recovery.Recovered recovered = Recovery.recover(dataDir, 0, LogOptions.DEFAULTS);
        long millis = ms(start);
        recovered.log().close();
        if (recovered.tree().nodeCount() != expected) {
            throw new IllegalStateException("recovered " + recovered.tree().nodeCount() + " of " + expected);
        }
        System.gc();
        System.out.printf("recovery of %,d znodes of 100 B (snapshot + %,d-txn log): %d ms; heap used after GC %d MB"
                + " of max %d MB; %s%n", expected, recovered.replayed(), millis, usedMb(),
                Runtime.getRuntime().maxMemory() >> 20, recovered.notes());
    }

    /** Writes a snapshot of {@code nodes - logTxns/2} znodes and a log of {@code logTxns}; the tree is dropped. */
    public static int prepare(DataDir dataDir, int nodes, int logTxns) throws IOException {
        Recovery.Recovered fresh = Recovery.recover(dataDir, 0, LogOptions.DEFAULTS);
        Builder builder = build(fresh.tree(), nodes - logTxns / 2);
        SnapshotStore.save(fresh.snapshots(), fresh.tree());
        fresh.log().rebase(fresh.tree().lastAppliedZxid());
        FileTxnLog log = fresh.log();
        SplittableRandom random = new SplittableRandom(2);
        for (int i = 0; i < logTxns; i++) {
            TxnEntry entry = i % 2 == 0 ? builder.nextCreate() : builder.setData(random, 0);
            if (entry.txn() instanceof Txn.SetDataTxn set) {
                int version = fresh.tree().meta(set.path()).stat().version() + 1;
                entry = new TxnEntry(entry.header(), new Txn.SetDataTxn(set.path(), DATA, version));
            }
            fresh.tree().apply(entry);
            log.append(entry);
        }
        // As a server leaves its log: synced. Unsynced, the first launch on the dir waited for the page cache to
        // write the whole log back when it first synced, and measured the disk instead of the start-up.
        log.sync();
        log.close();
        return fresh.tree().nodeCount();
    }

    public static void clean(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(dir);
    }

    private static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static long usedMb() {
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) >> 20;
    }
}
