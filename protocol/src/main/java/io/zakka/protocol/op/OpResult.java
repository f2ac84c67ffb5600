package io.zakka.protocol.op;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.zakka.protocol.Acl;
import io.zakka.protocol.ErrorCode;
import io.zakka.protocol.Id;
import io.zakka.protocol.Stat;
import io.zakka.protocol.ZakkaSerializable;
import java.util.List;

/** The outcome of one {@link Op}: a result record, or {@link Error} with ZooKeeper's code. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "@result")
@JsonSubTypes({
    @JsonSubTypes.Type(OpResult.Created.class), @JsonSubTypes.Type(OpResult.Done.class),
    @JsonSubTypes.Type(OpResult.StatResult.class), @JsonSubTypes.Type(OpResult.DataResult.class),
    @JsonSubTypes.Type(OpResult.AclResult.class), @JsonSubTypes.Type(OpResult.ChildrenResult.class),
    @JsonSubTypes.Type(OpResult.CountResult.class), @JsonSubTypes.Type(OpResult.PathsResult.class),
    @JsonSubTypes.Type(OpResult.MultiResult.class), @JsonSubTypes.Type(OpResult.SyncResult.class),
    @JsonSubTypes.Type(OpResult.WhoAmIResult.class), @JsonSubTypes.Type(OpResult.Error.class)
})
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
