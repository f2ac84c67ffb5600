package io.zakka.wire.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.zakka.protocol.ErrorCode;
import io.zakka.protocol.EventType;
import io.zakka.protocol.Stat;
import io.zakka.protocol.WatchEvent;
import io.zakka.protocol.op.OpResult;
import io.zakka.wire.support.Frames;
import java.util.Arrays;
import java.util.List;
import org.apache.zookeeper.proto.Create2Response;
import org.apache.zookeeper.proto.CreateResponse;
import org.apache.zookeeper.proto.ErrorResponse;
import org.apache.zookeeper.proto.MultiHeader;
import org.apache.zookeeper.proto.ReplyHeader;
import org.apache.zookeeper.proto.WatcherEvent;
import org.junit.jupiter.api.Test;

class ResponseEncoderTest {

    private static final Stat STAT = new Stat(5, 5, 1, 1, 0, 0, 0, 0, 0, 0, 5);

    private static byte[] payload(byte[] frame) {
        assertEquals(frame.length - 4, java.nio.ByteBuffer.wrap(frame).getInt(), "length prefix");
        return Arrays.copyOfRange(frame, 4, frame.length);
    }

    @Test
    void errorIsTheReplyHeaderAlone() {
        byte[] frame = ResponseEncoder.reply(3, OpCodes.EXISTS, List.of(), 9, new OpResult.Error(ErrorCode.NONODE));
        ReplyHeader header = new ReplyHeader();
        Frames.read(payload(frame), header);
        assertEquals(new ReplyHeader(3, 9, -101), header);
        assertEquals(16, payload(frame).length);
    }

    @Test
    void createAnswersThePathAndCreate2AddsTheStat() {
        OpResult created = new OpResult.Created("/a0000000001", STAT);
        assertEquals(16 + 4 + 12, payload(ResponseEncoder.reply(1, OpCodes.CREATE, List.of(), 5, created)).length);
        byte[] create2 = payload(ResponseEncoder.reply(1, OpCodes.CREATE_CONTAINER, List.of(), 5, created));
        Create2Response response = new Create2Response();
        Frames.read(create2, new ReplyHeader(), response);
        assertEquals("/a0000000001", response.getPath());
        assertEquals(5, response.getStat().getPzxid());
    }

    @Test
    void addWatchAnswersAnErrorResponseOfZero() {
        byte[] reply = payload(ResponseEncoder.reply(2, OpCodes.ADD_WATCH, List.of(), 5, new OpResult.Done()));
        ErrorResponse body = new ErrorResponse(-1);
        Frames.read(reply, new ReplyHeader(), body);
        assertEquals(0, body.getErr());
        assertEquals(20, reply.length);
    }

    @Test
    void deleteAndSetWatchesAnswerTheHeaderAlone() {
        assertEquals(16, payload(ResponseEncoder.reply(2, OpCodes.DELETE, List.of(), 5, new OpResult.Done())).length);
        assertEquals(16, payload(ResponseEncoder.reply(2, OpCodes.SET_WATCHES2, List.of(), 5,
                new OpResult.Done())).length);
    }

    @Test
    void failedMultiHasHeaderErrZeroAndAnErrorEntryPerOp() {
        OpResult.MultiResult failed = new OpResult.MultiResult(List.of(new OpResult.Error(ErrorCode.OK),
                new OpResult.Error(ErrorCode.NONODE), new OpResult.Error(ErrorCode.RUNTIMEINCONSISTENCY)));
        byte[] reply = payload(ResponseEncoder.reply(4, OpCodes.MULTI, List.of(1, 5, 1), 8, failed));
        ReplyHeader header = new ReplyHeader();
        MultiHeader h1 = new MultiHeader();
        ErrorResponse e1 = new ErrorResponse();
        MultiHeader h2 = new MultiHeader();
        ErrorResponse e2 = new ErrorResponse();
        MultiHeader h3 = new MultiHeader();
        ErrorResponse e3 = new ErrorResponse();
        MultiHeader end = new MultiHeader();
        Frames.read(reply, header, h1, e1, h2, e2, h3, e3, end);
        assertEquals(0, header.getErr());
        assertEquals(List.of(-1, -1, -1), List.of(h1.getType(), h2.getType(), h3.getType()));
        assertEquals(List.of(0, -101, -2), List.of(e1.getErr(), e2.getErr(), e3.getErr()));
        assertEquals(new MultiHeader(-1, true, -1), end);
    }

    @Test
    void multiCreateEntriesAreTypedByTheirOpAndContainersAsCreate2() {
        OpResult.Created created = new OpResult.Created("/c", STAT);
        byte[] reply = payload(ResponseEncoder.reply(4, OpCodes.MULTI,
                List.of(OpCodes.CREATE, OpCodes.CREATE_CONTAINER), 8,
                new OpResult.MultiResult(List.of(created, created))));
        MultiHeader h1 = new MultiHeader();
        MultiHeader h2 = new MultiHeader();
        Frames.read(reply, new ReplyHeader(), h1, new CreateResponse(), h2, new Create2Response());
        assertEquals(OpCodes.CREATE, h1.getType());
        assertEquals(OpCodes.CREATE2, h2.getType());
    }

    @Test
    void notificationCarriesXidMinusOneTheFiringZxidAndSyncConnected() {
        byte[] frame = payload(ResponseEncoder.notification(new WatchEvent(EventType.NODE_DELETED, "/n", 42)));
        ReplyHeader header = new ReplyHeader();
        WatcherEvent event = new WatcherEvent();
        Frames.read(frame, header, event);
        assertEquals(new ReplyHeader(-1, 42, 0), header);
        assertEquals(new WatcherEvent(2, 3, "/n"), event);
    }

    @Test
    void pongIsXidMinusTwoWithTheLastZxid() {
        ReplyHeader header = new ReplyHeader();
        Frames.read(payload(ResponseEncoder.pong(77)), header);
        assertEquals(new ReplyHeader(-2, 77, 0), header);
    }
}
