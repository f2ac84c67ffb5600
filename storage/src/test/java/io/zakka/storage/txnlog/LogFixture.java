package io.zakka.storage.txnlog;

import io.zakka.protocol.Acl;
import io.zakka.protocol.Zxid;
import io.zakka.protocol.txn.Txn;
import io.zakka.protocol.txn.TxnEntry;
import io.zakka.protocol.txn.TxnHeader;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Entries with consecutive zxids of epoch 1 and raw file damage for the format tests. */
final class LogFixture {

    private LogFixture() {
    }

    static Zxid zxid(int counter) {
        return new Zxid(1, counter);
    }

    /** A create of /n{counter} at zxid (1, counter). */
    static TxnEntry entry(int counter) {
        Txn txn = new Txn.CreateTxn("/n" + counter, ("data-" + counter).getBytes(StandardCharsets.UTF_8),
                Acl.OPEN_ACL_UNSAFE, 0L, counter);
        return new TxnEntry(new TxnHeader(7L, counter, zxid(counter), 1_000L + counter), txn);
    }

    /** Appends and syncs entries {@code from..to}. */
    static void write(TxnLog log, int from, int to) throws IOException {
        for (int i = from; i <= to; i++) {
            log.append(entry(i));
        }
        log.sync();
    }

    /** The file offset of the record of {@code counter} in a segment whose first record is {@code first}. */
    static long offsetOf(int first, int counter) {
        long offset = LogSegments.HEADER_BYTES;
        for (int i = first; i < counter; i++) {
            offset += LogSegments.RECORD_HEADER_BYTES + TxnCodec.encode(entry(i)).length;
        }
        return offset;
    }

    static void flipBit(Path file, long offset) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(offset);
            int b = raf.read();
            raf.seek(offset);
            raf.write(b ^ 0x10);
        }
    }

    static void setLength(Path file, long length) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(length);
        }
    }
}
