package io.zakka.storage.txnlog;

import io.zakka.protocol.Acl;
import io.zakka.protocol.Id;
import io.zakka.protocol.ScratchOutput;
import io.zakka.protocol.Zxid;
import io.zakka.protocol.txn.Txn;
import io.zakka.protocol.txn.Txn.CheckVersionTxn;
import io.zakka.protocol.txn.Txn.CloseSessionTxn;
import io.zakka.protocol.txn.Txn.CreateSessionTxn;
import io.zakka.protocol.txn.Txn.CreateTxn;
import io.zakka.protocol.txn.Txn.DeleteTxn;
import io.zakka.protocol.txn.Txn.MultiTxn;
import io.zakka.protocol.txn.Txn.SetAclTxn;
import io.zakka.protocol.txn.Txn.SetDataTxn;
import io.zakka.protocol.txn.TxnEntry;
import io.zakka.protocol.txn.TxnHeader;
import java.io.ByteArrayInputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Our own binary encoding of a {@link TxnEntry}, used by the txn log and (for its ACLs and strings) by
 * snapshots. It never depends on Akka serializer ids, so an Akka upgrade cannot make old data unreadable.
 *
 * <pre>
 * entry   := sessionId:i64 cxid:i32 zxid:i64 timeMs:i64 txn
 * txn     := kind:u8 body            (kinds below; the numbers are persisted, never renumber them)
 *   1 create        path data acl ephemeralOwner:i64 parentCversion:i32
 *   2 delete        path
 *   3 setData       path data version:i32
 *   4 setACL        path acl aclVersion:i32
 *   5 check         path version:i32
 *   6 createSession sessionId:i64 timeoutMs:i32
 *   7 closeSession  sessionId:i64 count:i32 path*
 *   8 multi         count:i32 txn*     (never nested)
 * string  := length:i32 utf8-bytes
 * data    := length:i32 bytes          (length -1 = null)
 * acl     := count:i32 (perms:i32 scheme:string id:string)*
 * </pre>
 * All integers are big-endian (DataOutput).
 */
public final class TxnCodec {
    private static final int CREATE = 1;
    private static final int DELETE = 2;
    private static final int SET_DATA = 3;
    private static final int SET_ACL = 4;
    private static final int CHECK = 5;
    private static final int CREATE_SESSION = 6;
    private static final int CLOSE_SESSION = 7;
    private static final int MULTI = 8;
    /** Bounds a count read from disk, so a corrupt count fails fast instead of allocating gigabytes. */
    private static final int MAX_COUNT = 1 << 24;

    private TxnCodec() {
    }

    public static byte[] encode(TxnEntry entry) {
        return ScratchOutput.encode(out -> write(out, entry));
    }

    /** Decodes an entry; a malformed payload throws {@link IOException} (never a runtime exception). */
    public static TxnEntry decode(byte[] payload) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
        try {
            TxnEntry entry = read(in);
            if (in.available() != 0) {
                throw new IOException(in.available() + " trailing bytes after a txn");
            }
            return entry;
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IOException("malformed txn: " + e.getMessage(), e);
        }
    }

    public static void write(DataOutput out, TxnEntry entry) throws IOException {
        TxnHeader header = entry.header();
        out.writeLong(header.sessionId());
        out.writeInt(header.cxid());
        out.writeLong(header.zxid().toLong());
        out.writeLong(header.timeMs());
        writeTxn(out, entry.txn(), true);
    }

    public static TxnEntry read(DataInput in) throws IOException {
        TxnHeader header = new TxnHeader(in.readLong(), in.readInt(), Zxid.of(in.readLong()), in.readLong());
        return new TxnEntry(header, readTxn(in, true));
    }

    private static void writeTxn(DataOutput out, Txn txn, boolean topLevel) throws IOException {
        if (txn instanceof CreateTxn create) {
            out.writeByte(CREATE);
            writeString(out, create.path());
            writeBytes(out, create.data());
            writeAcl(out, create.acl());
            out.writeLong(create.ephemeralOwner());
            out.writeInt(create.parentCversion());
        } else if (txn instanceof DeleteTxn delete) {
            out.writeByte(DELETE);
            writeString(out, delete.path());
        } else if (txn instanceof SetDataTxn setData) {
            out.writeByte(SET_DATA);
            writeString(out, setData.path());
            writeBytes(out, setData.data());
            out.writeInt(setData.version());
        } else if (txn instanceof SetAclTxn setAcl) {
            out.writeByte(SET_ACL);
            writeString(out, setAcl.path());
            writeAcl(out, setAcl.acl());
            out.writeInt(setAcl.aclVersion());
        } else if (txn instanceof CheckVersionTxn check) {
            out.writeByte(CHECK);
            writeString(out, check.path());
            out.writeInt(check.version());
        } else {
            writeSessionOrMulti(out, txn, topLevel);
        }
    }

    private static void writeSessionOrMulti(DataOutput out, Txn txn, boolean topLevel) throws IOException {
        if (txn instanceof CreateSessionTxn open) {
            out.writeByte(CREATE_SESSION);
            out.writeLong(open.sessionId());
            out.writeInt(open.timeoutMs());
        } else if (txn instanceof CloseSessionTxn close) {
            out.writeByte(CLOSE_SESSION);
            out.writeLong(close.sessionId());
            out.writeInt(close.ephemeralPaths().size());
            for (String path : close.ephemeralPaths()) {
                writeString(out, path);
            }
        } else if (txn instanceof MultiTxn multi) {
            if (!topLevel) {
                throw new IllegalArgumentException("a multi cannot hold a multi");
            }
            out.writeByte(MULTI);
            out.writeInt(multi.txns().size());
            for (Txn sub : multi.txns()) {
                writeTxn(out, sub, false);
            }
        } else {
            throw new IllegalStateException("no encoding for " + txn.getClass().getName());
        }
    }

    private static Txn readTxn(DataInput in, boolean topLevel) throws IOException {
        int kind = in.readUnsignedByte();
        switch (kind) {
            case CREATE:
                return new CreateTxn(readString(in), readBytes(in), readAcl(in), in.readLong(), in.readInt());
            case DELETE:
                return new DeleteTxn(readString(in));
            case SET_DATA:
                return new SetDataTxn(readString(in), readBytes(in), in.readInt());
            case SET_ACL:
                return new SetAclTxn(readString(in), readAcl(in), in.readInt());
            case CHECK:
                return new CheckVersionTxn(readString(in), in.readInt());
            case CREATE_SESSION:
                return new CreateSessionTxn(in.readLong(), in.readInt());
            case CLOSE_SESSION:
                return readClose(in);
            case MULTI:
                if (!topLevel) {
                    throw new IOException("a nested multi");
                }
                int count = readCount(in);
                List<Txn> txns = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    txns.add(readTxn(in, false));
                }
                return new MultiTxn(List.copyOf(txns));
            default:
                throw new IOException("unknown txn kind " + kind);
        }
    }

    private static Txn readClose(DataInput in) throws IOException {
        long sessionId = in.readLong();
        int count = readCount(in);
        List<String> paths = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            paths.add(readString(in));
        }
        return new CloseSessionTxn(sessionId, List.copyOf(paths));
    }

    public static void writeString(DataOutput out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    public static String readString(DataInput in) throws IOException {
        byte[] bytes = new byte[readLength(in)];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public static void writeBytes(DataOutput out, byte[] data) throws IOException {
        if (data == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(data.length);
        out.write(data);
    }

    public static byte[] readBytes(DataInput in) throws IOException {
        int length = in.readInt();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > MAX_COUNT) {
            throw new IOException("bad data length " + length);
        }
        byte[] data = new byte[length];
        in.readFully(data);
        return data;
    }

    public static void writeAcl(DataOutput out, List<Acl> acl) throws IOException {
        out.writeInt(acl.size());
        for (Acl entry : acl) {
            out.writeInt(entry.perms());
            writeString(out, entry.id().scheme());
            writeString(out, entry.id().id());
        }
    }

    public static List<Acl> readAcl(DataInput in) throws IOException {
        int count = readCount(in);
        List<Acl> acl = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            acl.add(new Acl(in.readInt(), new Id(readString(in), readString(in))));
        }
        return List.copyOf(acl);
    }

    private static int readLength(DataInput in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_COUNT) {
            throw new IOException("bad length " + length);
        }
        return length;
    }

    private static int readCount(DataInput in) throws IOException {
        return readLength(in);
    }
}
