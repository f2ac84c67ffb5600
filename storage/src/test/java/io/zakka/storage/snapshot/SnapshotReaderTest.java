package io.zakka.storage.snapshot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zakka.protocol.Acl;
import io.zakka.protocol.Zxid;
import io.zakka.storage.tree.NodeImage;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader checks a snapshot file completely whatever its size: a file several times larger than the reader's
 * buffer reads back exactly, and damage anywhere (past the first buffer, in the stored CRC, a cut tail, extra
 * bytes) is reported, never loaded.
 */
class SnapshotReaderTest {
    /** About 3.5 MB: several refills of the reader's 1 MiB buffer. */
    private static final int CHILDREN = 20_000;
    private static final Zxid ZXID = new Zxid(1, CHILDREN);

    @TempDir
    Path dir;
    private Path file;
    private List<NodeImage> written;

    @BeforeEach
    void writeSnapshot() throws IOException {
        written = new ArrayList<>();
        written.add(system("/"));
        written.add(system("/zookeeper"));
        written.add(system("/zookeeper/config"));
        written.add(system("/zookeeper/quota"));
        for (int i = 0; i < CHILDREN; i++) {
            byte[] data = new byte[100];
            data[i % 100] = (byte) i;
            written.add(new NodeImage("/n" + i, data, Acl.OPEN_ACL_UNSAFE, 0, i + 1, i + 2, i + 3, 1000L + i,
                    2000L + i, i % 7, 0, 0));
        }
        FileSnapshotStore store = FileSnapshotStore.open(dir);
        SnapshotStore.Writer writer = store.begin(ZXID, Map.of(7L, 4000), written.size());
        writer.write(written);
        writer.commit();
        file = dir.resolve(SnapshotFiles.fileName(ZXID));
        assertTrue(Files.size(file) > 3 << 20, "the file spans several buffers");
    }

    private static NodeImage system(String path) {
        return new NodeImage(path, new byte[0], Acl.OPEN_ACL_UNSAFE, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void aSnapshotLargerThanTheReadBufferReadsBackNodeForNode() throws IOException {
        List<NodeImage> read = new ArrayList<>();
        SnapshotFormat.Header header = SnapshotReader.read(file, h -> { }, read::add);
        assertEquals(ZXID, header.zxid());
        assertEquals(Map.of(7L, 4000), header.sessionTimeouts());
        assertEquals(written.size(), read.size());
        for (int i = 0; i < written.size(); i++) {
            NodeImage expected = written.get(i);
            NodeImage actual = read.get(i);
            assertEquals(expected.path(), actual.path());
            assertArrayEquals(expected.data(), actual.data());
            assertEquals(List.of(expected.czxid(), expected.mzxid(), expected.pzxid(), expected.ctimeMs(),
                    expected.mtimeMs()), List.of(actual.czxid(), actual.mzxid(), actual.pzxid(), actual.ctimeMs(),
                    actual.mtimeMs()));
            assertEquals(expected.version(), actual.version());
            assertEquals(expected.acl(), actual.acl());
        }
    }

    @Test
    void aFlippedByteInTheLastNodesDataPastTheFirstBufferIsACrcMismatch() throws IOException {
        // The last node's data ends just before the end marker and the CRC (4 bytes each).
        flipByte(Files.size(file) - 8 - 50);
        IOException e = assertThrows(IOException.class, () -> SnapshotReader.read(file, h -> { }, n -> { }));
        assertTrue(e.getMessage().contains("CRC mismatch"), e.getMessage());
    }

    @Test
    void aFlippedByteInTheStoredCrcIsACrcMismatch() throws IOException {
        flipByte(Files.size(file) - 1);
        IOException e = assertThrows(IOException.class, () -> SnapshotReader.read(file, h -> { }, n -> { }));
        assertTrue(e.getMessage().contains("CRC mismatch"), e.getMessage());
    }

    @Test
    void aFileCutInsideItsCrcIsTruncated() throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(raf.length() - 2);
        }
        IOException e = assertThrows(IOException.class, () -> SnapshotReader.read(file, h -> { }, n -> { }));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void bytesAfterTheTrailerAreRejected() throws IOException {
        Files.write(file, new byte[] {0}, java.nio.file.StandardOpenOption.APPEND);
        // The CRC then covers one byte more than was written: either check fails, never a silent load.
        assertThrows(IOException.class, () -> SnapshotReader.read(file, h -> { }, n -> { }));
    }

    private void flipByte(long offset) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(offset);
            int b = raf.read();
            raf.seek(offset);
            raf.write(b ^ 0xFF);
        }
    }
}
