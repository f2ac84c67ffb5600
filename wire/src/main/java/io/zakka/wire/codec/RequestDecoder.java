package io.zakka.wire.codec;

import io.zakka.protocol.AddWatchMode;
import io.zakka.protocol.CreateMode;
import io.zakka.protocol.ErrorCode;
import io.zakka.protocol.PureCore;
import io.zakka.protocol.WatcherType;
import io.zakka.protocol.op.Op;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.zookeeper.proto.AddWatchRequest;
import org.apache.zookeeper.proto.AuthPacket;
import org.apache.zookeeper.proto.CheckVersionRequest;
import org.apache.zookeeper.proto.CheckWatchesRequest;
import org.apache.zookeeper.proto.CreateRequest;
import org.apache.zookeeper.proto.CreateTTLRequest;
import org.apache.zookeeper.proto.DeleteRequest;
import org.apache.zookeeper.proto.ExistsRequest;
import org.apache.zookeeper.proto.GetACLRequest;
import org.apache.zookeeper.proto.GetAllChildrenNumberRequest;
import org.apache.zookeeper.proto.GetChildren2Request;
import org.apache.zookeeper.proto.GetChildrenRequest;
import org.apache.zookeeper.proto.GetDataRequest;
import org.apache.zookeeper.proto.GetEphemeralsRequest;
import org.apache.zookeeper.proto.MultiHeader;
import org.apache.zookeeper.proto.RemoveWatchesRequest;
import org.apache.zookeeper.proto.RequestHeader;
import org.apache.zookeeper.proto.SetACLRequest;
import org.apache.zookeeper.proto.SetDataRequest;
import org.apache.zookeeper.proto.SetWatches;
import org.apache.zookeeper.proto.SetWatches2;
import org.apache.zookeeper.proto.SyncRequest;

/**
 * Turns the payload of a request frame (RequestHeader, then the opcode's record) into a {@link Request}.
 *
 * <p>Rules, as ZooKeeper 3.9.5's server except for the first: an opcode it does not serve is answered
 * UNIMPLEMENTED and the connection stays open (ZooKeeper closes it; the wire issue asks us not to drop a
 * client for asking something we lack); a standalone check (ZOOKEEPER-2623) is answered UNIMPLEMENTED and
 * the connection is closed, as ZooKeeper does; a create flag that is no
 * CreateMode is BADARGUMENTS, as is a TTL given to a mode without one; an enum value that does not exist
 * (watch mode, watcher type, multi op type) is MARSHALLINGERROR, the code ZooKeeper's request processors
 * give to a request they cannot deserialize; reconfig is RECONFIGDISABLED. A record cut short, or with a
 * length beyond jute.maxbuffer inside it, is malformed: the connection is closed.
 */
@PureCore
public final class RequestDecoder {

    private final int maxBuffer;

    public RequestDecoder(int maxBuffer) {
        this.maxBuffer = maxBuffer;
    }

    public Request decode(byte[] payload) throws MalformedRequestException {
        Jute.Reader in = new Jute.Reader(payload, 0, maxBuffer);
        try {
            RequestHeader header = in.read(new RequestHeader());
            return decode(header.getXid(), header.getType(), in);
        } catch (IOException | RuntimeException e) {
            throw new MalformedRequestException("cannot decode request: " + e, e);
        }
    }

    private Request decode(int xid, int type, Jute.Reader in) throws IOException {
        return switch (type) {
            case OpCodes.CREATE, OpCodes.CREATE2, OpCodes.CREATE_CONTAINER ->
                    create(xid, type, in.read(new CreateRequest()));
            case OpCodes.CREATE_TTL -> createTtl(xid, in.read(new CreateTTLRequest()));
            case OpCodes.DELETE -> delete(xid, in.read(new DeleteRequest()));
            case OpCodes.DELETE_CONTAINER -> deleteContainer(xid, in.rest());
            case OpCodes.SET_DATA -> setData(xid, in.read(new SetDataRequest()));
            case OpCodes.SET_ACL -> setAcl(xid, in.read(new SetACLRequest()));
            case OpCodes.MULTI, OpCodes.MULTI_READ -> multi(xid, type, in);
            case OpCodes.EXISTS, OpCodes.GET_DATA, OpCodes.GET_ACL, OpCodes.GET_CHILDREN, OpCodes.GET_CHILDREN2,
                    OpCodes.GET_ALL_CHILDREN_NUMBER, OpCodes.GET_EPHEMERALS -> read(xid, type, in);
            case OpCodes.SYNC -> new Request.ToServer(xid, type, new Op.Sync(in.read(new SyncRequest()).getPath()));
            case OpCodes.PING -> new Request.Ping(xid);
            case OpCodes.AUTH -> auth(xid, in.read(new AuthPacket()));
            case OpCodes.SET_WATCHES -> setWatches(xid, in.read(new SetWatches()));
            case OpCodes.SET_WATCHES2 -> setWatches2(xid, in.read(new SetWatches2()));
            case OpCodes.ADD_WATCH, OpCodes.CHECK_WATCHES, OpCodes.REMOVE_WATCHES -> watchOp(xid, type, in);
            case OpCodes.WHO_AM_I -> new Request.ToServer(xid, type, new Op.WhoAmI());
            case OpCodes.CLOSE_SESSION -> new Request.ToServer(xid, type, new Op.CloseSession());
            case OpCodes.RECONFIG -> new Request.Refused(xid, ErrorCode.RECONFIGDISABLED, false);
            // A standalone check was once logged as a write and corrupted trees (ZOOKEEPER-2623): close.
            case OpCodes.CHECK -> new Request.Refused(xid, ErrorCode.UNIMPLEMENTED, true);
            default -> new Request.Refused(xid, ErrorCode.UNIMPLEMENTED, false);
        };
    }

    private static Request create(int xid, int type, CreateRequest r) {
        return createOf(xid, type, r.getPath(), r.getData(), r.getAcl(), r.getFlags(), -1L);
    }

    private static Request createTtl(int xid, CreateTTLRequest r) {
        return createOf(xid, OpCodes.CREATE_TTL, r.getPath(), r.getData(), r.getAcl(), r.getFlags(), r.getTtl());
    }

    private static Request createOf(int xid, int type, String path, byte[] data,
                                    List<org.apache.zookeeper.data.ACL> acl, int flags, long ttl) {
        Op.Create op = createOp(path, data, acl, flags, ttl);
        return op == null ? new Request.Refused(xid, ErrorCode.BADARGUMENTS, false)
                : new Request.ToServer(xid, type, op);
    }

    /** The create op, or null when the flags name no mode or a TTL comes with a mode that has none. */
    private static Op.Create createOp(String path, byte[] data, List<org.apache.zookeeper.data.ACL> acl, int flags,
                                      long ttl) {
        CreateMode mode;
        try {
            mode = CreateMode.fromFlag(flags);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!mode.isTtl() && ttl >= 0) {
            // EphemeralType.validateTTL: only TTL modes take a TTL.
            return null;
        }
        return new Op.Create(path, data, Records.fromJute(acl), mode, ttl);
    }

    private static Request delete(int xid, DeleteRequest r) {
        return new Request.ToServer(xid, OpCodes.DELETE, new Op.Delete(r.getPath(), r.getVersion()));
    }

    /** deleteContainer's body is the bare UTF-8 path, as ZooKeeper's ContainerManager builds it. */
    private static Request deleteContainer(int xid, byte[] rest) {
        String path = new String(rest, StandardCharsets.UTF_8);
        return new Request.ToServer(xid, OpCodes.DELETE_CONTAINER, new Op.DeleteContainer(path));
    }

    private static Request setData(int xid, SetDataRequest r) {
        return new Request.ToServer(xid, OpCodes.SET_DATA, new Op.SetData(r.getPath(), r.getData(), r.getVersion()));
    }

    private static Request setAcl(int xid, SetACLRequest r) {
        return new Request.ToServer(xid, OpCodes.SET_ACL,
                new Op.SetAcl(r.getPath(), Records.fromJute(r.getAcl()), r.getVersion()));
    }

    private static Request read(int xid, int type, Jute.Reader in) throws IOException {
        Op op = switch (type) {
            case OpCodes.EXISTS -> existsOp(in.read(new ExistsRequest()));
            case OpCodes.GET_DATA -> getDataOp(in.read(new GetDataRequest()));
            case OpCodes.GET_ACL -> new Op.GetAcl(in.read(new GetACLRequest()).getPath());
            case OpCodes.GET_CHILDREN -> getChildrenOp(in.read(new GetChildrenRequest()));
            case OpCodes.GET_CHILDREN2 -> getChildren2Op(in.read(new GetChildren2Request()));
            case OpCodes.GET_ALL_CHILDREN_NUMBER ->
                    new Op.GetAllChildrenNumber(in.read(new GetAllChildrenNumberRequest()).getPath());
            case OpCodes.GET_EPHEMERALS -> new Op.GetEphemerals(in.read(new GetEphemeralsRequest()).getPrefixPath());
            default -> throw new IllegalArgumentException("not a read opcode: " + type);
        };
        return new Request.ToServer(xid, type, op);
    }

    private static Op existsOp(ExistsRequest r) {
        return new Op.Exists(r.getPath(), r.getWatch());
    }

    private static Op getDataOp(GetDataRequest r) {
        return new Op.GetData(r.getPath(), r.getWatch());
    }

    private static Op getChildrenOp(GetChildrenRequest r) {
        return new Op.GetChildren(r.getPath(), r.getWatch(), false);
    }

    private static Op getChildren2Op(GetChildren2Request r) {
        return new Op.GetChildren(r.getPath(), r.getWatch(), true);
    }

    private static Request auth(int xid, AuthPacket r) {
        String scheme = r.getScheme() == null ? "" : r.getScheme();
        byte[] auth = r.getAuth() == null ? new byte[0] : r.getAuth();
        return new Request.ToServer(xid, OpCodes.AUTH, new Op.AddAuth(scheme, auth));
    }

    private static Request setWatches(int xid, SetWatches r) {
        return new Request.ToServer(xid, OpCodes.SET_WATCHES, new Op.SetWatches(r.getRelativeZxid(),
                Records.orEmpty(r.getDataWatches()), Records.orEmpty(r.getExistWatches()),
                Records.orEmpty(r.getChildWatches()), List.of(), List.of()));
    }

    private static Request setWatches2(int xid, SetWatches2 r) {
        return new Request.ToServer(xid, OpCodes.SET_WATCHES2, new Op.SetWatches(r.getRelativeZxid(),
                Records.orEmpty(r.getDataWatches()), Records.orEmpty(r.getExistWatches()),
                Records.orEmpty(r.getChildWatches()), Records.orEmpty(r.getPersistentWatches()),
                Records.orEmpty(r.getPersistentRecursiveWatches())));
    }

    private static Request watchOp(int xid, int type, Jute.Reader in) throws IOException {
        try {
            Op op = switch (type) {
                case OpCodes.ADD_WATCH -> addWatchOp(in.read(new AddWatchRequest()));
                case OpCodes.CHECK_WATCHES -> checkWatchesOp(in.read(new CheckWatchesRequest()));
                default -> removeWatchesOp(in.read(new RemoveWatchesRequest()));
            };
            return new Request.ToServer(xid, type, op);
        } catch (IllegalArgumentException e) {
            return new Request.Refused(xid, ErrorCode.MARSHALLINGERROR, false);
        }
    }

    private static Op addWatchOp(AddWatchRequest r) {
        return new Op.AddWatch(r.getPath(), AddWatchMode.fromCode(r.getMode()));
    }

    private static Op checkWatchesOp(CheckWatchesRequest r) {
        return new Op.CheckWatches(r.getPath(), WatcherType.fromCode(r.getType()));
    }

    private static Op removeWatchesOp(RemoveWatchesRequest r) {
        return new Op.RemoveWatches(r.getPath(), WatcherType.fromCode(r.getType()));
    }

    /**
     * A MultiOperationRecord: MultiHeader + record per op, ended by a header with done=true. An op type
     * that cannot be in a multi is MARSHALLINGERROR (ZooKeeper: "Invalid type of op"); a bad create flag in
     * a multi is BADARGUMENTS for the whole request.
     */
    private static Request multi(int xid, int type, Jute.Reader in) throws IOException {
        List<Op> ops = new ArrayList<>();
        List<Integer> opcodes = new ArrayList<>();
        for (MultiHeader h = in.read(new MultiHeader()); !h.getDone(); h = in.read(new MultiHeader())) {
            Op op = multiOp(h.getType(), in);
            if (op == null) {
                boolean badType = !isMultiOpType(h.getType());
                return new Request.Refused(xid, badType ? ErrorCode.MARSHALLINGERROR : ErrorCode.BADARGUMENTS, false);
            }
            ops.add(op);
            opcodes.add(h.getType());
        }
        Op op = type == OpCodes.MULTI ? new Op.Multi(ops) : new Op.MultiRead(ops);
        return new Request.ToServer(xid, type, op, List.copyOf(opcodes));
    }

    private static boolean isMultiOpType(int type) {
        return switch (type) {
            case OpCodes.CREATE, OpCodes.CREATE2, OpCodes.CREATE_CONTAINER, OpCodes.CREATE_TTL, OpCodes.DELETE,
                    OpCodes.SET_DATA, OpCodes.CHECK, OpCodes.GET_CHILDREN, OpCodes.GET_DATA -> true;
            default -> false;
        };
    }

    private static Op multiOp(int type, Jute.Reader in) throws IOException {
        return switch (type) {
            case OpCodes.CREATE, OpCodes.CREATE2, OpCodes.CREATE_CONTAINER -> {
                CreateRequest r = in.read(new CreateRequest());
                yield createOp(r.getPath(), r.getData(), r.getAcl(), r.getFlags(), -1L);
            }
            case OpCodes.CREATE_TTL -> {
                CreateTTLRequest r = in.read(new CreateTTLRequest());
                yield createOp(r.getPath(), r.getData(), r.getAcl(), r.getFlags(), r.getTtl());
            }
            case OpCodes.DELETE -> ((Request.ToServer) delete(0, in.read(new DeleteRequest()))).op();
            case OpCodes.SET_DATA -> ((Request.ToServer) setData(0, in.read(new SetDataRequest()))).op();
            case OpCodes.CHECK -> checkOp(in.read(new CheckVersionRequest()));
            case OpCodes.GET_CHILDREN -> getChildrenOp(in.read(new GetChildrenRequest()));
            case OpCodes.GET_DATA -> getDataOp(in.read(new GetDataRequest()));
            default -> null;
        };
    }

    private static Op checkOp(CheckVersionRequest r) {
        return new Op.Check(r.getPath(), r.getVersion());
    }
}
