package io.zakka.wire.codec;

import io.zakka.protocol.ScratchOutput;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import org.apache.jute.BinaryInputArchive;
import org.apache.jute.BinaryOutputArchive;
import org.apache.jute.Record;
import org.apache.zookeeper.proto.ReplyHeader;

/**
 * Reading and writing jute records with the official archives. A reader is bounded by the connection's
 * jute.maxbuffer, so a buffer or string length inside a record above it is refused as ZooKeeper refuses it
 * ("Unreasonable length"), before anything is allocated.
 */
public final class Jute {

    private Jute() {
    }

    /** A reader over one frame's payload. */
    public static final class Reader {
        private final ByteArrayInputStream bytes;
        private final BinaryInputArchive archive;

        public Reader(byte[] payload, int offset, int maxBuffer) {
            this.bytes = new ByteArrayInputStream(payload, offset, payload.length - offset);
            this.archive = new BinaryInputArchive(new DataInputStream(bytes), maxBuffer, 0);
        }

        /** Fills {@code record} from the next bytes; a truncated or unreasonable record throws IOException. */
        public <R extends Record> R read(R record) throws IOException {
            record.deserialize(archive, "");
            return record;
        }

        public BinaryInputArchive archive() {
            return archive;
        }

        /** The bytes not read yet. */
        public byte[] rest() {
            return bytes.readAllBytes();
        }
    }

    /** One frame: the 4-byte big-endian length, then the records back to back. */
    public static byte[] frame(Record... records) {
        byte[] frame = ScratchOutput.encode(data -> {
            data.writeInt(0);
            BinaryOutputArchive archive = new BinaryOutputArchive(data);
            for (Record record : records) {
                record.serialize(archive, "");
            }
        });
        int length = frame.length - 4;
        frame[0] = (byte) (length >>> 24);
        frame[1] = (byte) (length >>> 16);
        frame[2] = (byte) (length >>> 8);
        frame[3] = (byte) length;
        return frame;
    }

    /** A frame holding only a reply header (errors, and replies without a body). */
    public static byte[] header(int xid, long zxid, int err) {
        return frame(new ReplyHeader(xid, zxid, err));
    }
}
