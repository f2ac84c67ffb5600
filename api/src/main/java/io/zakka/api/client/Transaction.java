package io.zakka.api.client;

import io.zakka.protocol.Acl;
import io.zakka.protocol.CreateMode;
import io.zakka.protocol.op.Op;
import io.zakka.protocol.op.OpResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Collects ops for one atomic {@link ZakkaClient#multi}: ZooKeeper's {@code Transaction}. Not thread-safe;
 * build it on one thread and {@link #commit()} once.
 */
public final class Transaction {

    private final ZakkaClient client;
    private final List<Op> ops = new ArrayList<>();

    Transaction(ZakkaClient client) {
        this.client = client;
    }

    public Transaction create(String path, byte[] data, List<Acl> acl, CreateMode mode) {
        ops.add(new Op.Create(path, data, acl, mode));
        return this;
    }

    public Transaction delete(String path, int version) {
        ops.add(new Op.Delete(path, version));
        return this;
    }

    public Transaction setData(String path, byte[] data, int version) {
        ops.add(new Op.SetData(path, data, version));
        return this;
    }

    /** Asserts the node's version (-1: only that it exists). */
    public Transaction check(String path, int version) {
        ops.add(new Op.Check(path, version));
        return this;
    }

    /** The ops so far, in order. */
    public List<Op> ops() {
        return List.copyOf(ops);
    }

    /** Runs every op atomically; a failure is a {@link ZakkaException} carrying the per-op results. */
    public CompletionStage<List<OpResult>> commit() {
        return client.multi(List.copyOf(ops));
    }
}
