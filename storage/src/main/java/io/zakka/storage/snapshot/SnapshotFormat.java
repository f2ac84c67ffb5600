package io.zakka.storage.snapshot;

import io.zakka.protocol.Acl;
import io.zakka.protocol.Zxid;
import io.zakka.storage.tree.NodeImage;
import io.zakka.storage.txnlog.TxnCodec;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The snapshot file format. A file {@code snapshot.<zxid as 16 hex digits>} holds the tree at that zxid:
 * <pre>
 * header  : magic:i32 = 0x5A414B53 ("ZAKS")  version:i32 = 1  zxid:i64
 *           sessionCount:i32  (sessionId:i64 timeoutMs:i32)*  nodeCount:i32
 * node*   : path:string ephemeralOwner:i64 czxid:i64 mzxid:i64 pzxid:i64 ctimeMs:i64 mtimeMs:i64
 *           version:i32 childCreations:i32 aversion:i32 aclIndex:i32 [acl] data
 *           (nodeCount times, parents first). ACL lists are numbered in order of first use: a node whose
 *           aclIndex equals the number of lists defined so far defines the next one with the acl that
 *           follows; any smaller index refers to a list defined before (most nodes share a few lists).
 * trailer : endMagic:i32 = 0x454E4453 ("ENDS")  crc:i32
 * </pre>
 * {@code crc} is the CRC32C of every byte before it. string, acl and data are encoded as in {@link TxnCodec}.
 * Big-endian. A snapshot is written to {@code snapshot.<zxid>.tmp}, forced, renamed and the directory
 * forced, so a file with the final name is always complete.
 */
public final class SnapshotFormat {
    public static final int MAGIC = 0x5A414B53;
    public static final int VERSION = 1;
    public static final int END_MAGIC = 0x454E4453;

    private SnapshotFormat() {
    }

    public static void writeHeader(DataOutput out, Zxid zxid, Map<Long, Integer> sessions, int nodeCount)
            throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeLong(zxid.toLong());
        out.writeInt(sessions.size());
        for (Map.Entry<Long, Integer> session : new TreeMap<>(sessions).entrySet()) {
            out.writeLong(session.getKey());
            out.writeInt(session.getValue());
        }
        out.writeInt(nodeCount);
    }

    /** Numbers the ACL lists of one snapshot being written, in order of first use. */
    public static final class AclTable {
        private final Map<List<Acl>, Integer> indexes = new HashMap<>();
        /**
         * The same indexes by list instance: nodes share one list per distinct ACL (the tree's AclCache), so
         * nearly every lookup hits here without hashing and comparing the list's entries (that was 6 % of a
         * server's samples while it wrote a snapshot of a million nodes). Equal lists keep one index either way.
         */
        private final Map<List<Acl>, Integer> byInstance = new IdentityHashMap<>();
        private final List<List<Acl>> lists = new ArrayList<>();

        private Integer find(List<Acl> acl) {
            Integer index = byInstance.get(acl);
            if (index == null) {
                index = indexes.get(acl);
                if (index != null) {
                    byInstance.put(acl, index);
                }
            }
            return index;
        }

        private int add(List<Acl> acl) {
            int index = lists.size();
            indexes.put(acl, index);
            byInstance.put(acl, index);
            lists.add(acl);
            return index;
        }

        List<Acl> get(int index) throws IOException {
            if (index < 0 || index >= lists.size()) {
                throw new IOException("ACL index " + index + " of " + lists.size());
            }
            return lists.get(index);
        }
    }

    public static void writeNode(DataOutput out, NodeImage node, AclTable acls) throws IOException {
        TxnCodec.writeString(out, node.path());
        out.writeLong(node.ephemeralOwner());
        out.writeLong(node.czxid());
        out.writeLong(node.mzxid());
        out.writeLong(node.pzxid());
        out.writeLong(node.ctimeMs());
        out.writeLong(node.mtimeMs());
        out.writeInt(node.version());
        out.writeInt(node.childCreations());
        out.writeInt(node.aversion());
        Integer index = acls.find(node.acl());
        if (index == null) {
            out.writeInt(acls.add(node.acl()));
            TxnCodec.writeAcl(out, node.acl());
        } else {
            out.writeInt(index);
        }
        TxnCodec.writeBytes(out, node.data());
    }

    /** The header fields of a snapshot. */
    public record Header(Zxid zxid, Map<Long, Integer> sessionTimeouts, int nodeCount) {
    }

    public static Header readHeader(DataInput in) throws IOException {
        int magic = in.readInt();
        int version = in.readInt();
        if (magic != MAGIC || version != VERSION) {
            throw new IOException(String.format("not a Zakka snapshot (magic %08x, version %d)", magic, version));
        }
        Zxid zxid = Zxid.of(in.readLong());
        int sessionCount = in.readInt();
        if (sessionCount < 0 || sessionCount > (1 << 24)) {
            throw new IOException("bad session count " + sessionCount);
        }
        Map<Long, Integer> sessions = new TreeMap<>();
        for (int i = 0; i < sessionCount; i++) {
            sessions.put(in.readLong(), in.readInt());
        }
        int nodeCount = in.readInt();
        if (nodeCount < 4) {
            throw new IOException("bad node count " + nodeCount);
        }
        return new Header(zxid, sessions, nodeCount);
    }

    public static NodeImage readNode(DataInput in, AclTable acls) throws IOException {
        String path = TxnCodec.readString(in);
        long owner = in.readLong();
        long czxid = in.readLong();
        long mzxid = in.readLong();
        long pzxid = in.readLong();
        long ctime = in.readLong();
        long mtime = in.readLong();
        int version = in.readInt();
        int childCreations = in.readInt();
        int aversion = in.readInt();
        int index = in.readInt();
        List<Acl> acl;
        if (index == acls.lists.size()) {
            acl = TxnCodec.readAcl(in);
            acls.lists.add(acl);
        } else {
            acl = acls.get(index);
        }
        byte[] data = TxnCodec.readBytes(in);
        return new NodeImage(path, data, acl, owner, czxid, mzxid, pzxid, ctime, mtime, version, childCreations,
                aversion);
    }
}
