package io.zakka.wire.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.zakka.wire.support.Frames;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.zookeeper.proto.ConnectRequest;
import org.apache.zookeeper.proto.ConnectResponse;
import org.junit.jupiter.api.Test;

/** Frame cutting and the handshake records. */
class FramingTest {

    @Test
    void frameSplitAcrossReadsIsReassembled() throws Exception {
        FrameDecoder decoder = new FrameDecoder(100);
        byte[] frame = ByteBuffer.allocate(9).putInt(5).put(new byte[] {1, 2, 3, 4, 5}).array();
        decoder.append(Arrays.copyOf(frame, 3));
        assertNull(decoder.next());
        decoder.append(Arrays.copyOfRange(frame, 3, 9));
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, decoder.next());
        assertEquals(0, decoder.buffered());
    }

    @Test
    void negativeOrOversizedLengthIsRefusedBeforeBuffering() {
        FrameDecoder decoder = new FrameDecoder(100);
        decoder.append(ByteBuffer.allocate(4).putInt(-1).array());
        assertThrows(MalformedRequestException.class, decoder::next);
        FrameDecoder other = new FrameDecoder(100);
        other.append(ByteBuffer.allocate(4).putInt(101).array());
        assertThrows(MalformedRequestException.class, other::next);
    }

    @Test
    void firstFourBytesArePeekedForFourLetterWords() {
        FrameDecoder decoder = new FrameDecoder(100);
        decoder.append("ru".getBytes());
        assertEquals(false, decoder.peekInt().isPresent());
        decoder.append("ok".getBytes());
        assertEquals(ByteBuffer.wrap("ruok".getBytes()).getInt(), decoder.peekInt().getAsInt());
    }

    @Test
    void connectRequestWithoutReadOnlyIsAnsweredWithoutIt() throws Exception {
        byte[] full = Frames.payload(new ConnectRequest(0, 0, 5000, 0, new byte[16], false));
        Handshake.Connect old = Handshake.decode(Arrays.copyOf(full, 44), 100);
        assertEquals(false, old.readOnlyPresent());
        byte[] answer = Handshake.accepted(old, 5000, 7, new byte[16]);
        assertEquals(36, answer.length - 4);
        assertEquals(36, ByteBuffer.wrap(answer).getInt());
        Handshake.Connect current = Handshake.decode(full, 100);
        assertEquals(37, Handshake.accepted(current, 5000, 7, new byte[16]).length - 4);
    }

    @Test
    void expiredSessionIsTimeoutZeroSessionZeroAndAZeroPassword() throws Exception {
        Handshake.Connect request = Handshake.decode(Frames.payload(new ConnectRequest(0, 0, 5000, 9,
                new byte[16], false)), 100);
        ConnectResponse response = new ConnectResponse();
        byte[] frame = Handshake.expired(request);
        Frames.read(Arrays.copyOfRange(frame, 4, frame.length), response);
        assertEquals(new ConnectResponse(0, 0, 0, new byte[16], false), response);
    }

    @Test
    void garbageIsNoConnectRequest() {
        assertThrows(MalformedRequestException.class, () -> Handshake.decode(new byte[] {0, 0, 0}, 100));
    }
}
