package io.zakka.wire.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.zakka.protocol.ErrorCode;
import io.zakka.protocol.op.Op;
import io.zakka.wire.support.Frames;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.jute.Record;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.proto.AddWatchRequest;
import org.apache.zookeeper.proto.CheckVersionRequest;
import org.apache.zookeeper.proto.CreateRequest;
import org.apache.zookeeper.proto.CreateTTLRequest;
import org.apache.zookeeper.proto.GetDataRequest;
import org.apache.zookeeper.proto.MultiHeader;
import org.apache.zookeeper.proto.RequestHeader;
import org.apache.zookeeper.proto.SetWatches2;
import org.junit.jupiter.api.Test;

class RequestDecoderTest {

    private static final List<ACL> OPEN = List.of(new ACL(31, new Id("world", "anyone")));
    private final RequestDecoder decoder = new RequestDecoder(0xfffff);

    private Request decode(Record... records) throws MalformedRequestException {
        return decoder.decode(Frames.payload(records));
    }

    @Test
    void createFlagThatNamesNoModeIsBadArguments() throws Exception {
        Request.Refused refused = assertInstanceOf(Request.Refused.class,
                decode(new RequestHeader(3, OpCodes.CREATE), new CreateRequest("/a", null, OPEN, 9)));
        assertEquals(new Request.Refused(3, ErrorCode.BADARGUMENTS, false), refused);
    }

    @Test
    void ttlGivenToAModeWithoutOneIsBadArguments() throws Exception {
        Request refused = decode(new RequestHeader(1, OpCodes.CREATE_TTL),
                new CreateTTLRequest("/a", null, OPEN, 0, 5));
        assertEquals(new Request.Refused(1, ErrorCode.BADARGUMENTS, false), refused);
        Request.ToServer ttl = assertInstanceOf(Request.ToServer.class,
                decode(new RequestHeader(2, OpCodes.CREATE_TTL), new CreateTTLRequest("/a", null, OPEN, 5, 500)));
        assertEquals(500, ((Op.Create) ttl.op()).ttlMs());
    }

    @Test
    void standaloneCheckIsUnimplementedAndCloses() throws Exception {
        assertEquals(new Request.Refused(4, ErrorCode.UNIMPLEMENTED, true),
                decode(new RequestHeader(4, OpCodes.CHECK), new CheckVersionRequest("/", 0)));
    }

    @Test
    void unknownOpcodesAreUnimplementedButKeepTheConnection() throws Exception {
        assertEquals(new Request.Refused(5, ErrorCode.UNIMPLEMENTED, false), decode(new RequestHeader(5, 999)));
        assertEquals(new Request.Refused(6, ErrorCode.UNIMPLEMENTED, false), decode(new RequestHeader(6, 102)));
    }

    @Test
    void reconfigIsRefusedAsDisabled() throws Exception {
        assertEquals(new Request.Refused(7, ErrorCode.RECONFIGDISABLED, false),
                decode(new RequestHeader(7, OpCodes.RECONFIG)));
    }

    @Test
    void multiKeepsTheOpcodeOfEachOp() throws Exception {
        Request.ToServer multi = assertInstanceOf(Request.ToServer.class, decode(new RequestHeader(8, OpCodes.MULTI),
                new MultiHeader(OpCodes.CREATE_CONTAINER, false, -1), new CreateRequest("/c", null, OPEN, 4),
                new MultiHeader(OpCodes.CHECK, false, -1), new CheckVersionRequest("/c", 0),
                new MultiHeader(-1, true, -1)));
        assertEquals(List.of(OpCodes.CREATE_CONTAINER, OpCodes.CHECK), multi.subOpcodes());
        assertEquals(2, ((Op.Multi) multi.op()).ops().size());
    }

    @Test
    void multiOpOfAnImpossibleTypeIsMarshallingError() throws Exception {
        assertEquals(new Request.Refused(9, ErrorCode.MARSHALLINGERROR, false),
                decode(new RequestHeader(9, OpCodes.MULTI), new MultiHeader(OpCodes.SYNC, false, -1)));
    }

    @Test
    void enumValueThatDoesNotExistIsMarshallingError() throws Exception {
        assertEquals(new Request.Refused(10, ErrorCode.MARSHALLINGERROR, false),
                decode(new RequestHeader(10, OpCodes.ADD_WATCH), new AddWatchRequest("/", 7)));
    }

    @Test
    void truncatedRecordIsMalformed() {
        byte[] full = Frames.payload(new RequestHeader(1, OpCodes.GET_DATA), new GetDataRequest("/abc", true));
        byte[] cut = java.util.Arrays.copyOf(full, full.length - 3);
        assertThrows(MalformedRequestException.class, () -> decoder.decode(cut));
    }

    @Test
    void stringLongerThanJuteMaxBufferInsideARecordIsMalformed() {
        RequestDecoder small = new RequestDecoder(16);
        assertThrows(MalformedRequestException.class, () -> small.decode(Frames.payload(
                new RequestHeader(1, OpCodes.GET_DATA), new GetDataRequest("/a-path-longer-than-16", false))));
    }

    @Test
    void deleteContainerBodyIsTheBareUtf8Path() throws Exception {
        byte[] header = Frames.payload(new RequestHeader(2, OpCodes.DELETE_CONTAINER));
        byte[] path = "/box".getBytes(StandardCharsets.UTF_8);
        byte[] payload = java.nio.ByteBuffer.allocate(header.length + path.length).put(header).put(path).array();
        Request.ToServer delete = assertInstanceOf(Request.ToServer.class, decoder.decode(payload));
        assertEquals(new Op.DeleteContainer("/box"), delete.op());
    }

    @Test
    void pingIsKnownByItsOpcode() throws Exception {
        assertEquals(new Request.Ping(-2), decode(new RequestHeader(-2, OpCodes.PING)));
    }

    @Test
    void setWatches2CarriesPersistentAndRecursiveWatches() throws Exception {
        Request.ToServer set = assertInstanceOf(Request.ToServer.class, decode(new RequestHeader(11,
                OpCodes.SET_WATCHES2), new SetWatches2(7, List.of("/d"), null, List.of("/c"), List.of("/p"),
                List.of("/r"))));
        assertEquals(new Op.SetWatches(7, List.of("/d"), List.of(), List.of("/c"), List.of("/p"), List.of("/r")),
                set.op());
    }

    @Test
    void createCarriesDataAndAclUnchanged() throws Exception {
        Request.ToServer create = assertInstanceOf(Request.ToServer.class, decode(new RequestHeader(12,
                OpCodes.CREATE2), new CreateRequest("/x", new byte[] {1, 2}, OPEN, 3)));
        Op.Create op = (Op.Create) create.op();
        assertArrayEquals(new byte[] {1, 2}, op.data());
        assertEquals(io.zakka.protocol.Acl.OPEN_ACL_UNSAFE, op.acl());
        assertEquals(io.zakka.protocol.CreateMode.EPHEMERAL_SEQUENTIAL, op.mode());
    }
}
