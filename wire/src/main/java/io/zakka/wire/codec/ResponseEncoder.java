package io.zakka.wire.codec;

import io.zakka.protocol.PureCore;
import io.zakka.protocol.WatchEvent;
import io.zakka.protocol.op.OpResult;
import java.util.ArrayList;
import java.util.List;
import org.apache.jute.Record;
import org.apache.zookeeper.proto.Create2Response;
import org.apache.zookeeper.proto.CreateResponse;
import org.apache.zookeeper.proto.ErrorResponse;
import org.apache.zookeeper.proto.ExistsResponse;
import org.apache.zookeeper.proto.GetACLResponse;
import org.apache.zookeeper.proto.GetAllChildrenNumberResponse;
import org.apache.zookeeper.proto.GetChildren2Response;
import org.apache.zookeeper.proto.GetChildrenResponse;
import org.apache.zookeeper.proto.GetDataResponse;
import org.apache.zookeeper.proto.GetEphemeralsResponse;
import org.apache.zookeeper.proto.MultiHeader;
import org.apache.zookeeper.proto.ReplyHeader;
import org.apache.zookeeper.proto.SetACLResponse;
import org.apache.zookeeper.proto.SetDataResponse;
import org.apache.zookeeper.proto.SyncResponse;
import org.apache.zookeeper.proto.WatcherEvent;
import org.apache.zookeeper.proto.WhoAmIResponse;

/**
 * Encodes the server's answers as ZooKeeper response frames (docs/zk-wire-protocol.md §4-§8).
 *
 * <p>Rules: an error is the header alone (the client reads no body when err != 0); create answers
 * CreateResponse, create2 / createContainer / createTTL Create2Response; delete, setWatches, check/remove
 * watches, auth and closeSession have no body; addWatch has the 4-byte ErrorResponse(0) the client reads;
 * a multi is answered with header err 0 and the per-op results, each led by a MultiHeader whose type is the
 * op's (create2 for every create with a Stat) or -1 with an ErrorResponse; notifications are xid -1 with
 * the firing zxid and state 3 (SyncConnected).
 */
@PureCore
public final class ResponseEncoder {

    /** Watcher.Event.KeeperState.SyncConnected: the only state a server ever sends. */
    private static final int SYNC_CONNECTED = 3;

    private ResponseEncoder() {
    }

    /** The reply frame to a request of {@code opcode} (with {@code subOpcodes} for a multi). */
    public static byte[] reply(int xid, int opcode, List<Integer> subOpcodes, long zxid, OpResult result) {
        if (result instanceof OpResult.Error error) {
            return Jute.header(xid, zxid, error.code().code());
        }
        ReplyHeader header = new ReplyHeader(xid, zxid, 0);
        if (opcode == OpCodes.MULTI || opcode == OpCodes.MULTI_READ) {
            return Jute.frame(multi(header, subOpcodes, expect(result, OpResult.MultiResult.class)));
        }
        Record body = body(opcode, result);
        return body == null ? Jute.frame(header) : Jute.frame(header, body);
    }

    public static byte[] notification(WatchEvent event) {
        return Jute.frame(new ReplyHeader(OpCodes.NOTIFICATION_XID, event.zxid(), 0),
                new WatcherEvent(event.type().code(), SYNC_CONNECTED, event.path()));
    }

    public static byte[] pong(long lastZxid) {
        return Jute.header(OpCodes.PING_XID, lastZxid, 0);
    }

    /** The body record of a successful reply, or null when the opcode's reply is the header alone. */
    static Record body(int opcode, OpResult result) {
        return switch (opcode) {
            case OpCodes.CREATE -> new CreateResponse(expect(result, OpResult.Created.class).path());
            case OpCodes.CREATE2, OpCodes.CREATE_CONTAINER, OpCodes.CREATE_TTL -> create2(result);
            case OpCodes.EXISTS -> new ExistsResponse(stat(result));
            case OpCodes.SET_DATA -> new SetDataResponse(stat(result));
            case OpCodes.SET_ACL -> new SetACLResponse(stat(result));
            case OpCodes.GET_DATA -> getData(result);
            case OpCodes.GET_ACL -> getAcl(result);
            case OpCodes.GET_CHILDREN ->
                    new GetChildrenResponse(expect(result, OpResult.ChildrenResult.class).children());
            case OpCodes.GET_CHILDREN2 -> getChildren2(result);
            case OpCodes.SYNC -> new SyncResponse(expect(result, OpResult.SyncResult.class).path());
            case OpCodes.GET_ALL_CHILDREN_NUMBER ->
                    new GetAllChildrenNumberResponse(expect(result, OpResult.CountResult.class).count());
            case OpCodes.GET_EPHEMERALS ->
                    new GetEphemeralsResponse(expect(result, OpResult.PathsResult.class).paths());
            case OpCodes.WHO_AM_I ->
                    new WhoAmIResponse(Records.clientInfos(expect(result, OpResult.WhoAmIResult.class).ids()));
            case OpCodes.ADD_WATCH -> new ErrorResponse(0);
            case OpCodes.DELETE, OpCodes.DELETE_CONTAINER, OpCodes.SET_WATCHES, OpCodes.SET_WATCHES2,
                    OpCodes.CHECK_WATCHES, OpCodes.REMOVE_WATCHES, OpCodes.AUTH, OpCodes.CLOSE_SESSION,
                    OpCodes.CHECK -> null;
            default -> throw new IllegalStateException("no response record for opcode " + opcode);
        };
    }

    private static org.apache.zookeeper.data.Stat stat(OpResult result) {
        return Records.toJute(expect(result, OpResult.StatResult.class).stat());
    }

    private static Record create2(OpResult result) {
        OpResult.Created created = expect(result, OpResult.Created.class);
        return new Create2Response(created.path(), Records.toJute(created.stat()));
    }

    private static Record getData(OpResult result) {
        OpResult.DataResult data = expect(result, OpResult.DataResult.class);
        return new GetDataResponse(data.data(), Records.toJute(data.stat()));
    }

    private static Record getAcl(OpResult result) {
        OpResult.AclResult acl = expect(result, OpResult.AclResult.class);
        return new GetACLResponse(Records.toJute(acl.acl()), Records.toJute(acl.stat()));
    }

    private static Record getChildren2(OpResult result) {
        OpResult.ChildrenResult children = expect(result, OpResult.ChildrenResult.class);
        return new GetChildren2Response(children.children(), Records.toJute(children.stat()));
    }

    private static Record[] multi(ReplyHeader header, List<Integer> opcodes, OpResult.MultiResult multi) {
        List<OpResult> results = multi.results();
        if (results.size() != opcodes.size()) {
            throw new IllegalStateException(results.size() + " results for a multi of " + opcodes.size() + " ops");
        }
        List<Record> records = new ArrayList<>(2 * results.size() + 2);
        records.add(header);
        for (int i = 0; i < results.size(); i++) {
            OpResult result = results.get(i);
            if (result instanceof OpResult.Error error) {
                records.add(new MultiHeader(OpCodes.ERROR, false, error.code().code()));
                records.add(new ErrorResponse(error.code().code()));
                continue;
            }
            int type = multiResultType(opcodes.get(i));
            records.add(new MultiHeader(type, false, 0));
            Record body = body(type, result);
            if (body != null) {
                records.add(body);
            }
        }
        records.add(new MultiHeader(-1, true, -1));
        return records.toArray(new Record[0]);
    }

    /** ZooKeeper's CreateResult(path, stat) is typed create2 whatever create variant produced it. */
    private static int multiResultType(int opcode) {
        return opcode == OpCodes.CREATE_CONTAINER || opcode == OpCodes.CREATE_TTL ? OpCodes.CREATE2 : opcode;
    }

    private static <T extends OpResult> T expect(OpResult result, Class<T> type) {
        if (!type.isInstance(result)) {
            throw new IllegalStateException("expected " + type.getSimpleName() + ", the server answered " + result);
        }
        return type.cast(result);
    }
}
