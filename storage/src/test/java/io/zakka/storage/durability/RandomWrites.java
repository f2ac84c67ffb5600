package io.zakka.storage.durability;

import io.zakka.protocol.Acl;
import io.zakka.protocol.CreateMode;
import io.zakka.protocol.Id;
import io.zakka.protocol.Perms;
import io.zakka.protocol.op.Op;
import io.zakka.protocol.txn.TxnEntry;
import io.zakka.storage.acl.AclChecker;
import io.zakka.storage.acl.Caller;
import io.zakka.storage.prep.PrepConfig;
import io.zakka.storage.prep.PrepOutcome;
import io.zakka.storage.prep.PrepStage;
import io.zakka.storage.tree.DataTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A seeded source of valid txns of every kind: prep turns random writes (over a small path space, so that
 * deletes, versions, sequential names and ephemerals collide often) into txns against {@link #tree}.
 * {@link #next()} returns the next accepted txn, already applied to the tree.
 */
final class RandomWrites {
    private static final String[] NAMES = {"a", "b", "c", "d"};
    private final SplittableRandom random;
    final DataTree tree;
    private final PrepStage prep;
    private final List<Long> sessions = new ArrayList<>();
    private long nextSession = 0x0100_0000_0000_0001L;
    private long nowMs = 1_000;
    private int cxid;

    RandomWrites(long seed, DataTree tree) {
        this.random = new SplittableRandom(seed);
        this.tree = tree;
        this.prep = new PrepStage(tree, PrepConfig.DEFAULTS, new AclChecker(Optional.empty()));
    }

    /** The next accepted txn, applied to the tree. */
    TxnEntry next() {
        while (true) {
            nowMs += random.nextInt(50);
            PrepOutcome outcome = attempt();
            if (outcome instanceof PrepOutcome.Proposed proposed) {
                tree.apply(proposed.entry());
                prep.applied(proposed.entry().header().zxid());
                return proposed.entry();
            }
        }
    }

    private PrepOutcome attempt() {
        int kind = random.nextInt(20);
        if (kind == 0 || sessions.isEmpty()) {
            long session = nextSession++;
            sessions.add(session);
            return prep.prepCreateSession(session, 4_000 + random.nextInt(10_000), nowMs);
        }
        if (kind == 1 && sessions.size() > 1) {
            return prep.prepCloseSession(sessions.remove(random.nextInt(sessions.size())), nowMs);
        }
        long session = sessions.get(random.nextInt(sessions.size()));
        return prep.prep(new Caller(session, List.of()), ++cxid, write(kind), nowMs);
    }

    private Op.WriteOp write(int kind) {
        String path = path();
        if (kind < 9) {
            return new Op.Create(path, data(), acl(), mode(), 0);
        }
        if (kind < 12) {
            return new Op.Delete(path, -1);
        }
        if (kind < 16) {
            return new Op.SetData(path, data(), -1);
        }
        if (kind < 17) {
            return new Op.SetAcl(path, acl(), -1);
        }
        return new Op.Multi(List.of(new Op.Create(path(), data(), acl(), mode(), 0),
                new Op.SetData(path(), data(), -1), new Op.Check(path(), -1)));
    }

    private String path() {
        int depth = 1 + random.nextInt(3);
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            path.append('/').append(NAMES[random.nextInt(NAMES.length)]);
        }
        return path.toString();
    }

    private CreateMode mode() {
        CreateMode[] modes = {CreateMode.PERSISTENT, CreateMode.PERSISTENT, CreateMode.EPHEMERAL,
            CreateMode.PERSISTENT_SEQUENTIAL, CreateMode.CONTAINER};
        return modes[random.nextInt(modes.length)];
    }

    private byte[] data() {
        if (random.nextInt(10) == 0) {
            return null;
        }
        byte[] data = new byte[random.nextInt(20)];
        random.nextBytes(data);
        return data;
    }

    private List<Acl> acl() {
        return random.nextBoolean() ? Acl.OPEN_ACL_UNSAFE
                : List.of(new Acl(Perms.ALL, Id.ANYONE), new Acl(Perms.READ, new Id("ip", "10.0.0.1")));
    }
}
