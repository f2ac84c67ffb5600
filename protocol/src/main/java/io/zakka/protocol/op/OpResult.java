package io.zakka.protocol.op;

import io.zakka.protocol.Acl;
import io.zakka.protocol.ErrorCode;
import io.zakka.protocol.Id;
import io.zakka.protocol.Stat;
import io.zakka.protocol.ZakkaSerializable;
import java.util.List;

/** The outcome of one {@link Op}: a result record, or {@link Error} with ZooKeeper's code. */
public sealed interface OpResult extends ZakkaSerializable {

    default boolean isError() {
        return this instanceof Error;
    }

    /** create: the actual path (with any sequence suffix) and the new node's Stat. */
    record Created(String path, Stat stat) implements OpResult {
    }

    /** Success without a body: delete, check, closeSession, addWatch, removeWatches, addAuth, ... */
    record Done() implements OpResult {
    }

    /** setData, setACL and exists. */
    record StatResult(Stat stat) implements OpResult {
    }

    record DataResult(byte[] data, Stat stat) implements OpResult {
    }

    record AclResult(List<Acl> acl, Stat stat) implements OpResult {
    }

    /** getChildren; {@code stat} is null unless getChildren2 was asked. */
    record ChildrenResult(List<String> children, Stat stat) implements OpResult {
    }

    record CountResult(int count) implements OpResult {
    }

    record PathsResult(List<String> paths) implements OpResult {
    }

    /**
     * multi / multiRead. For a failed multi every entry is an {@link Error}: OK before the failing op,
     * its code at the failing op, RUNTIMEINCONSISTENCY after it.
     */
    record MultiResult(List<OpResult> results) implements OpResult {
    }

    record SyncResult(String path) implements OpResult {
    }

    record WhoAmIResult(List<Id> ids) implements OpResult {
    }

    record Error(ErrorCode code) implements OpResult {
    }
}
