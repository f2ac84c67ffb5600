package io.zakka.storage.snapshot;

import io.zakka.storage.tree.NodeImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/** Reads a snapshot file and checks it completely: header, every node, end magic, CRC and trailing bytes. */
public final class SnapshotReader {

    private SnapshotReader() {
    }

    /**
     * Feeds the header and then every node to the consumers, and throws {@link IOException} (with the
     * reason) if anything about the file is wrong. The consumers may have seen nodes of an invalid file, so a
     * caller keeps what it built only when this returns normally.
     */
    public static SnapshotFormat.Header read(Path file, Consumer<SnapshotFormat.Header> onHeader,
                                             Consumer<NodeImage> onNode) throws IOException {
        CRC32C crc = new CRC32C();
        long size = Files.size(file);
        // The CRC is taken as the buffer fills, in big chunks, over every byte but the last four (the stored CRC).
        try (ChecksummedInput in = new ChecksummedInput(Files.newInputStream(file), crc, size - Integer.BYTES)) {
            SnapshotFormat.Header header = SnapshotFormat.readHeader(in);
            String expected = SnapshotFiles.fileName(header.zxid());
            if (!expected.equals(file.getFileName().toString())) {
                throw new IOException("holds zxid " + header.zxid() + " but is named " + file.getFileName());
            }
            onHeader.accept(header);
            SnapshotFormat.AclTable acls = new SnapshotFormat.AclTable();
            for (int i = 0; i < header.nodeCount(); i++) {
                onNode.accept(SnapshotFormat.readNode(in, acls));
            }
            if (in.readInt() != SnapshotFormat.END_MAGIC) {
                throw new IOException("no end marker after " + header.nodeCount() + " nodes");
            }
            int computed = (int) crc.getValue();
            int stored = in.readInt();
            if (computed != stored) {
                throw new IOException(String.format("CRC mismatch: stored %08x, computed %08x", stored, computed));
            }
            if (!in.atEnd()) {
                throw new IOException("bytes after the trailer");
            }
            return header;
        } catch (java.io.EOFException e) {
            throw new IOException("truncated", e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IOException("malformed: " + e.getMessage(), e);
        }
    }
}
