package io.zakka.storage.txnlog;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zakka.protocol.Zxid;
import org.junit.jupiter.api.Test;

/** The chain rule: consecutive counters within an epoch; a later epoch starts its fresh counter at 1. */
class ZxidsTest {

    @Test
    void withinAnEpochCountersAreConsecutive() {
        assertTrue(Zxids.follows(new Zxid(3, 7), new Zxid(3, 8)));
        assertTrue(Zxids.follows(Zxid.ZERO, new Zxid(0, 1)));
        assertFalse(Zxids.follows(new Zxid(3, 7), new Zxid(3, 9)), "a gap");
        assertFalse(Zxids.follows(new Zxid(3, 7), new Zxid(3, 7)), "a repeat");
        assertFalse(Zxids.follows(new Zxid(3, -1), new Zxid(3, 0)), "the counter never rolls over");
    }

    @Test
    void laterEpochStartsAtCounterOneAndMaySkipEpochs() {
        assertTrue(Zxids.follows(new Zxid(3, 7), new Zxid(4, 1)));
        assertTrue(Zxids.follows(new Zxid(3, 7), new Zxid(6, 1)), "epochs 4 and 5 committed nothing");
        assertTrue(Zxids.follows(new Zxid(3, -1), new Zxid(4, 1)), "an exhausted counter forces a new epoch");
        assertTrue(Zxids.follows(new Zxid(4, 0), new Zxid(4, 1)), "a base at a leader's (e, 0)");
        assertTrue(Zxids.follows(Zxid.ZERO, new Zxid(1, 1)));
    }

    @Test
    void laterEpochThatDoesNotStartAtOneIsAGap() {
        assertFalse(Zxids.follows(new Zxid(3, 7), new Zxid(4, 2)), "(4, 1) is missing");
        assertFalse(Zxids.follows(new Zxid(3, 7), new Zxid(4, 8)), "not a continuation of epoch 3's counter");
        assertFalse(Zxids.follows(new Zxid(3, 7), new Zxid(4, 0)), "(e, 0) is never a txn");
        assertFalse(Zxids.follows(Zxid.ZERO, new Zxid(1, 5)));
    }

    @Test
    void earlierEpochNeverFollows() {
        assertFalse(Zxids.follows(new Zxid(4, 1), new Zxid(3, 8)));
    }
}
