package io.zakka.multinode.differential;

import io.zakka.api.client.ZakkaClient;
import io.zakka.api.client.ZakkaException;
import io.zakka.protocol.ErrorCode;
import io.zakka.protocol.Stat;
import io.zakka.protocol.op.Op;
import io.zakka.protocol.op.OpResult;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Runs one op through the {@link ZakkaClient} facade, as an application would, and turns the answer back
 * into a result: a {@link ZakkaException} is the error code (with its per-op results for a failed multi).
 */
final class ClientOps {

    private ClientOps() {
    }

    static OpResult run(ZakkaClient client, Op op) throws Exception {
        return Await.result(start(client, op));
    }

    /** Sends the op without waiting; the stage completes with its result (an error code included). */
    static CompletionStage<OpResult> start(ZakkaClient client, Op op) {
        return call(client, op).<OpResult>thenApply(result -> result).exceptionally(failure -> {
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            if (cause instanceof ZakkaException e) {
                return e.results().isEmpty() ? new OpResult.Error(e.code()) : new OpResult.MultiResult(e.results());
            }
            throw failure instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
        });
    }

    private static CompletionStage<? extends OpResult> call(ZakkaClient client, Op op) {
        if (op instanceof Op.Create c) {
            return c.mode().isTtl() ? client.create(c.path(), c.data(), c.acl(), c.mode(), c.ttlMs())
                    : client.create(c.path(), c.data(), c.acl(), c.mode());
        } else if (op instanceof Op.Delete d) {
            return client.delete(d.path(), d.version()).thenApply(v -> new OpResult.Done());
        } else if (op instanceof Op.SetData s) {
            return client.setData(s.path(), s.data(), s.version()).thenApply(OpResult.StatResult::new);
        } else if (op instanceof Op.SetAcl s) {
            return client.setACL(s.path(), s.acl(), s.aclVersion()).thenApply(OpResult.StatResult::new);
        } else if (op instanceof Op.Multi m) {
            return client.multi(m.ops()).thenApply(OpResult.MultiResult::new);
        } else if (op instanceof Op.MultiRead m) {
            return client.multiRead(m.ops()).thenApply(OpResult.MultiResult::new);
        } else if (op instanceof Op.AddAuth a) {
            return client.addAuth(a.scheme(), a.auth()).thenApply(v -> new OpResult.Done());
        } else if (op instanceof Op.RemoveWatches r) {
            return client.removeWatches(r.path(), r.type()).thenApply(v -> new OpResult.Done());
        } else if (op instanceof Op.Sync s) {
            return client.sync(s.path()).thenApply(path -> new OpResult.Done());
        } else if (op instanceof Op.WhoAmI) {
            return client.whoAmI().thenApply(OpResult.WhoAmIResult::new);
        } else if (op instanceof Op.AddWatch w) {
            return client.addWatch(w.path(), w.mode()).thenApply(v -> new OpResult.Done());
        }
        return read(client, op);
    }

    private static CompletionStage<? extends OpResult> read(ZakkaClient client, Op op) {
        if (op instanceof Op.Exists e) {
            return client.exists(e.path(), e.watch()).thenApply(ClientOps::existsResult);
        } else if (op instanceof Op.GetData g) {
            return client.getData(g.path(), g.watch());
        } else if (op instanceof Op.GetChildren g) {
            return g.withStat() ? client.getChildren2(g.path(), g.watch())
                    : client.getChildren(g.path(), g.watch()).thenApply(c -> new OpResult.ChildrenResult(c, null));
        } else if (op instanceof Op.GetAcl g) {
            return client.getACL(g.path());
        } else if (op instanceof Op.GetAllChildrenNumber g) {
            return client.getAllChildrenNumber(g.path()).thenApply(OpResult.CountResult::new);
        } else if (op instanceof Op.GetEphemerals g) {
            return client.getEphemerals(g.prefixPath()).thenApply(OpResult.PathsResult::new);
        }
        throw new IllegalArgumentException("not generated: " + op);
    }

    private static OpResult existsResult(Optional<Stat> stat) {
        return stat.<OpResult>map(OpResult.StatResult::new).orElse(new OpResult.Error(ErrorCode.NONODE));
    }
}
