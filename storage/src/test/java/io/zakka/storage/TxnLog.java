package io.zakka.storage;

import io.zakka.protocol.Acl;
import io.zakka.protocol.Zxid;
import io.zakka.protocol.txn.Txn;
import io.zakka.protocol.txn.TxnEntry;
import io.zakka.protocol.txn.TxnHeader;
import io.zakka.storage.tree.ApplyResult;
import io.zakka.storage.tree.DataTree;
import java.util.List;

/** Hand-made txns for tree tests: consecutive zxids in epoch 1, the time a field the test sets. */
public final class TxnLog {
    public final DataTree tree;
    public long timeMs = 5_000L;
    private Zxid last = new Zxid(1, 0);

    public TxnLog(DataTree tree) {
        this.tree = tree;
    }

    public Zxid nextZxid() {
        return last.next();
    }

    public TxnEntry entry(long sessionId, Txn txn) {
        last = last.next();
        return new TxnEntry(new TxnHeader(sessionId, 1, last, timeMs), txn);
    }

    public ApplyResult apply(long sessionId, Txn txn) {
        return tree.apply(entry(sessionId, txn));
    }

    public ApplyResult apply(Txn txn) {
        return apply(Fixture.SESSION, txn);
    }

    /** A create that bumps the parent's creation counter by one, as prep would build it. */
    public ApplyResult create(String path, byte[] data, long ephemeralOwner) {
        return apply(createTxn(path, data, Acl.OPEN_ACL_UNSAFE, ephemeralOwner));
    }

    public ApplyResult create(String path) {
        return create(path, Fixture.bytes("x"), 0L);
    }

    public Txn.CreateTxn createTxn(String path, byte[] data, List<Acl> acl, long ephemeralOwner) {
        String parent = path.lastIndexOf('/') == 0 ? "/" : path.substring(0, path.lastIndexOf('/'));
        int creations = tree.meta(parent).childCreations() + 1;
        return new Txn.CreateTxn(path, data, acl, ephemeralOwner, creations);
    }
}
