package io.zakka.multinode.differential;

import io.zakka.protocol.Acl;
import io.zakka.protocol.ErrorCode;
import io.zakka.protocol.Id;
import io.zakka.protocol.Stat;
import io.zakka.protocol.op.Op;
import io.zakka.protocol.op.OpResult;
import java.util.ArrayList;
import java.util.List;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.CreateOptions;
import org.apache.zookeeper.data.ACL;

/** Translations between Zakka's protocol records and the stock ZooKeeper client's types. */
final class ZkConvert {

    private ZkConvert() {
    }

    static List<ACL> toZk(List<Acl> acl) {
        List<ACL> out = new ArrayList<>(acl.size());
        for (Acl a : acl) {
            out.add(new ACL(a.perms(), new org.apache.zookeeper.data.Id(a.id().scheme(), a.id().id())));
        }
        return out;
    }

    static List<Acl> fromZk(List<ACL> acl) {
        List<Acl> out = new ArrayList<>(acl.size());
        for (ACL a : acl) {
            out.add(new Acl(a.getPerms(), new Id(a.getId().getScheme(), a.getId().getId())));
        }
        return out;
    }

    static Stat stat(org.apache.zookeeper.data.Stat s) {
        if (s == null) {
            return null;
        }
        return new Stat(s.getCzxid(), s.getMzxid(), s.getCtime(), s.getMtime(), s.getVersion(), s.getCversion(),
                s.getAversion(), s.getEphemeralOwner(), s.getDataLength(), s.getNumChildren(), s.getPzxid());
    }

    static CreateMode mode(io.zakka.protocol.CreateMode mode) {
        return CreateMode.valueOf(mode.name());
    }

    /** The ZooKeeper client's ttl argument: Zakka's for the TTL modes, -1 ("none") for the others. */
    static long ttl(Op.Create create) {
        return create.mode().isTtl() ? create.ttlMs() : -1;
    }

    static ErrorCode code(int code) {
        return ErrorCode.fromCode(code);
    }

    /**
     * An op of a multi, built without client-side validation. Creates use create2 (or createTTL /
     * createContainer), whose results carry the new node's Stat as Zakka's do; with {@code plainCreate},
     * the non-TTL ones use opcode create instead (no Stat in the result, except for a container).
     */
    static org.apache.zookeeper.Op op(Op op, boolean plainCreate) {
        if (op instanceof Op.Create c) {
            if (c.mode().isTtl()) {
                return org.apache.zookeeper.Op.create(c.path(), c.data(), toZk(c.acl()), mode(c.mode()), c.ttlMs());
            }
            if (plainCreate) {
                return org.apache.zookeeper.Op.create(c.path(), c.data(), toZk(c.acl()), mode(c.mode()));
            }
            return org.apache.zookeeper.Op.create(c.path(), c.data(),
                    CreateOptions.newBuilder(toZk(c.acl()), mode(c.mode())).build());
        } else if (op instanceof Op.Delete d) {
            return org.apache.zookeeper.Op.delete(d.path(), d.version());
        } else if (op instanceof Op.SetData s) {
            return org.apache.zookeeper.Op.setData(s.path(), s.data(), s.version());
        } else if (op instanceof Op.Check c) {
            return org.apache.zookeeper.Op.check(c.path(), c.version());
        } else if (op instanceof Op.GetData g) {
            return org.apache.zookeeper.Op.getData(g.path());
        } else if (op instanceof Op.GetChildren g) {
            return org.apache.zookeeper.Op.getChildren(g.path());
        }
        throw new IllegalArgumentException("not a multi op: " + op);
    }

    /** Whether the stock client refuses this multi op before sending (its path or TTL), by ZooKeeper's own rules. */
    static boolean clientRefuses(Op op) {
        try {
            if (op instanceof Op.Create c) {
                org.apache.zookeeper.common.PathUtils.validatePath(c.path(), c.mode().isSequential());
                org.apache.zookeeper.server.EphemeralType.validateTTL(mode(c.mode()), ttl(c));
            } else {
                org.apache.zookeeper.common.PathUtils.validatePath(op.path());
            }
            return false;
        } catch (IllegalArgumentException refused) {
            return true;
        }
    }

    static OpResult result(org.apache.zookeeper.OpResult r) {
        if (r instanceof org.apache.zookeeper.OpResult.CreateResult c) {
            return new OpResult.Created(c.getPath(), stat(c.getStat()));
        } else if (r instanceof org.apache.zookeeper.OpResult.DeleteResult
                || r instanceof org.apache.zookeeper.OpResult.CheckResult) {
            return new OpResult.Done();
        } else if (r instanceof org.apache.zookeeper.OpResult.SetDataResult s) {
            return new OpResult.StatResult(stat(s.getStat()));
        } else if (r instanceof org.apache.zookeeper.OpResult.GetDataResult g) {
            return new OpResult.DataResult(g.getData(), stat(g.getStat()));
        } else if (r instanceof org.apache.zookeeper.OpResult.GetChildrenResult g) {
            return new OpResult.ChildrenResult(g.getChildren(), null);
        } else if (r instanceof org.apache.zookeeper.OpResult.ErrorResult e) {
            return new OpResult.Error(code(e.getErr()));
        }
        throw new IllegalArgumentException("unknown ZooKeeper result " + r);
    }

    static OpResult.MultiResult results(List<org.apache.zookeeper.OpResult> results) {
        List<OpResult> out = new ArrayList<>(results.size());
        for (org.apache.zookeeper.OpResult r : results) {
            out.add(result(r));
        }
        return new OpResult.MultiResult(out);
    }
}
