package io.zakka.protocol.op;

import io.zakka.protocol.Acl;
import io.zakka.protocol.AddWatchMode;
import io.zakka.protocol.CreateMode;
import io.zakka.protocol.WatcherType;
import io.zakka.protocol.ZakkaSerializable;
import java.util.List;

/**
 * Every operation a client can ask of a session, one record per ZooKeeper operation. The same records
 * serve the Akka ask API, the wire gateway and the ops inside {@link Multi} / {@link MultiRead}.
 *
 * <p>Three kinds: {@link WriteOp}s are validated by prep against the tree plus the changes in flight
 * and become a txn; {@link ReadOp}s are served from the local tree after the session's earlier
 * requests; {@link SessionOp}s act on the session itself (watches, auth, sync, close).
 *
 * <p>Versions of -1 mean "any". {@code data} may be null (distinct from empty, as in ZooKeeper).
 */
public sealed interface Op extends ZakkaSerializable permits Op.WriteOp, Op.ReadOp, Op.SessionOp {

    /** The path the op names, or null for ops without one. */
    String path();

    /** Changes the tree: prep turns it into a txn or an error. */
    sealed interface WriteOp extends Op permits Create, Delete, DeleteContainer, SetData, SetAcl, Check, Multi,
            CloseSession {
    }

    /** Reads the local tree. */
    sealed interface ReadOp extends Op permits Exists, GetData, GetAcl, GetChildren, GetAllChildrenNumber,
            GetEphemerals, MultiRead {
    }

    /** Acts on the session: watches, auth, sync. */
    sealed interface SessionOp extends Op permits Sync, AddWatch, RemoveWatches, CheckWatches, SetWatches, AddAuth,
            WhoAmI {
    }

    /** create / create2 / createContainer / createTTL. {@code ttlMs} is used only by the TTL modes. */
    record Create(String path, byte[] data, List<Acl> acl, CreateMode mode, long ttlMs) implements WriteOp {
        public Create(String path, byte[] data, List<Acl> acl, CreateMode mode) {
            this(path, data, acl, mode, 0L);
        }
    }

    record Delete(String path, int version) implements WriteOp {
    }

    /** Deletes an empty container, or an empty expired TTL node; issued by the reaper. */
    record DeleteContainer(String path) implements WriteOp {
    }

    record SetData(String path, byte[] data, int version) implements WriteOp {
    }

    record SetAcl(String path, List<Acl> acl, int aclVersion) implements WriteOp {
    }

    /** A version assertion; allowed only inside {@link Multi}. */
    record Check(String path, int version) implements WriteOp {
    }

    /** All-or-nothing: Create, Delete, SetData and Check ops applied under one zxid. */
    record Multi(List<Op> ops) implements WriteOp {
        @Override
        public String path() {
            return null;
        }
    }

    /** Ends the session: its ephemerals are deleted and their watches fire. */
    record CloseSession() implements WriteOp {
        @Override
        public String path() {
            return null;
        }
    }

    /** Sets a data watch when {@code watch}, even if the node does not exist. */
    record Exists(String path, boolean watch) implements ReadOp {
    }

    record GetData(String path, boolean watch) implements ReadOp {
    }

    record GetAcl(String path) implements ReadOp {
    }

    /** getChildren, or getChildren2 when {@code withStat}. */
    record GetChildren(String path, boolean watch, boolean withStat) implements ReadOp {
    }

    /** The number of all descendants of the path. */
    record GetAllChildrenNumber(String path) implements ReadOp {
    }

    /** Ephemerals of the calling session whose path starts with {@code prefixPath} ("/" for all). */
    record GetEphemerals(String prefixPath) implements ReadOp {
        @Override
        public String path() {
            return prefixPath;
        }
    }

    /** Not atomic: GetData and GetChildren ops, each succeeding or failing on its own. */
    record MultiRead(List<Op> ops) implements ReadOp {
        @Override
        public String path() {
            return null;
        }
    }

    record Sync(String path) implements SessionOp {
    }

    record AddWatch(String path, AddWatchMode mode) implements SessionOp {
    }

    record RemoveWatches(String path, WatcherType type) implements SessionOp {
    }

    record CheckWatches(String path, WatcherType type) implements SessionOp {
    }

    /**
     * Re-registers a reconnecting client's watches; one-shot watches get catch-up events for changes
     * after {@code relativeZxid}, persistent ones are only re-registered.
     */
    record SetWatches(long relativeZxid, List<String> dataWatches, List<String> existWatches,
                      List<String> childWatches, List<String> persistentWatches,
                      List<String> persistentRecursiveWatches) implements SessionOp {
        @Override
        public String path() {
            return null;
        }
    }

    /** Authenticates the session, e.g. scheme "digest" with "user:password". */
    record AddAuth(String scheme, byte[] auth) implements SessionOp {
        @Override
        public String path() {
            return null;
        }
    }

    record WhoAmI() implements SessionOp {
        @Override
        public String path() {
            return null;
        }
    }
}
