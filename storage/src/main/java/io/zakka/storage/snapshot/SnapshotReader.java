package io.zakka.storage.snapshot;

import io.zakka.storage.tree.NodeImage;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/** Reads a snapshot file and checks it completely: header, every node, end magic, CRC and trailing bytes. */
public final class SnapshotReader {

    private SnapshotReader() {
    }

    /** Passes bytes through, adding the first {@code limit} of them to the checksum. */
    private static final class PrefixChecksum extends FilterInputStream {
        private final CRC32C crc;
        private long remaining;

        PrefixChecksum(InputStream in, CRC32C crc, long limit) {
            super(in);
            this.crc = crc;
            this.remaining = Math.max(0, limit);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0 && remaining > 0) {
                crc.update(b);
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int count = in.read(buffer, offset, length);
            if (count > 0 && remaining > 0) {
                int checked = (int) Math.min(count, remaining);
                crc.update(buffer, offset, checked);
                remaining -= checked;
            }
            return count;
        }

        @Override
        public long skip(long n) throws IOException {
            throw new IOException("a checksummed stream is never skipped");
        }
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
        // The CRC is taken below the buffer, in big chunks, over every byte but the last four (the stored CRC).
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(
                     new PrefixChecksum(raw, crc, size - Integer.BYTES), 1 << 16))) {
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
            if (in.read() != -1) {
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
