package io.zakka.multinode.differential;

import io.zakka.protocol.Acl;
import io.zakka.protocol.AddWatchMode;
import io.zakka.protocol.CreateMode;
import io.zakka.protocol.op.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded generator of differential steps. It never looks at results: every choice comes from the seed,
 * so a seed replays the same sequence against any target. The universe is small so that ops collide.
 */
final class OpGenerator {

    /** Session slots; each step is issued by one of them. */
    static final int SESSIONS = 3;

    private static final CreateMode[] MODES = CreateMode.values();
    /** Weights of {@link CreateMode#values()}, in order. */
    private static final int[] MODE_WEIGHTS = {30, 15, 12, 10, 10, 12, 11};

    private final SplittableRandom random;
    private final GenValues values;
    /** Paths this generator recently asked to create: deletes aim at them often, so the tree churns. */
    private final java.util.ArrayDeque<String> recentCreates = new java.util.ArrayDeque<>();
    /** Paths this generator recently set watches on: removeWatches aims at them often. */
    private final java.util.ArrayDeque<String> recentWatches = new java.util.ArrayDeque<>();
    private int nextIndex;

    private final boolean clientSessionOps;
    private final boolean reaps;

    /**
     * @param clientSessionOps also generate whoAmI, sync and removeWatches (see {@link Target#hasClientSession})
     * @param reaps            also generate reaper runs (see {@link Target#reapsOnDemand})
     */
    OpGenerator(long seed, boolean clientSessionOps, boolean reaps) {
        this.random = new SplittableRandom(seed);
        this.values = new GenValues(random);
        this.clientSessionOps = clientSessionOps;
        this.reaps = reaps;
    }

    Step next() {
        int session = random.nextInt(SESSIONS);
        int roll = random.nextInt(1000);
        Step.Action action = roll < 8 ? new Step.Reopen() : roll < 16 && reaps ? new Step.Reap() : new Step.Run(op());
        return new Step(nextIndex++, session, action);
    }

    private Op op() {
        int roll = random.nextInt(1000);
        if (roll < 250) {
            return create();
        } else if (roll < 350) {
            return delete();
        } else if (roll < 450) {
            return setData();
        } else if (roll < 500) {
            return new Op.SetAcl(setAclPath(), values.acl(), values.version());
        } else if (roll < 790) {
            return read(roll);
        } else if (roll < 890) {
            return multi();
        } else if (roll < 910) {
            return multiRead();
        } else if (roll < 945) {
            AddWatchMode mode = values.chance(50) ? AddWatchMode.PERSISTENT : AddWatchMode.PERSISTENT_RECURSIVE;
            return new Op.AddWatch(watched(values.chance(15) ? "/" : values.path()), mode);
        } else if (roll < 955) {
            return values.quotaOp();
        } else if (roll < 968) {
            return new Op.AddAuth("digest", values.auth());
        } else if (roll < 973 && clientSessionOps) {
            return new Op.WhoAmI();
        } else if (roll < 978 && clientSessionOps) {
            return new Op.Sync(values.path());
        } else if (roll < 990 && clientSessionOps) {
            String path = !recentWatches.isEmpty() && values.chance(70) ? values.pick(List.copyOf(recentWatches))
                    : values.path();
            io.zakka.protocol.WatcherType type = values.chance(40) ? io.zakka.protocol.WatcherType.ANY
                    : values.pick(List.of(io.zakka.protocol.WatcherType.values()));
            return new Op.RemoveWatches(path, type);
        }
        return new Op.Exists(watched(values.path()), true);
    }

    private Op read(int roll) {
        boolean watch = values.chance(50);
        String path = values.path();
        if (watch) {
            watched(path);
        }
        if (roll < 580) {
            return new Op.Exists(path, watch);
        } else if (roll < 660) {
            return new Op.GetData(path, watch);
        } else if (roll < 720) {
            return new Op.GetChildren(path, watch, values.chance(50));
        } else if (roll < 750) {
            return new Op.GetAcl(path);
        } else if (roll < 770) {
            return new Op.GetAllChildrenNumber(path);
        }
        return new Op.GetEphemerals(values.ephemeralsPrefix());
    }

    /** Remembers a path a watch was asked for, so that removeWatches often names one. */
    private String watched(String path) {
        remember(recentWatches, path);
        return path;
    }

    private static void remember(java.util.ArrayDeque<String> recent, String path) {
        recent.addLast(path);
        if (recent.size() > 8) {
            recent.removeFirst();
        }
    }

    /**
     * setACL never targets the root: a restrictive ACL on "/" that nobody can undo would turn the rest
     * of the run into NOAUTH replies and hide everything else.
     */
    private String setAclPath() {
        String path = values.path();
        return path.equals("/") ? values.validPath(1) : path;
    }

    private Op create() {
        CreateMode mode = mode();
        if (values.chance(1)) {
            return new Op.Create(GenValues.BIG_PATH, values.bigData(), values.acl(), mode, ttlFor(mode));
        }
        String path = mode.isSequential() && values.chance(85) ? values.sequentialPath() : values.path();
        if (!mode.isSequential()) {
            remember(recentCreates, path);
        }
        return new Op.Create(path, values.data(), values.acl(), mode, ttlFor(mode));
    }

    private Op delete() {
        if (!recentCreates.isEmpty() && values.chance(40)) {
            String path = values.pick(List.copyOf(recentCreates));
            return new Op.Delete(path, values.chance(60) ? -1 : values.version());
        }
        return new Op.Delete(values.deletePath(), values.version());
    }

    private Op setData() {
        if (values.chance(2)) {
            return new Op.SetData(GenValues.BIG_PATH, values.bigData(), values.version());
        }
        return new Op.SetData(values.path(), values.data(), values.version());
    }

    private long ttlFor(CreateMode mode) {
        return mode.isTtl() ? values.ttl() : 0L;
    }

    private CreateMode mode() {
        int roll = random.nextInt(100);
        for (int i = 0; i < MODES.length; i++) {
            roll -= MODE_WEIGHTS[i];
            if (roll < 0) {
                return MODES[i];
            }
        }
        return CreateMode.PERSISTENT;
    }

    /**
     * 0-5 ops on a small neighbourhood (a base path, its children and its parent), so that a multi can
     * create a parent and then its child, and often fails in the middle. Half of the multis lean towards
     * success (sequential creates, versions -1, the root) so that committed multis are common too.
     */
    private Op multi() {
        int size = values.chance(3) ? random.nextInt(2) : 2 + random.nextInt(4);
        String base = values.validPath(2);
        boolean friendly = values.chance(50);
        List<Op> ops = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            ops.add(friendly && values.chance(85) ? likelyOp(base) : multiOp(neighbour(base)));
        }
        return new Op.Multi(ops);
    }

    private Op likelyOp(String base) {
        String target = values.chance(50) ? "/" : base;
        int roll = random.nextInt(100);
        if (roll < 40) {
            CreateMode mode = values.pick(List.of(CreateMode.PERSISTENT_SEQUENTIAL, CreateMode.EPHEMERAL_SEQUENTIAL,
                    CreateMode.PERSISTENT_SEQUENTIAL_WITH_TTL));
            String path = target.equals("/") ? "/s" : target + "/s";
            return new Op.Create(path, values.data(), Acl.OPEN_ACL_UNSAFE, mode, mode.isTtl() ? 1000 : 0);
        } else if (roll < 65) {
            return new Op.SetData(target, values.data(), -1);
        } else if (roll < 85) {
            return new Op.Check(target, -1);
        } else if (roll < 93) {
            return new Op.Create(base, values.data(), Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT, 0);
        }
        return new Op.Delete(base, -1);
    }

    private String neighbour(String base) {
        int roll = random.nextInt(100);
        if (roll < 35) {
            return base;
        } else if (roll < 80) {
            return base + "/" + values.pick(List.of("a", "b", "c"));
        } else if (roll < 92) {
            int slash = base.lastIndexOf('/');
            return slash == 0 ? "/" : base.substring(0, slash);
        }
        return values.path();
    }

    private Op multiOp(String path) {
        int roll = random.nextInt(100);
        if (roll < 40) {
            CreateMode mode = mode();
            String target = !mode.isSequential() ? path : path.equals("/") ? "/s" : path + "/s";
            return new Op.Create(target, values.data(), values.acl(), mode, ttlFor(mode));
        } else if (roll < 60) {
            return new Op.Delete(path, values.version());
        } else if (roll < 80) {
            return new Op.SetData(path, values.data(), values.version());
        }
        return new Op.Check(path, values.version());
    }

    /**
     * 1-4 getData / getChildren ops. Never the near-limit node (two copies of it would not fit in one
     * reply frame) and never an invalid path: the stock client refuses the whole request before sending,
     * and ZooKeeper's server does not validate read paths, so there is nothing server-side to compare.
     */
    private Op multiRead() {
        int size = 1 + random.nextInt(4);
        List<Op> ops = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String path = values.chance(10) ? "/" : values.validPath(3);
            ops.add(values.chance(50) ? new Op.GetData(path, false) : new Op.GetChildren(path, false, false));
        }
        return new Op.MultiRead(ops);
    }
}
