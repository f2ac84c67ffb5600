package io.zakka.multinode.differential;

import io.zakka.protocol.op.Op;
import io.zakka.protocol.op.OpResult;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Runs one seed: the same generated steps, one at a time, against the reference (ZooKeeper) and a
 * candidate (a Zakka target), comparing after every step the result (error code, path, data, children,
 * ACL, all eleven Stat fields, normalised by {@link SideView}) and every session's watch events, and the
 * whole trees every {@link #DUMP_EVERY} steps and at the end. The first difference fails the run with
 * the seed and the last {@link #HISTORY} steps.
 */
final class DifferentialRun {

    static final int DUMP_EVERY = 250;
    /** The longest run of consecutive steps a pipelining candidate prepares before applying. */
    static final int MAX_BATCH = 6;
    private static final int HISTORY = 20;

    private final long seed;
    private final int steps;
    private final Target reference;
    private final Target candidate;
    private final SideView referenceView = new SideView();
    private final SideView candidateView = new SideView();
    private final Deque<String> history = new ArrayDeque<>();
    private final RunStats stats = new RunStats();
    private final List<String> differences = new ArrayList<>();
    /**
     * How many differences to collect before failing (default 1: fail at the first). A larger value,
     * {@code -Ddiff.maxDifferences=N}, is for triage: the run goes on after a difference (later steps
     * may then differ as a consequence) and still fails, listing them all.
     */
    private final int maxDifferences = Integer.getInteger("diff.maxDifferences", 1);

    DifferentialRun(long seed, int steps, Target reference, Target candidate) {
        this.seed = seed;
        this.steps = steps;
        this.reference = reference;
        this.candidate = candidate;
    }

    /** Creates a fresh target for each seed. */
    @FunctionalInterface
    interface TargetFactory {
        Target create() throws Exception;
    }

    /**
     * Runs the given seeds against a fresh ZooKeeper and a fresh candidate each; all seeds run, then the
     * test fails listing the seeds that found differences.
     */
    static void runSeeds(List<Long> seeds, TargetFactory candidateFactory) throws Exception {
        runSeeds(seeds, ZooKeeperTarget::new, candidateFactory);
    }

    /** The same with another reference (ZooKeeper with other client calls). */
    @SuppressWarnings("try") // Target.close() may throw InterruptedException: it closes client sessions.
    static void runSeeds(List<Long> seeds, TargetFactory referenceFactory, TargetFactory candidateFactory)
            throws Exception {
        List<String> failures = new ArrayList<>();
        for (long seed : seeds) {
            try (Target zooKeeper = referenceFactory.create(); Target candidate = candidateFactory.create()) {
                new DifferentialRun(seed, Seeds.steps(), zooKeeper, candidate).execute();
            } catch (AssertionError difference) {
                failures.add(difference.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " seed(s) found differences:\n" + String.join("\n", failures));
        }
    }

    void execute() throws Exception {
        reference.open(OpGenerator.SESSIONS);
        candidate.open(OpGenerator.SESSIONS);
        for (int slot = 0; slot < OpGenerator.SESSIONS; slot++) {
            referenceView.sessionOpened(slot, reference.sessionId(slot));
            candidateView.sessionOpened(slot, candidate.sessionId(slot));
        }
        OpGenerator generator = new OpGenerator(seed, reference.hasClientSession() && candidate.hasClientSession(),
                reference.reapsOnDemand() && candidate.reapsOnDemand());
        int done = 0;
        Step lookahead = null;
        while (done < steps) {
            List<Step> batch = new ArrayList<>();
            batch.add(lookahead != null ? lookahead : generator.next());
            lookahead = null;
            while (candidate.pipelines(batch.get(0)) && batch.size() < MAX_BATCH && done + batch.size() < steps) {
                Step next = generator.next();
                if (!candidate.canBatch(batch.get(0), next)) {
                    lookahead = next;
                    break;
                }
                batch.add(next);
            }
            runBatch(batch);
            stats.batch(batch.size());
            if ((done + batch.size()) / DUMP_EVERY > done / DUMP_EVERY) {
                compareTrees(batch.get(batch.size() - 1));
            }
            done += batch.size();
        }
        compareTrees(null);
        if (!differences.isEmpty()) {
            throw new AssertionError(String.join("\n", differences));
        }
        System.out.println("seed=" + seed + ", " + steps + " steps, " + candidate.name() + " agreed with "
                + reference.name() + ": " + stats.summary());
    }

    /**
     * Runs a batch: one step, or for a pipelining candidate a run of consecutive writes (and session
     * closes) that it may prepare all before applying any. ZooKeeper runs them one by one; a pipeline
     * must give the same results. Events are compared after the batch.
     */
    private void runBatch(List<Step> batch) throws Exception {
        List<Target.Executed> expected = new ArrayList<>();
        for (Step step : batch) {
            expected.add(reference.run(step));
        }
        Step last = batch.get(batch.size() - 1);
        List<Target.Executed> actual;
        try {
            actual = candidate.runBatch(batch);
        } catch (Exception noAnswer) {
            String want = Render.result(last.op(), expected.get(batch.size() - 1).result(), referenceView);
            remember(last.describe() + " -> " + want);
            fail(last, "result", want, "no answer: " + noAnswer);
            throw new AssertionError(String.join("\n", differences), noAnswer);
        }
        for (int i = 0; i < batch.size(); i++) {
            compareResult(batch.get(i), expected.get(i), actual.get(i));
        }
        if (candidate.deliversWatches() && batch.stream().anyMatch(DifferentialRun::mayFireEvents)) {
            compareEvents(batch);
        }
    }

    /**
     * Whether a step can cause watch events: writes, session closes, reaper runs, removeWatches. After
     * any other step the sessions are not drained (saving round trips); an event a target sent for such
     * a step anyway would still be caught, by the next drain.
     */
    private static boolean mayFireEvents(Step step) {
        return !(step.action() instanceof Step.Run) || step.op() instanceof Op.WriteOp
                || step.op() instanceof Op.RemoveWatches;
    }

    private void compareResult(Step step, Target.Executed expected, Target.Executed actual) {
        referenceView.committed(step.index(), expected.zxid());
        candidateView.committed(step.index(), actual.zxid());
        expected.moreZxids().forEach(zxid -> referenceView.committed(step.index(), zxid));
        actual.moreZxids().forEach(zxid -> candidateView.committed(step.index(), zxid));
        if (step.action() instanceof Step.Reopen) {
            referenceView.sessionOpened(step.session(), reference.sessionId(step.session()));
            candidateView.sessionOpened(step.session(), candidate.sessionId(step.session()));
        }
        String want = Render.result(step.op(), expected.result(), referenceView);
        String got = Render.result(step.op(), actual.result(), candidateView);
        remember(step.describe() + " -> " + want);
        stats.record(step, expected.result());
        if (!want.equals(got) && !matchesAlternative(step, expected.alternatives(), got)) {
            fail(step, "result", want + alternative(expected), got);
        }
    }

    private boolean matchesAlternative(Step step, List<OpResult> alternatives, String got) {
        return alternatives.stream().anyMatch(alt -> Render.result(step.op(), alt, candidateView).equals(got));
    }

    private String alternative(Target.Executed expected) {
        StringBuilder sb = new StringBuilder();
        for (OpResult alt : expected.alternatives()) {
            sb.append("\n   or (also ZooKeeper's, see ZooKeeperTarget): ")
                    .append(Render.result(null, alt, referenceView));
        }
        return sb.toString();
    }

    private void compareEvents(List<Step> batch) throws Exception {
        Step last = batch.get(batch.size() - 1);
        for (int slot = 0; slot < OpGenerator.SESSIONS; slot++) {
            List<io.zakka.protocol.WatchEvent> events = reference.drainEvents(slot);
            stats.events(events.size());
            String want = Render.events(events, batch, referenceView);
            String got = Render.events(candidate.drainEvents(slot), batch, candidateView);
            if (!want.equals("[]")) {
                remember("   events s" + slot + ": " + want);
            }
            if (!want.equals(got)) {
                fail(last, "watch events of session s" + slot, want, got);
            }
        }
    }

    /** Compares the whole trees when both targets can show them. */
    void compareTrees(Step last) throws Exception {
        Optional<SortedMap<String, Target.NodeDump>> want = reference.dump();
        Optional<SortedMap<String, Target.NodeDump>> got = candidate.dump();
        if (want.isEmpty() || got.isEmpty()) {
            return;
        }
        List<String> wantLines = Render.tree(want.get(), referenceView);
        List<String> gotLines = Render.tree(got.get(), candidateView);
        for (int i = 0; i < Math.max(wantLines.size(), gotLines.size()); i++) {
            String w = i < wantLines.size() ? wantLines.get(i) : "<no more nodes>";
            String g = i < gotLines.size() ? gotLines.get(i) : "<no more nodes>";
            if (!w.equals(g)) {
                fail(last, "whole tree after the step (first differing node)", w, g);
                return;
            }
        }
    }

    private void remember(String line) {
        history.addLast(line);
        while (history.size() > HISTORY) {
            history.removeFirst();
        }
    }

    private void fail(Step step, String what, String want, String got) {
        StringBuilder sb = new StringBuilder();
        String at = step == null ? "the end of the run" : "step " + step.describe();
        sb.append("seed=").append(seed).append(": ").append(candidate.name()).append(" differs from ")
                .append(reference.name()).append(" at ").append(at).append('\n')
                .append(" compared: ").append(what).append('\n')
                .append(" expected: ").append(want).append('\n')
                .append(" actual:   ").append(got).append('\n')
                .append(" replay with -Ddiff.seed=").append(seed).append("; the last steps (with ")
                .append(reference.name()).append("'s results):\n");
        history.forEach(line -> sb.append("  ").append(line).append('\n'));
        differences.add(sb.toString());
        if (differences.size() >= maxDifferences) {
            throw new AssertionError(String.join("\n", differences));
        }
    }
}
