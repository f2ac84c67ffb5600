package io.zakka.wire.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.jute.BinaryInputArchive;
import org.apache.jute.BinaryOutputArchive;
import org.apache.jute.Record;

/** Jute records to and from bytes, for tests that speak the protocol by hand. */
public final class Frames {

    private Frames() {
    }

    public static byte[] payload(Record... records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryOutputArchive archive = new BinaryOutputArchive(new DataOutputStream(out));
        try {
            for (Record record : records) {
                record.serialize(archive, "");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A length-prefixed frame of the records. */
    public static byte[] of(Record... records) {
        byte[] payload = payload(records);
        return ByteBuffer.allocate(4 + payload.length).putInt(payload.length).put(payload).array();
    }

    public static void read(byte[] payload, Record... records) {
        BinaryInputArchive archive = new BinaryInputArchive(new DataInputStream(new ByteArrayInputStream(payload)));
        try {
            for (Record record : records) {
                record.deserialize(archive, "");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
