package io.zakka.protocol.serialization;

import io.zakka.protocol.op.OpResult;
import java.io.NotSerializableException;
import java.util.List;

/**
 * Every {@link OpResult}: a one-byte tag, then the record's components in declaration order. The tags
 * are part of the format: never renumber one, add new results at the end. Tag 0 is a null result.
 */
final class OpResultCodec {

    private static final byte NULL = 0;
    private static final byte CREATED = 1;
    private static final byte DONE = 2;
    private static final byte STAT = 3;
    private static final byte DATA = 4;
    private static final byte ACL = 5;
    private static final byte CHILDREN = 6;
    private static final byte COUNT = 7;
    private static final byte PATHS = 8;
    private static final byte MULTI = 9;
    private static final byte SYNC = 10;
    private static final byte WHO_AM_I = 11;
    private static final byte ERROR = 12;

    private OpResultCodec() {
    }

    static void write(BinaryWriter out, OpResult result) {
        if (result == null) {
            out.writeByte(NULL);
        } else if (result instanceof OpResult.StatResult r) {
            out.writeByte(STAT);
            ValueCodec.writeStat(out, r.stat());
        } else if (result instanceof OpResult.DataResult r) {
            out.writeByte(DATA);
            out.writeBytes(r.data());
            ValueCodec.writeStat(out, r.stat());
        } else if (result instanceof OpResult.Created r) {
            out.writeByte(CREATED);
            out.writeString(r.path());
            ValueCodec.writeStat(out, r.stat());
        } else if (result instanceof OpResult.Error r) {
            out.writeByte(ERROR);
            EnumCodes.write(out, r.code());
        } else if (result instanceof OpResult.Done) {
            out.writeByte(DONE);
        } else if (result instanceof OpResult.ChildrenResult r) {
            out.writeByte(CHILDREN);
            out.writeStrings(r.children());
            ValueCodec.writeStat(out, r.stat());
        } else {
            writeRare(out, result);
        }
    }

    private static void writeRare(BinaryWriter out, OpResult result) {
        if (result instanceof OpResult.AclResult r) {
            out.writeByte(ACL);
            ValueCodec.writeAcls(out, r.acl());
            ValueCodec.writeStat(out, r.stat());
        } else if (result instanceof OpResult.CountResult r) {
            out.writeByte(COUNT);
            out.writeInt(r.count());
        } else if (result instanceof OpResult.PathsResult r) {
            out.writeByte(PATHS);
            out.writeStrings(r.paths());
        } else if (result instanceof OpResult.MultiResult r) {
            out.writeByte(MULTI);
            writeAll(out, r.results());
        } else if (result instanceof OpResult.SyncResult r) {
            out.writeByte(SYNC);
            out.writeString(r.path());
        } else if (result instanceof OpResult.WhoAmIResult r) {
            out.writeByte(WHO_AM_I);
            ValueCodec.writeIds(out, r.ids());
        } else {
            throw new IllegalStateException("no encoding for result " + result.getClass().getName());
        }
    }

    private static void writeAll(BinaryWriter out, List<OpResult> results) {
        out.writeNested("results", results, OpResultCodec::write);
    }

    static OpResult read(BinaryReader in) throws NotSerializableException {
        byte tag = in.readByte("result tag");
        return switch (tag) {
            case NULL -> null;
            case CREATED -> new OpResult.Created(in.readString("path"), ValueCodec.readStat(in));
            case DONE -> new OpResult.Done();
            case STAT -> new OpResult.StatResult(ValueCodec.readStat(in));
            case DATA -> new OpResult.DataResult(in.readBytes("data"), ValueCodec.readStat(in));
            case ACL -> new OpResult.AclResult(ValueCodec.readAcls(in), ValueCodec.readStat(in));
            case CHILDREN -> new OpResult.ChildrenResult(in.readStrings("children"), ValueCodec.readStat(in));
            case COUNT -> new OpResult.CountResult(in.readInt("count"));
            case PATHS -> new OpResult.PathsResult(in.readStrings("paths"));
            case MULTI -> new OpResult.MultiResult(readAll(in));
            case SYNC -> new OpResult.SyncResult(in.readString("path"));
            case WHO_AM_I -> new OpResult.WhoAmIResult(ValueCodec.readIds(in));
            case ERROR -> new OpResult.Error(EnumCodes.readErrorCode(in, "error code"));
            default -> throw in.malformed("unknown result tag " + tag);
        };
    }

    private static List<OpResult> readAll(BinaryReader in) throws NotSerializableException {
        return in.readNested("multi results", OpResultCodec::read);
    }
}
