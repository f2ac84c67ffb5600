package io.zakka.wire.codec;

import io.zakka.protocol.PureCore;
import java.util.Arrays;
import java.util.OptionalInt;

/**
 * Cuts a connection's byte stream into frames: a 4-byte big-endian length N, then N bytes. A length below 0
 * or above jute.maxbuffer is refused before any of the frame is buffered ("Len error" in ZooKeeper): the
 * connection is closed. Bytes are kept only until their frame is complete.
 */
@PureCore
public final class FrameDecoder {

    private final int maxBuffer;
    private byte[] buffer = new byte[4096];
    private int start;
    private int end;

    public FrameDecoder(int maxBuffer) {
        this.maxBuffer = maxBuffer;
    }

    public void append(byte[] bytes) {
        if (end + bytes.length > buffer.length) {
            int live = end - start;
            if (live + bytes.length > buffer.length) {
                buffer = Arrays.copyOfRange(buffer, start, start + Math.max(2 * buffer.length, live + bytes.length));
            } else {
                System.arraycopy(buffer, start, buffer, 0, live);
            }
            start = 0;
            end = live;
        }
        System.arraycopy(bytes, 0, buffer, end, bytes.length);
        end += bytes.length;
    }

    /** The first four buffered bytes as an int (a four-letter word is recognised by them), if there are four. */
    public OptionalInt peekInt() {
        return end - start < 4 ? OptionalInt.empty() : OptionalInt.of(intAt(start));
    }

    /** The next complete frame's payload, or null when more bytes are needed. */
    public byte[] next() throws MalformedRequestException {
        if (end - start < 4) {
            return null;
        }
        int length = intAt(start);
        if (length < 0 || length > maxBuffer) {
            throw new MalformedRequestException("Len error " + length + " (jute.maxbuffer is " + maxBuffer + ")");
        }
        if (end - start - 4 < length) {
            return null;
        }
        byte[] payload = Arrays.copyOfRange(buffer, start + 4, start + 4 + length);
        start += 4 + length;
        if (start == end) {
            start = 0;
            end = 0;
        }
        return payload;
    }

    /** Bytes received and not yet returned as a frame. */
    public int buffered() {
        return end - start;
    }

    private int intAt(int i) {
        return (buffer[i] & 0xff) << 24 | (buffer[i + 1] & 0xff) << 16 | (buffer[i + 2] & 0xff) << 8
                | buffer[i + 3] & 0xff;
    }
}
