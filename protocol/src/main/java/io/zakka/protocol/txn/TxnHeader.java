package io.zakka.protocol.txn;

import io.zakka.protocol.Zxid;
import io.zakka.protocol.ZakkaSerializable;

/**
 * Who caused a txn and when: the session and its cxid, the zxid the leader assigned and the leader's
 * wall-clock time in ms. Every replica applies the same time (ctime/mtime come from here).
 */
public record TxnHeader(long sessionId, int cxid, Zxid zxid, long timeMs) implements ZakkaSerializable {
}
