package io.zakka.protocol.txn;

import io.zakka.protocol.Acl;
import io.zakka.protocol.ZakkaSerializable;
import java.util.List;

/**
 * A committed change to the tree, produced by prep and applied identically by every replica.
 * A txn carries everything apply needs (final path, owner, parent cversion), so apply never
 * consults anything but the tree and the {@link TxnHeader}.
 */
public sealed interface Txn extends ZakkaSerializable {

    /**
     * Creates {@code path} (its final name, sequence suffix included). {@code ephemeralOwner} is encoded
     * as in {@link io.zakka.protocol.EphemeralOwner}; {@code parentCversion} is the parent's creation
     * counter after this create.
     */
    record CreateTxn(String path, byte[] data, List<Acl> acl, long ephemeralOwner, int parentCversion)
            implements Txn {
    }

    record DeleteTxn(String path) implements Txn {
    }

    /** {@code version} is the node's data version after this txn. */
    record SetDataTxn(String path, byte[] data, int version) implements Txn {
    }

    /** {@code aclVersion} is the node's ACL version after this txn. */
    record SetAclTxn(String path, List<Acl> acl, int aclVersion) implements Txn {
    }

    /** A check inside a multi; changes nothing. */
    record CheckVersionTxn(String path, int version) implements Txn {
    }

    record CreateSessionTxn(long sessionId, int timeoutMs) implements Txn {
    }

    /** Ends a session; {@code ephemeralPaths} are deleted, deepest first. */
    record CloseSessionTxn(long sessionId, List<String> ephemeralPaths) implements Txn {
    }

    /** The txns of a successful multi, applied all together under one zxid. */
    record MultiTxn(List<Txn> txns) implements Txn {
    }
}
