package io.zakka.multinode.differential;

import io.zakka.protocol.Stat;
import java.util.HashMap;
import java.util.Map;

/**
 * How one target's zxids, times and session ids are written so that two targets can be compared.
 *
 * <p>Zxids: ZooKeeper consumes a zxid for every failed write and every session it opens, Zakka for
 * neither, so the raw values can never be compared. Instead each side maps the zxid of every committed
 * step to that step's index, and a Stat field reads "#12" when it names the txn of step 12.
 *
 * <p>Times: ctime and mtime are the leader's clock, different on each side. A time reads "t#12" when it
 * equals the time of step 12's txn (learnt from the first Stat that shows it), so the check is "ctime is
 * the time of the creating txn, mtime the time of the last modifying txn", on both sides.
 *
 * <p>Session ids are written as slot and generation ("s1.0", "s1.1" after a reopen).
 */
final class SideView {

    private final Map<Long, Integer> stepOfZxid = new HashMap<>();
    private final Map<Integer, Long> timeOfStep = new HashMap<>();
    private final Map<Long, String> sessionNames = new HashMap<>();
    private final Map<Integer, Integer> generations = new HashMap<>();

    void sessionOpened(int slot, long sessionId) {
        int generation = generations.merge(slot, 1, Integer::sum) - 1;
        sessionNames.put(sessionId, "s" + slot + "." + generation);
    }

    void committed(int stepIndex, long zxid) {
        if (zxid != 0) {
            stepOfZxid.put(zxid, stepIndex);
        }
    }

    /** The index of the step that committed this zxid, or null. */
    Integer stepOf(long zxid) {
        return stepOfZxid.get(zxid);
    }

    String zxid(long zxid) {
        if (zxid == 0) {
            return "0";
        }
        Integer step = stepOfZxid.get(zxid);
        return step == null ? "?0x" + Long.toHexString(zxid) : "#" + step;
    }

    /** A ctime or mtime, relative to the txn named by the matching zxid field. */
    String time(long time, long zxid) {
        if (time == 0) {
            return zxid == 0 ? "0" : "t0";
        }
        Integer step = stepOfZxid.get(zxid);
        if (step == null) {
            return "t?";
        }
        Long known = timeOfStep.putIfAbsent(step, time);
        if (known == null || known == time) {
            return "t#" + step;
        }
        return "t#" + step + (time > known ? "+" : "") + (time - known) + "ms";
    }

    String owner(long ephemeralOwner) {
        if (ephemeralOwner == 0) {
            return "0";
        }
        String name = sessionNames.get(ephemeralOwner);
        return name == null ? "0x" + Long.toHexString(ephemeralOwner) : name;
    }

    String stat(Stat s) {
        if (s == null) {
            return "{no stat}";
        }
        return "{cz=" + zxid(s.czxid()) + " mz=" + zxid(s.mzxid()) + " pz=" + zxid(s.pzxid())
                + " ct=" + time(s.ctime(), s.czxid()) + " mt=" + time(s.mtime(), s.mzxid())
                + " v=" + s.version() + " cv=" + s.cversion() + " av=" + s.aversion()
                + " eo=" + owner(s.ephemeralOwner()) + " len=" + s.dataLength() + " nc=" + s.numChildren() + "}";
    }
}
