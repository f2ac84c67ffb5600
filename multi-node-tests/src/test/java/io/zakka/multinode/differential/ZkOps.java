package io.zakka.multinode.differential;

import io.zakka.protocol.ErrorCode;
import io.zakka.protocol.op.Op;
import io.zakka.protocol.op.OpResult;
import java.util.ArrayList;
import java.util.List;
import org.apache.zookeeper.AddWatchMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

/** Runs one non-multi op through the stock client's synchronous API and converts the answer. */
final class ZkOps {

    private ZkOps() {
    }

    /** @param plainCreate use the 4-argument create (opcode create: the reply carries no Stat) */
    static OpResult run(ZkSession zk, Op op, boolean plainCreate) throws KeeperException, InterruptedException {
        if (op instanceof Op.Create c && plainCreate && !c.mode().isTtl()) {
            String path = zk.create(c.path(), c.data(), ZkConvert.toZk(c.acl()), ZkConvert.mode(c.mode()));
            return new OpResult.Created(path, null);
        }
        if (op instanceof Op.WriteOp) {
            return write(zk, op);
        }
        if (op instanceof Op.MultiRead multi) {
            List<org.apache.zookeeper.Op> ops = new ArrayList<>();
            for (Op read : multi.ops()) {
                ops.add(ZkConvert.op(read, false));
            }
            return ZkConvert.results(zk.multi(ops));
        }
        if (op instanceof Op.AddAuth auth) {
            zk.addAuthInfo(auth.scheme(), auth.auth());
            return new OpResult.Done();
        }
        if (op instanceof Op.WhoAmI) {
            List<io.zakka.protocol.Id> ids = new ArrayList<>();
            zk.whoAmI().forEach(info -> ids.add(new io.zakka.protocol.Id(info.getAuthScheme(), info.getUser())));
            return new OpResult.WhoAmIResult(ids);
        }
        if (op instanceof Op.Sync sync) {
            zk.sync(sync.path());
            return new OpResult.Done();
        }
        if (op instanceof Op.RemoveWatches remove) {
            zk.removeAllWatches(remove.path(), org.apache.zookeeper.Watcher.WatcherType.fromInt(remove.type().code()),
                    false);
            return new OpResult.Done();
        }
        if (op instanceof Op.AddWatch watch) {
            zk.addWatch(watch.path(), AddWatchMode.valueOf(watch.mode().name()));
            return new OpResult.Done();
        }
        return read(zk, op);
    }

    private static OpResult write(ZkSession zk, Op op) throws KeeperException, InterruptedException {
        Stat stat = new Stat();
        if (op instanceof Op.Create c) {
            String path = zk.create(c.path(), c.data(), ZkConvert.toZk(c.acl()), ZkConvert.mode(c.mode()), stat,
                    ZkConvert.ttl(c));
            return new OpResult.Created(path, ZkConvert.stat(stat));
        } else if (op instanceof Op.Delete d) {
            zk.delete(d.path(), d.version());
            return new OpResult.Done();
        } else if (op instanceof Op.SetData s) {
            return new OpResult.StatResult(ZkConvert.stat(zk.setData(s.path(), s.data(), s.version())));
        } else if (op instanceof Op.SetAcl s) {
            return new OpResult.StatResult(ZkConvert.stat(zk.setACL(s.path(), ZkConvert.toZk(s.acl()),
                    s.aclVersion())));
        }
        throw new IllegalArgumentException("not generated: " + op);
    }

    private static OpResult read(ZkSession zk, Op op) throws KeeperException, InterruptedException {
        Stat stat = new Stat();
        if (op instanceof Op.Exists e) {
            Stat found = zk.exists(e.path(), e.watch());
            return found == null ? new OpResult.Error(ErrorCode.NONODE)
                    : new OpResult.StatResult(ZkConvert.stat(found));
        } else if (op instanceof Op.GetData g) {
            byte[] data = zk.getData(g.path(), g.watch(), stat);
            return new OpResult.DataResult(data, ZkConvert.stat(stat));
        } else if (op instanceof Op.GetChildren g) {
            if (g.withStat()) {
                List<String> children = zk.getChildren(g.path(), g.watch(), stat);
                return new OpResult.ChildrenResult(children, ZkConvert.stat(stat));
            }
            return new OpResult.ChildrenResult(zk.getChildren(g.path(), g.watch()), null);
        } else if (op instanceof Op.GetAcl g) {
            return new OpResult.AclResult(ZkConvert.fromZk(zk.getACL(g.path(), stat)), ZkConvert.stat(stat));
        } else if (op instanceof Op.GetAllChildrenNumber g) {
            return new OpResult.CountResult(zk.getAllChildrenNumber(g.path()));
        } else if (op instanceof Op.GetEphemerals g) {
            return new OpResult.PathsResult(zk.getEphemerals(g.prefixPath()));
        }
        throw new IllegalArgumentException("not generated: " + op);
    }
}
