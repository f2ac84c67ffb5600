package io.zakka.multinode.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

/**
 * What the writing client of a {@link CrashChild} was told, and the check of a recovered state against it: every
 * acknowledged write is present, and no write, acknowledged or not, is half-applied (a node's data always names its
 * version; {@code /m-last} counts exactly the multi creates that are present).
 */
final class AckLedger {
    /** path -> highest acknowledged version; data of a node at version v is always "path@v". */
    private final Map<String, Integer> acked = new HashMap<>();
    private int ackedMulti = -1;
    private int acks;

    /** Records an {@code ACK} or {@code ACK-MULTI} line of the child; ignores every other line. */
    void record(String line) {
        String[] parts = line.split(" ");
        if (parts[0].equals("ACK")) {
            acked.merge(parts[1], Integer.parseInt(parts[2]), Math::max);
            acks++;
        } else if (parts[0].equals("ACK-MULTI")) {
            acked.merge(parts[1], 0, Math::max);
            ackedMulti = Math.max(ackedMulti, Integer.parseInt(parts[2]));
            acks++;
        }
    }

    /** Acknowledgements recorded so far. */
    int acks() {
        return acks;
    }

    /** Nodes with an acknowledged write. */
    int ackedNodes() {
        return acked.size();
    }

    int lastMulti() {
        return ackedMulti;
    }

    /** The recovered state (path -> [version, data]) against everything acknowledged before the crash. */
    void verify(Map<String, String[]> state, String context) {
        for (Map.Entry<String, Integer> ack : acked.entrySet()) {
            String[] node = state.get(ack.getKey());
            assertNotNull(node, context + ": acknowledged " + ack.getKey() + " is gone");
            assertTrue(Integer.parseInt(node[0]) >= ack.getValue(), context + ": " + ack.getKey()
                    + " acknowledged at version " + ack.getValue() + " but recovered at " + node[0]);
        }
        int multis = 0;
        int maxMulti = -1;
        for (Map.Entry<String, String[]> node : state.entrySet()) {
            if (node.getKey().equals("/m-last")) {
                continue;
            }
            assertEquals(node.getKey() + "@" + node.getValue()[0], node.getValue()[1],
                    context + ": data of " + node.getKey() + " does not match its version");
            if (node.getKey().startsWith("/m/m")) {
                multis++;
                maxMulti = Math.max(maxMulti, Integer.parseInt(node.getKey().substring(4)));
            }
        }
        String[] last = state.get("/m-last");
        assertNotNull(last, context + ": /m-last missing");
        assertEquals(multis, Integer.parseInt(last[0]), context + ": /m-last was set by " + last[0]
                + " multis but " + multis + " multi creates are present: a multi was applied in part");
        assertEquals(Integer.toString(maxMulti), last[1], context + ": /m-last names the wrong multi");
        assertTrue(maxMulti >= ackedMulti, context + ": acknowledged multi " + ackedMulti + " is gone");
    }
}
