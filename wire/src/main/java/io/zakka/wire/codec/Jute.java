package io.zakka.wire.codec;

import io.zakka.protocol.ScratchOutput;
import java.io.DataOutputStream;
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
        private final FrameInput bytes;
        private final BinaryInputArchive archive;

        public Reader(byte[] payload, int offset, int maxBuffer) {
            this.bytes = new FrameInput(payload, offset);
            this.archive = new BinaryInputArchive(bytes, maxBuffer, 0);
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
            return bytes.rest();
        }
    }

    /**
     * The jute archive of this thread's scratch stream. {@link BinaryOutputArchive} allocates a 1 KiB buffer (for
     * strings) per instance, which was the largest allocation per reply under load; the scratch stream of a
     * thread is the same object message after message, so its archive is kept with it.
     */
    private static final ThreadLocal<StreamArchive> ARCHIVE = ThreadLocal.withInitial(StreamArchive::new);

    /** The archive last made on this thread, and the stream it writes to. */
    private static final class StreamArchive {
        private DataOutputStream stream;
        private BinaryOutputArchive archive;

        BinaryOutputArchive of(DataOutputStream data) {
            if (stream != data) {
                stream = data;
                archive = new BinaryOutputArchive(data);
            }
            return archive;
        }
    }

    /** One frame: the 4-byte big-endian length, then the records back to back. */
    public static byte[] frame(Record... records) {
        byte[] frame = ScratchOutput.encode(data -> {
            data.writeInt(0);
            BinaryOutputArchive archive = ARCHIVE.get().of(data);
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
