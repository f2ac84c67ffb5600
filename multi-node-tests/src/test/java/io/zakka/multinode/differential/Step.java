package io.zakka.multinode.differential;

import io.zakka.protocol.op.Op;

/**
 * One generated step of a differential run: its position in the run, the session slot that issues it
 * and what it does. The same steps, in the same order, run against ZooKeeper and against a Zakka target.
 */
record Step(int index, int session, Action action) {

    /** What a step does: a client operation, or closing and reopening the slot's session. */
    sealed interface Action permits Run, Reopen, Reap {
    }

    /** A client operation, expressed with Zakka's protocol records (ZooKeeper's side translates them). */
    record Run(Op op) implements Action {
    }

    /**
     * Closes the slot's session (its ephemerals are deleted and their watches fire) and opens a fresh
     * session in the slot, with no auth and no watches.
     */
    record Reopen() implements Action {
    }

    /**
     * The server's container/TTL reaper runs once, at a moment when every TTL has run out: it deletes
     * every empty container that has had a child and every empty TTL node (ZooKeeper's
     * ContainerManager.checkContainers, Zakka's ReaperScan + deleteContainer). The time is virtual on
     * both sides, so the outcome does not depend on either clock.
     */
    record Reap() implements Action {
    }

    /** The op of a {@link Run} step, or null for the other actions. */
    Op op() {
        return action instanceof Run run ? run.op() : null;
    }

    String describe() {
        String what = action instanceof Run run ? OpText.describe(run.op())
                : action instanceof Reap ? "reap()" : "reopenSession()";
        return "#" + index + " s" + session + " " + what;
    }
}
