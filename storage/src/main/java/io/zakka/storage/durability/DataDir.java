package io.zakka.storage.durability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The layout of a server's data dir:
 * <pre>
 * DIR/server-id        the id of the server that owns the dir, as decimal text and a newline
 * DIR/log/log.&lt;zxid&gt;    txn log segments (see io.zakka.storage.txnlog.LogSegments)
 * DIR/snapshot/snapshot.&lt;zxid&gt;   snapshots (see io.zakka.storage.snapshot.SnapshotFormat)
 * </pre>
 * A dir is claimed by writing {@code server-id} (atomically) when a server first starts in it; a server with
 * another id refuses to use it, so two servers never share or swap their logs by a configuration slip.
 */
public final class DataDir {
    public static final String SERVER_ID_FILE = "server-id";

    private final Path root;

    public DataDir(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public Path logDir() {
        return root.resolve("log");
    }

    public Path snapshotDir() {
        return root.resolve("snapshot");
    }

    /**
     * Claims the dir for {@code serverId}, or checks that it is this server's.
     *
     * @return true when the dir was claimed now (it was new)
     * @throws DataDirException when the dir belongs to another server, or holds data but no server-id file
     */
    public boolean claim(int serverId) throws IOException {
        Files.createDirectories(root);
        Path idFile = root.resolve(SERVER_ID_FILE);
        if (Files.exists(idFile)) {
            String text = Files.readString(idFile, StandardCharsets.UTF_8).trim();
            if (!text.equals(Integer.toString(serverId))) {
                throw new DataDirException("data dir " + root + " belongs to server id " + text + ", but this is"
                        + " server " + serverId + ". Give this server its own data dir (zakka.data-dir), or set"
                        + " zakka.server-id to " + text + " if this really is that server");
            }
            return false;
        }
        if (Files.isDirectory(logDir()) || Files.isDirectory(snapshotDir())) {
            throw new DataDirException("data dir " + root + " holds a log or snapshot directory but no "
                    + SERVER_ID_FILE + " file, so it is not known whose data this is. If it is this server's,"
                    + " write its id into " + idFile + " (e.g. `echo " + serverId + " > " + idFile + "`)");
        }
        Path temp = root.resolve(SERVER_ID_FILE + ".tmp");
        Files.writeString(temp, serverId + "\n", StandardCharsets.UTF_8);
        try (var channel = java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(temp, idFile, StandardCopyOption.ATOMIC_MOVE);
        Fsync.directory(root);
        return true;
    }
}
