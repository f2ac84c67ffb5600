package io.zakka.storage.txnlog;

import io.zakka.protocol.Zxid;
import io.zakka.storage.durability.Fsync;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * What a clean close tells the next open of the log: where the newest segment's data ends. Without it, open must
 * read and check the whole newest segment (up to {@link LogOptions#segmentBytes()}) to find its end, which a
 * restart after a clean stop pays on the way to serving although nothing can be torn.
 *
 * <p>The file {@value #FILE} in the log directory holds (big-endian) magic "ZKCE", version 1, the segment's first
 * zxid, its valid end, the offset and zxid of its last record, its record count, and a CRC32C of all that. It is
 * written after the close's final fsync (temp file, fsync, rename, directory fsync) and describes the log only until
 * the next append, so {@link #take} deletes it durably before open returns: a log that is appended to and then
 * crashes has no mark and is checked in full. Even a mark that was read is only believed when the segment agrees:
 * its last record is where the mark says, with that zxid and a valid CRC, and only zeros or the end of the file
 * follow it ({@link #matches}).
 */
final class CleanEnd {
    static final String FILE = "clean-end";
    private static final int MAGIC = 0x5A4B4345;
    private static final int VERSION = 1;
    private static final int BYTES = 4 + 4 + 8 + 8 + 8 + 8 + 4 + 4;

    private CleanEnd() {
    }

    /** Where the newest segment's data ends; {@code lastRecordAt} is the offset of its last record. */
    record Mark(Zxid segment, long validEnd, long lastRecordAt, Zxid lastZxid, int records) {
    }

    static void write(Path dir, Mark mark) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(BYTES);
        bytes.putInt(MAGIC).putInt(VERSION).putLong(mark.segment().toLong()).putLong(mark.validEnd())
                .putLong(mark.lastRecordAt()).putLong(mark.lastZxid().toLong()).putInt(mark.records());
        bytes.putInt(crc(bytes.array(), BYTES - 4)).flip();
        Path temp = dir.resolve(FILE + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
        Files.move(temp, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Fsync.directory(dir);
    }

    /** Reads the mark, if there is an intact one, and deletes it (and any temp file) durably either way. */
    static Optional<Mark> take(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        Optional<Mark> mark = Optional.empty();
        try {
            mark = parse(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            if (!Files.deleteIfExists(dir.resolve(FILE + ".tmp"))) {
                return mark;
            }
        }
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir.resolve(FILE + ".tmp"));
        Fsync.directory(dir);
        return mark;
    }

    private static Optional<Mark> parse(byte[] bytes) {
        if (bytes.length != BYTES) {
            return Optional.empty();
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if (in.getInt() != MAGIC || in.getInt() != VERSION || crc(bytes, BYTES - 4) != in.getInt(BYTES - 4)) {
            return Optional.empty();
        }
        return Optional.of(new Mark(Zxid.of(in.getLong()), in.getLong(), in.getLong(), Zxid.of(in.getLong()),
                in.getInt()));
    }

    /** Whether {@code segment} ends as the mark says (see the class comment); reads two small ranges only. */
    static boolean matches(Path segment, Mark mark) throws IOException {
        if (!LogSegments.nameZxid(segment).equals(mark.segment()) || mark.records() < 1
                || mark.lastRecordAt() < LogSegments.HEADER_BYTES
                || mark.validEnd() - mark.lastRecordAt() <= LogSegments.RECORD_HEADER_BYTES
                || mark.validEnd() - mark.lastRecordAt() > LogSegments.RECORD_HEADER_BYTES
                        + (long) LogSegments.MAX_PAYLOAD_BYTES) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.READ)) {
            if (channel.size() < mark.validEnd()) {
                return false;
            }
            ByteBuffer record = read(channel, mark.lastRecordAt(), (int) (mark.validEnd() - mark.lastRecordAt()));
            int length = record.getInt(0);
            if (length != record.capacity() - LogSegments.RECORD_HEADER_BYTES
                    || record.getLong(8) != mark.lastZxid().toLong()
                    || crcFrom(record.array(), 8, 8 + length) != record.getInt(4)) {
                return false;
            }
            int after = (int) Math.min(4, channel.size() - mark.validEnd());
            ByteBuffer next = read(channel, mark.validEnd(), after);
            for (int i = 0; i < after; i++) {
                if (next.get(i) != 0) {
                    return false;
                }
            }
            return true;
        }
    }

    private static ByteBuffer read(FileChannel channel, long at, int count) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(count);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, at + buffer.position()) < 0) {
                throw new IOException("log segment ended while reading its clean end");
            }
        }
        return buffer;
    }

    private static int crc(byte[] bytes, int length) {
        return crcFrom(bytes, 0, length);
    }

    private static int crcFrom(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }
}
