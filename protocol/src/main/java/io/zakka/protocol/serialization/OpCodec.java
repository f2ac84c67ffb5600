package io.zakka.protocol.serialization;

import io.zakka.protocol.op.Op;
import java.io.NotSerializableException;
import java.util.List;

/**
 * Every {@link Op}: a one-byte tag, then the record's components in declaration order. The tags are
 * part of the format: never renumber one, add new ops at the end. Tag 0 is a null op.
 */
final class OpCodec {

    private static final byte NULL = 0;
    private static final byte CREATE = 1;
    private static final byte DELETE = 2;
    private static final byte DELETE_CONTAINER = 3;
    private static final byte SET_DATA = 4;
    private static final byte SET_ACL = 5;
    private static final byte CHECK = 6;
    private static final byte MULTI = 7;
    private static final byte CLOSE_SESSION = 8;
    private static final byte EXISTS = 9;
    private static final byte GET_DATA = 10;
    private static final byte GET_ACL = 11;
    private static final byte GET_CHILDREN = 12;
    private static final byte GET_ALL_CHILDREN_NUMBER = 13;
    private static final byte GET_EPHEMERALS = 14;
    private static final byte MULTI_READ = 15;
    private static final byte SYNC = 16;
    private static final byte ADD_WATCH = 17;
    private static final byte REMOVE_WATCHES = 18;
    private static final byte CHECK_WATCHES = 19;
    private static final byte SET_WATCHES = 20;
    private static final byte ADD_AUTH = 21;
    private static final byte WHO_AM_I = 22;

    private OpCodec() {
    }

    static void write(BinaryWriter out, Op op) {
        if (op == null) {
            out.writeByte(NULL);
        } else if (op instanceof Op.WriteOp write) {
            writeWriteOp(out, write);
        } else if (op instanceof Op.ReadOp read) {
            writeReadOp(out, read);
        } else {
            writeSessionOp(out, (Op.SessionOp) op);
        }
    }

    private static void writeWriteOp(BinaryWriter out, Op.WriteOp op) {
        if (op instanceof Op.SetData o) {
            out.writeByte(SET_DATA);
            out.writeString(o.path());
            out.writeBytes(o.data());
            out.writeInt(o.version());
        } else if (op instanceof Op.Create o) {
            out.writeByte(CREATE);
            out.writeString(o.path());
            out.writeBytes(o.data());
            ValueCodec.writeAcls(out, o.acl());
            EnumCodes.write(out, o.mode());
            out.writeLong(o.ttlMs());
        } else if (op instanceof Op.Delete o) {
            out.writeByte(DELETE);
            out.writeString(o.path());
            out.writeInt(o.version());
        } else if (op instanceof Op.DeleteContainer o) {
            out.writeByte(DELETE_CONTAINER);
            out.writeString(o.path());
        } else if (op instanceof Op.SetAcl o) {
            out.writeByte(SET_ACL);
            out.writeString(o.path());
            ValueCodec.writeAcls(out, o.acl());
            out.writeInt(o.aclVersion());
        } else if (op instanceof Op.Check o) {
            out.writeByte(CHECK);
            out.writeString(o.path());
            out.writeInt(o.version());
        } else if (op instanceof Op.Multi o) {
            out.writeByte(MULTI);
            writeAll(out, o.ops());
        } else if (op instanceof Op.CloseSession) {
            out.writeByte(CLOSE_SESSION);
        } else {
            throw new IllegalStateException("no encoding for write op " + op.getClass().getName());
        }
    }

    private static void writeReadOp(BinaryWriter out, Op.ReadOp op) {
        if (op instanceof Op.GetData o) {
            out.writeByte(GET_DATA);
            out.writeString(o.path());
            out.writeBoolean(o.watch());
        } else if (op instanceof Op.Exists o) {
            out.writeByte(EXISTS);
            out.writeString(o.path());
            out.writeBoolean(o.watch());
        } else if (op instanceof Op.GetChildren o) {
            out.writeByte(GET_CHILDREN);
            out.writeString(o.path());
            out.writeBoolean(o.watch());
            out.writeBoolean(o.withStat());
        } else if (op instanceof Op.GetAcl o) {
            out.writeByte(GET_ACL);
            out.writeString(o.path());
        } else if (op instanceof Op.GetAllChildrenNumber o) {
            out.writeByte(GET_ALL_CHILDREN_NUMBER);
            out.writeString(o.path());
        } else if (op instanceof Op.GetEphemerals o) {
            out.writeByte(GET_EPHEMERALS);
            out.writeString(o.prefixPath());
        } else if (op instanceof Op.MultiRead o) {
            out.writeByte(MULTI_READ);
            writeAll(out, o.ops());
        } else {
            throw new IllegalStateException("no encoding for read op " + op.getClass().getName());
        }
    }

    private static void writeSessionOp(BinaryWriter out, Op.SessionOp op) {
        if (op instanceof Op.Sync o) {
            out.writeByte(SYNC);
            out.writeString(o.path());
        } else if (op instanceof Op.AddWatch o) {
            out.writeByte(ADD_WATCH);
            out.writeString(o.path());
            EnumCodes.write(out, o.mode());
        } else if (op instanceof Op.RemoveWatches o) {
            out.writeByte(REMOVE_WATCHES);
            out.writeString(o.path());
            EnumCodes.write(out, o.type());
        } else if (op instanceof Op.CheckWatches o) {
            out.writeByte(CHECK_WATCHES);
            out.writeString(o.path());
            EnumCodes.write(out, o.type());
        } else if (op instanceof Op.SetWatches o) {
            out.writeByte(SET_WATCHES);
            out.writeLong(o.relativeZxid());
            out.writeStrings(o.dataWatches());
            out.writeStrings(o.existWatches());
            out.writeStrings(o.childWatches());
            out.writeStrings(o.persistentWatches());
            out.writeStrings(o.persistentRecursiveWatches());
        } else if (op instanceof Op.AddAuth o) {
            out.writeByte(ADD_AUTH);
            out.writeString(o.scheme());
            out.writeBytes(o.auth());
        } else if (op instanceof Op.WhoAmI) {
            out.writeByte(WHO_AM_I);
        } else {
            throw new IllegalStateException("no encoding for session op " + op.getClass().getName());
        }
    }

    private static void writeAll(BinaryWriter out, List<Op> ops) {
        out.writeNested("ops", ops, OpCodec::write);
    }

    static Op read(BinaryReader in) throws NotSerializableException {
        byte tag = in.readByte("op tag");
        return switch (tag) {
            case NULL -> null;
            case CREATE -> new Op.Create(in.readString("path"), in.readBytes("data"), ValueCodec.readAcls(in),
                    EnumCodes.readCreateMode(in, "create mode"), in.readLong("ttlMs"));
            case DELETE -> new Op.Delete(in.readString("path"), in.readInt("version"));
            case DELETE_CONTAINER -> new Op.DeleteContainer(in.readString("path"));
            case SET_DATA -> new Op.SetData(in.readString("path"), in.readBytes("data"), in.readInt("version"));
            case SET_ACL -> new Op.SetAcl(in.readString("path"), ValueCodec.readAcls(in), in.readInt("aclVersion"));
            case CHECK -> new Op.Check(in.readString("path"), in.readInt("version"));
            case MULTI -> new Op.Multi(readAll(in, "multi ops"));
            case CLOSE_SESSION -> new Op.CloseSession();
            case EXISTS -> new Op.Exists(in.readString("path"), in.readBoolean("watch"));
            case GET_DATA -> new Op.GetData(in.readString("path"), in.readBoolean("watch"));
            case GET_ACL -> new Op.GetAcl(in.readString("path"));
            case GET_CHILDREN -> new Op.GetChildren(in.readString("path"), in.readBoolean("watch"),
                    in.readBoolean("withStat"));
            case GET_ALL_CHILDREN_NUMBER -> new Op.GetAllChildrenNumber(in.readString("path"));
            case GET_EPHEMERALS -> new Op.GetEphemerals(in.readString("prefixPath"));
            case MULTI_READ -> new Op.MultiRead(readAll(in, "multiRead ops"));
            default -> readSessionOp(in, tag);
        };
    }

    private static Op readSessionOp(BinaryReader in, byte tag) throws NotSerializableException {
        return switch (tag) {
            case SYNC -> new Op.Sync(in.readString("path"));
            case ADD_WATCH -> new Op.AddWatch(in.readString("path"), EnumCodes.readAddWatchMode(in, "watch mode"));
            case REMOVE_WATCHES -> new Op.RemoveWatches(in.readString("path"),
                    EnumCodes.readWatcherType(in, "watcher type"));
            case CHECK_WATCHES -> new Op.CheckWatches(in.readString("path"),
                    EnumCodes.readWatcherType(in, "watcher type"));
            case SET_WATCHES -> new Op.SetWatches(in.readLong("relativeZxid"), in.readStrings("dataWatches"),
                    in.readStrings("existWatches"), in.readStrings("childWatches"),
                    in.readStrings("persistentWatches"), in.readStrings("persistentRecursiveWatches"));
            case ADD_AUTH -> new Op.AddAuth(in.readString("scheme"), in.readBytes("auth"));
            case WHO_AM_I -> new Op.WhoAmI();
            default -> throw in.malformed("unknown op tag " + tag);
        };
    }

    private static List<Op> readAll(BinaryReader in, String field) throws NotSerializableException {
        return in.readNested(field, OpCodec::read);
    }
}
