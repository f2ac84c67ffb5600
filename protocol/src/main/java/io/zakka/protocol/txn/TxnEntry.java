package io.zakka.protocol.txn;

import io.zakka.protocol.ZakkaSerializable;

/** A txn with its header: the unit that is logged, replicated and applied. */
public record TxnEntry(TxnHeader header, Txn txn) implements ZakkaSerializable {
}
