package io.zakka.multinode.differential;

import io.zakka.protocol.ErrorCode;
import io.zakka.protocol.WatchEvent;
import io.zakka.protocol.op.Op;
import io.zakka.protocol.op.OpResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Collectors;

/**
 * Canonical text of results, events and trees, after normalisation by a {@link SideView}. Two targets
 * agree on a step when these texts are equal. Children and getEphemerals paths are compared as sets
 * (neither ZooKeeper nor Zakka promises an order), ACL entries as multisets (see {@link OpText#aclAsSet}).
 */
final class Render {

    private Render() {
    }

    static String result(Op op, OpResult result, SideView view) {
        if (result instanceof OpResult.MultiResult multi) {
            List<Op> ops = op instanceof Op.Multi m ? m.ops() : op instanceof Op.MultiRead r ? r.ops() : List.of();
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < multi.results().size(); i++) {
                parts.add(one(i < ops.size() ? ops.get(i) : null, multi.results().get(i), view));
            }
            return "multi" + parts;
        }
        return one(op, result, view);
    }

    private static String one(Op op, OpResult result, SideView view) {
        if (result instanceof OpResult.Error error) {
            return "error " + error.code();
        } else if (result instanceof OpResult.Created c) {
            return "created " + OpText.quote(c.path()) + " " + view.stat(c.stat());
        } else if (result instanceof OpResult.Done) {
            return "ok";
        } else if (result instanceof OpResult.StatResult s) {
            // exists reports a missing node as NONODE on the wire; a null Stat means the same.
            boolean missing = s.stat() == null && op instanceof Op.Exists;
            return missing ? "error " + ErrorCode.NONODE : "stat " + view.stat(s.stat());
        } else if (result instanceof OpResult.DataResult d) {
            return "data " + OpText.data(d.data()) + " " + view.stat(d.stat());
        } else if (result instanceof OpResult.AclResult a) {
            return "acl " + OpText.aclAsSet(a.acl()) + " " + view.stat(a.stat());
        } else if (result instanceof OpResult.ChildrenResult c) {
            boolean withStat = op instanceof Op.GetChildren g && g.withStat();
            return "children " + sorted(c.children()) + (withStat ? " " + view.stat(c.stat()) : "");
        } else if (result instanceof OpResult.CountResult c) {
            return "count " + c.count();
        } else if (result instanceof OpResult.PathsResult p) {
            return "paths " + sorted(p.paths());
        } else if (result instanceof OpResult.WhoAmIResult w) {
            // ZooKeeper's auth ids live in a hash set: compared as a set.
            return "whoAmI " + sorted(w.ids().stream().map(id -> id.scheme() + ":" + id.id()).toList());
        }
        return String.valueOf(result);
    }

    private static List<String> sorted(List<String> items) {
        return items == null ? null : items.stream().sorted().collect(Collectors.toList());
    }

    /**
     * A session's events for one batch of steps, in arrival order, except that the events of one step
     * of three kinds are compared as a multiset because ZooKeeper's order for them is a hash order: a
     * session close (it deletes the ephemerals in the iteration order of a HashSet), a reaper run (its
     * candidates are a HashSet) and a removeWatches (the client queues the *WatchRemoved events from a
     * HashMap keyed by event type, whose enum keys hash by identity). Events are assigned to their step
     * by their zxid; client-made events (zxid -1) belong to the batch's only step.
     */
    static String events(List<WatchEvent> events, List<Step> batch, SideView view) {
        List<String> texts = new ArrayList<>();
        List<String> group = new ArrayList<>();
        Integer groupStep = null;
        for (WatchEvent e : events) {
            Integer step = e.zxid() == -1 ? null : view.stepOf(e.zxid());
            if (!group.isEmpty() && !java.util.Objects.equals(step, groupStep)) {
                flush(group, groupStep, batch, texts);
            }
            groupStep = step;
            String zxid = e.zxid() == -1 ? "" : " @" + view.zxid(e.zxid());
            group.add(e.type() + " " + OpText.quote(e.path()) + zxid);
        }
        flush(group, groupStep, batch, texts);
        return texts.toString();
    }

    private static void flush(List<String> group, Integer stepIndex, List<Step> batch, List<String> texts) {
        Step step = batch.stream().filter(s -> stepIndex == null || s.index() == stepIndex).findFirst()
                .orElse(null);
        boolean unordered = step != null && (stepIndex != null || batch.size() == 1)
                && (step.action() instanceof Step.Reopen || step.action() instanceof Step.Reap
                || step.op() instanceof Op.RemoveWatches);
        if (unordered) {
            group.sort(null);
        }
        texts.addAll(group);
        group.clear();
    }

    static List<String> tree(SortedMap<String, Target.NodeDump> nodes, SideView view) {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, Target.NodeDump> e : nodes.entrySet()) {
            Target.NodeDump n = e.getValue();
            lines.add(OpText.quote(e.getKey()) + " " + OpText.data(n.data()) + " " + OpText.aclAsSet(n.acl()) + " "
                    + view.stat(n.stat()));
        }
        return lines;
    }
}
