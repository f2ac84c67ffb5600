package io.zakka.storage.snapshot;

import io.zakka.protocol.Zxid;
import io.zakka.storage.durability.CrashPoints;
import io.zakka.storage.durability.Fsync;
import io.zakka.storage.tree.DataTree;
import io.zakka.storage.tree.NodeImage;
import io.zakka.storage.tree.TreeLoader;
import java.io.DataOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * Snapshots as files in one directory (format: {@link SnapshotFormat}). Written atomically: temp file,
 * fsync, rename, directory fsync (ZOOKEEPER-2872: a partial snapshot must never be trusted). Loading tries
 * the newest first and skips a file that fails any check for the one before it. Leftover temp files of a
 * server that died while writing are deleted when the store is opened.
 */
public final class FileSnapshotStore implements SnapshotStore {
    private final Path dir;

    private FileSnapshotStore(Path dir) {
        this.dir = dir;
    }

    public static FileSnapshotStore open(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Path temp : SnapshotFiles.temps(dir)) {
            Files.delete(temp);
        }
        return new FileSnapshotStore(dir);
    }

    public Path directory() {
        return dir;
    }

    @Override
    public Writer begin(Zxid zxid, Map<Long, Integer> sessionTimeouts, int nodeCount) throws IOException {
        return new FileWriter(zxid, sessionTimeouts, nodeCount);
    }

    @Override
    public Loaded loadLatestValid() throws IOException {
        List<String> skipped = new ArrayList<>();
        for (Path file : SnapshotFiles.list(dir)) {
            try {
                TreeLoader[] loader = {null};
                SnapshotReader.read(file,
                        header -> loader[0] = new TreeLoader(header.zxid(), header.sessionTimeouts(),
                                header.nodeCount()),
                        node -> loader[0].add(node));
                DataTree tree = loader[0].finish();
                return new Loaded(tree, List.copyOf(skipped));
            } catch (IOException | IllegalStateException e) {
                skipped.add(file.getFileName() + ": " + e.getMessage());
            }
        }
        return new Loaded(null, List.copyOf(skipped));
    }

    @Override
    public List<Zxid> list() throws IOException {
        List<Zxid> zxids = new ArrayList<>();
        for (Path file : SnapshotFiles.list(dir)) {
            zxids.add(SnapshotFiles.zxidOf(file));
        }
        return zxids;
    }

    @Override
    public List<Zxid> purge(int keep) throws IOException {
        if (keep < 1) {
            throw new IllegalArgumentException("keep at least one snapshot: " + keep);
        }
        List<Path> files = SnapshotFiles.list(dir);
        List<Zxid> deleted = new ArrayList<>();
        for (Path file : files.subList(Math.min(keep, files.size()), files.size())) {
            Files.delete(file);
            deleted.add(SnapshotFiles.zxidOf(file));
            CrashPoints.reach(CrashPoints.Point.RETENTION_SNAPSHOT_DELETED);
        }
        if (!deleted.isEmpty()) {
            Fsync.directory(dir);
        }
        return deleted;
    }

    /** Streams nodes to the temp file; commit adds the trailer and publishes it atomically. */
    private final class FileWriter implements Writer {
        private final Zxid zxid;
        private final int nodeCount;
        private final Path temp;
        private final FileOutputStream file;
        private final CRC32C crc = new CRC32C();
        private final SnapshotFormat.AclTable acls = new SnapshotFormat.AclTable();
        private final ChecksummedOutput out;
        private int written;
        private boolean closed;

        FileWriter(Zxid zxid, Map<Long, Integer> sessionTimeouts, int nodeCount) throws IOException {
            this.zxid = zxid;
            this.nodeCount = nodeCount;
            this.temp = Files.createTempFile(dir, SnapshotFiles.fileName(zxid) + ".", ".tmp");
            this.file = new FileOutputStream(temp.toFile());
            // The CRC is taken as the buffer goes out, in big chunks; commit flushes before it writes the CRC itself.
            this.out = new ChecksummedOutput(file, crc);
            SnapshotFormat.writeHeader(out, zxid, sessionTimeouts, nodeCount);
        }

        @Override
        public void write(List<NodeImage> nodes) throws IOException {
            for (NodeImage node : nodes) {
                SnapshotFormat.writeNode(out, node, acls);
            }
            written += nodes.size();
        }

        @Override
        public Zxid commit() throws IOException {
            if (written != nodeCount) {
                abort();
                throw new IllegalStateException("snapshot at " + zxid + " announced " + nodeCount + " nodes, got "
                        + written);
            }
            out.writeInt(SnapshotFormat.END_MAGIC);
            out.flush();
            new DataOutputStream(file).writeInt((int) crc.getValue());
            CrashPoints.reach(CrashPoints.Point.SNAPSHOT_WRITTEN);
            file.getChannel().force(true);
            CrashPoints.reach(CrashPoints.Point.SNAPSHOT_SYNCED);
            file.close();
            closed = true;
            Files.move(temp, dir.resolve(SnapshotFiles.fileName(zxid)), StandardCopyOption.ATOMIC_MOVE);
            CrashPoints.reach(CrashPoints.Point.SNAPSHOT_RENAMED);
            Fsync.directory(dir);
            return zxid;
        }

        @Override
        public void abort() {
            try {
                if (!closed) {
                    file.close();
                    closed = true;
                }
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // The temp file is deleted when the store is next opened; nothing was published.
                closed = true;
            }
        }
    }
}
