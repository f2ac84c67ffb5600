package io.zakka.storage.snapshot;

import io.zakka.storage.tree.NodeImage;
import java.io.DataInputStream;
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

    /** Read-ahead size: large reads keep the syscalls and the checksum calls few (a snapshot is tens of MB). */
    private static final int BUFFER_BYTES = 1 << 20;

    /**
     * A buffered stream over the file that adds the first {@code checked} bytes of the file to the checksum as
     * it refills its buffer. Unlike BufferedInputStream its single-byte reads are not synchronized: the parse
     * reads every int of the file through them ({@link DataInputStream#readInt}), and the locking was the largest
     * cost of recovery. One thread reads it, the one that runs {@link #read}.
     */
    private static final class ChecksummedInput extends InputStream {
        private final InputStream file;
        private final CRC32C crc;
        private final byte[] buffer = new byte[BUFFER_BYTES];
        private long unchecked;
        private int position;
        private int filled;

        ChecksummedInput(InputStream file, CRC32C crc, long checked) {
            this.file = file;
            this.crc = crc;
            this.unchecked = Math.max(0, checked);
        }

        @Override
        public int read() throws IOException {
            if (position == filled && !fill()) {
                return -1;
            }
            return buffer[position++] & 0xFF;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            java.util.Objects.checkFromIndexSize(offset, length, target.length);
            if (length == 0) {
                return 0;
            }
            if (position == filled && !fill()) {
                return -1;
            }
            int count = Math.min(length, filled - position);
            System.arraycopy(buffer, position, target, offset, count);
            position += count;
            return count;
        }

        @Override
        public int available() {
            return filled - position;
        }

        @Override
        public long skip(long n) throws IOException {
            throw new IOException("a checksummed stream is never skipped");
        }

        /** Refills the buffer from the file; every byte read from the file is checksummed here, exactly once. */
        private boolean fill() throws IOException {
            int count = file.read(buffer, 0, buffer.length);
            if (count <= 0) {
                return false;
            }
            int checked = (int) Math.min(count, unchecked);
            crc.update(buffer, 0, checked);
            unchecked -= checked;
            position = 0;
            filled = count;
            return true;
        }

        @Override
        public void close() throws IOException {
            file.close();
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
        // The CRC is taken as the buffer fills, in big chunks, over every byte but the last four (the stored CRC).
        try (DataInputStream in = new DataInputStream(new ChecksummedInput(Files.newInputStream(file), crc,
                size - Integer.BYTES))) {
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
