package io.zakka.multinode.differential;

import io.zakka.protocol.op.Op;
import io.zakka.protocol.op.OpResult;
import java.util.Map;
import java.util.TreeMap;

/** Counts of the reference's outcomes per op kind, printed after a run to show what it covered. */
final class RunStats {

    private final Map<String, int[]> counts = new TreeMap<>();
    private final Map<String, Integer> codes = new TreeMap<>();
    private int events;
    private int batches;
    private int batchedSteps;

    void record(Step step, OpResult result) {
        String kind = step.op() != null ? kind(step.op())
                : step.action() instanceof Step.Reap ? "reap" : "reopenSession";
        String outcome = outcome(result);
        int[] okAndTotal = counts.computeIfAbsent(kind, k -> new int[2]);
        okAndTotal[1]++;
        if (outcome.equals("ok")) {
            okAndTotal[0]++;
        } else {
            codes.merge(outcome, 1, Integer::sum);
        }
    }

    void events(int count) {
        events += count;
    }

    /** A batch of more than one write, prepared together by a pipelining candidate. */
    void batch(int size) {
        if (size > 1) {
            batches++;
            batchedSteps += size;
        }
    }

    private static String kind(Op op) {
        if (op instanceof Op.Create c) {
            return "create." + c.mode();
        } else if (op instanceof Op.GetChildren g) {
            return g.withStat() ? "getChildren2" : "getChildren";
        }
        return op.getClass().getSimpleName();
    }

    private static String outcome(OpResult result) {
        if (result instanceof OpResult.Error e) {
            return e.code().name();
        } else if (result instanceof OpResult.MultiResult m) {
            return m.results().stream().filter(OpResult::isError).map(r -> ((OpResult.Error) r).code())
                    .filter(c -> c != io.zakka.protocol.ErrorCode.OK
                            && c != io.zakka.protocol.ErrorCode.RUNTIMEINCONSISTENCY)
                    .findFirst().map(c -> "failed:" + c).orElse("ok");
        }
        return "ok";
    }

    /** "kind ok/total" per op kind, then how often each error code was ZooKeeper's answer. */
    String summary() {
        StringBuilder sb = new StringBuilder("ok/total: ");
        counts.forEach((k, v) -> sb.append(k).append(' ').append(v[0]).append('/').append(v[1]).append(", "));
        sb.append("\n  errors: ");
        codes.forEach((k, v) -> sb.append(k).append('=').append(v).append(' '));
        sb.append("\n  watch events delivered: ").append(events);
        if (batches > 0) {
            sb.append("; pipelined batches: ").append(batches).append(" holding ").append(batchedSteps)
                    .append(" writes");
        }
        return sb.toString();
    }
}
