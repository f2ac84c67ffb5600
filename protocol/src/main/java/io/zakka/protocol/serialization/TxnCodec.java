package io.zakka.protocol.serialization;

import io.zakka.protocol.Zxid;
import io.zakka.protocol.txn.Txn;
import io.zakka.protocol.txn.TxnEntry;
import io.zakka.protocol.txn.TxnHeader;
import java.io.NotSerializableException;

/**
 * {@link TxnEntry}, {@link TxnHeader} and every {@link Txn} as messages between ActorSystems. A txn is a
 * one-byte tag, then the record's components in declaration order; the tags are part of the format (never
 * renumber one, add new txns at the end) and tag 0 is a null txn. Headers and zxids are preceded by a
 * presence byte, like the values of {@link ValueCodec}, so a record holding null comes back as it went.
 *
 * <p>This is the wire form only: the txn log and snapshots keep their own persisted format in storage, which
 * must not change when this one does (and protocol must not depend on storage).
 */
final class TxnCodec {

    private static final byte NULL = 0;
    private static final byte CREATE = 1;
    private static final byte DELETE = 2;
    private static final byte SET_DATA = 3;
    private static final byte SET_ACL = 4;
    private static final byte CHECK_VERSION = 5;
    private static final byte CREATE_SESSION = 6;
    private static final byte CLOSE_SESSION = 7;
    private static final byte MULTI = 8;

    private TxnCodec() {
    }

    static void writeEntry(BinaryWriter out, TxnEntry entry) {
        writeHeader(out, entry.header());
        write(out, entry.txn());
    }

    static TxnEntry readEntry(BinaryReader in) throws NotSerializableException {
        return new TxnEntry(readHeader(in), read(in));
    }

    static void writeHeader(BinaryWriter out, TxnHeader header) {
        out.writeBoolean(header != null);
        if (header != null) {
            out.writeLong(header.sessionId());
            out.writeInt(header.cxid());
            writeZxid(out, header.zxid());
            out.writeLong(header.timeMs());
        }
    }

    static TxnHeader readHeader(BinaryReader in) throws NotSerializableException {
        if (!in.readBoolean("header presence")) {
            return null;
        }
        return new TxnHeader(in.readLong("sessionId"), in.readInt("cxid"), readZxid(in), in.readLong("timeMs"));
    }

    static void write(BinaryWriter out, Txn txn) {
        if (txn == null) {
            out.writeByte(NULL);
        } else if (txn instanceof Txn.CreateTxn t) {
            out.writeByte(CREATE);
            out.writeString(t.path());
            out.writeBytes(t.data());
            ValueCodec.writeAcls(out, t.acl());
            out.writeLong(t.ephemeralOwner());
            out.writeInt(t.parentCversion());
        } else if (txn instanceof Txn.SetDataTxn t) {
            out.writeByte(SET_DATA);
            out.writeString(t.path());
            out.writeBytes(t.data());
            out.writeInt(t.version());
        } else if (txn instanceof Txn.DeleteTxn t) {
            out.writeByte(DELETE);
            out.writeString(t.path());
        } else if (txn instanceof Txn.MultiTxn t) {
            out.writeByte(MULTI);
            out.writeNested("txns", t.txns(), TxnCodec::write);
        } else {
            writeRare(out, txn);
        }
    }

    private static void writeRare(BinaryWriter out, Txn txn) {
        if (txn instanceof Txn.SetAclTxn t) {
            out.writeByte(SET_ACL);
            out.writeString(t.path());
            ValueCodec.writeAcls(out, t.acl());
            out.writeInt(t.aclVersion());
        } else if (txn instanceof Txn.CheckVersionTxn t) {
            out.writeByte(CHECK_VERSION);
            out.writeString(t.path());
            out.writeInt(t.version());
        } else if (txn instanceof Txn.CreateSessionTxn t) {
            out.writeByte(CREATE_SESSION);
            out.writeLong(t.sessionId());
            out.writeInt(t.timeoutMs());
        } else if (txn instanceof Txn.CloseSessionTxn t) {
            out.writeByte(CLOSE_SESSION);
            out.writeLong(t.sessionId());
            out.writeStrings(t.ephemeralPaths());
        } else {
            throw new IllegalStateException("no encoding for txn " + txn.getClass().getName());
        }
    }

    static Txn read(BinaryReader in) throws NotSerializableException {
        byte tag = in.readByte("txn tag");
        return switch (tag) {
            case NULL -> null;
            case CREATE -> new Txn.CreateTxn(in.readString("path"), in.readBytes("data"), ValueCodec.readAcls(in),
                    in.readLong("ephemeralOwner"), in.readInt("parentCversion"));
            case DELETE -> new Txn.DeleteTxn(in.readString("path"));
            case SET_DATA -> new Txn.SetDataTxn(in.readString("path"), in.readBytes("data"), in.readInt("version"));
            case SET_ACL -> new Txn.SetAclTxn(in.readString("path"), ValueCodec.readAcls(in),
                    in.readInt("aclVersion"));
            case CHECK_VERSION -> new Txn.CheckVersionTxn(in.readString("path"), in.readInt("version"));
            case CREATE_SESSION -> new Txn.CreateSessionTxn(in.readLong("sessionId"), in.readInt("timeoutMs"));
            case CLOSE_SESSION -> new Txn.CloseSessionTxn(in.readLong("sessionId"), in.readStrings("ephemeralPaths"));
            case MULTI -> new Txn.MultiTxn(in.readNested("multi txns", TxnCodec::read));
            default -> throw in.malformed("unknown txn tag " + tag);
        };
    }

    /** A zxid as its 64-bit value, which {@link Zxid#of} turns back into the same epoch and counter. */
    private static void writeZxid(BinaryWriter out, Zxid zxid) {
        out.writeBoolean(zxid != null);
        if (zxid != null) {
            out.writeLong(zxid.toLong());
        }
    }

    private static Zxid readZxid(BinaryReader in) throws NotSerializableException {
        return in.readBoolean("zxid presence") ? Zxid.of(in.readLong("zxid")) : null;
    }
}
