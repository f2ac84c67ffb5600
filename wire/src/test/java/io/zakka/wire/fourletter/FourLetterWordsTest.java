package io.zakka.wire.fourletter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zakka.api.ServerStatus;
import io.zakka.protocol.Zxid;
import io.zakka.wire.conn.ConnectionStats;
import io.zakka.wire.conn.LatencyStats;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FourLetterWordsTest {

    private static int word(String text) {
        return ByteBuffer.wrap(text.getBytes()).getInt();
    }

    private static ConnectionStats stats(long sessionId, Set<String> paths) {
        ConnectionStats stats = new ConnectionStats("/127.0.0.1:1", 0);
        stats.session(sessionId, 4000);
        stats.watches(new ConnectionStats.WatchView() {
            @Override
            public Set<String> paths() {
                return paths;
            }

            @Override
            public int count() {
                return paths.size();
            }
        });
        return stats;
    }

    @Test
    void onlyKnownWordsAreRecognised() {
        assertEquals(Optional.of("ruok"), FourLetterWords.word(word("ruok")));
        assertEquals(Optional.of("dump"), FourLetterWords.word(word("dump")));
        assertEquals(Optional.empty(), FourLetterWords.word(45));
        assertEquals(Optional.empty(), FourLetterWords.word(word("RUOK")));
    }

    @Test
    void whitelistDecidesAndStarAllowsEverySupportedWord() {
        assertTrue(FourLetterWords.allowed("srvr", Set.of("srvr")));
        assertFalse(FourLetterWords.allowed("stat", Set.of("srvr")));
        assertTrue(FourLetterWords.allowed("wchp", Set.of("*")));
        assertFalse(FourLetterWords.allowed("dump", Set.of("*")));
        assertEquals("dump is not executed because it is not in the whitelist.\n",
                FourLetterWords.notWhitelisted("dump"));
    }

    @Test
    void watchReportsListSessionsByPathAndPathsBySession() {
        ConnectionStats a = stats(0x1a, Set.of("/x", "/y"));
        ConnectionStats b = stats(0x2b, Set.of("/y"));
        ServerView view = new ServerView(new ServerStatus(Zxid.of(0x100000005L), 9, 2, 3, 0), List.of(a, b), 10, 12,
                LatencyStats.Summary.NONE, Map.of(), Map.of(), 0);
        assertEquals("0x1a\n\t/x\n\t/y\n0x2b\n\t/y\n\n", FourLetterWords.answer("wchc", view));
        assertEquals("/x\n\t0x1a\n/y\n\t0x1a\n\t0x2b\n\n", FourLetterWords.answer("wchp", view));
        assertEquals("2 connections watching 2 paths\nTotal watches:3\n", FourLetterWords.answer("wchs", view));
        String srvr = FourLetterWords.answer("srvr", view);
        assertTrue(srvr.contains("Zxid: 0x100000005\n"), srvr);
        assertTrue(srvr.contains("Mode: standalone\nNode count: 9\n"), srvr);
    }

    @Test
    void srvrAndMntrReportTheRecordedRequestLatency() {
        LatencyStats latency = new LatencyStats();
        latency.record(2_000_000);
        latency.record(6_000_000);
        ServerView view = new ServerView(new ServerStatus(Zxid.of(1), 1, 0, 0, 0), List.of(), 2, 2,
                latency.summary(), Map.of(), Map.of(), 0);
        assertTrue(FourLetterWords.answer("srvr", view).contains("Latency min/avg/max: 2/4.0/6\n"));
        String mntr = FourLetterWords.answer("mntr", view);
        assertTrue(mntr.contains("zk_min_latency\t2\n") && mntr.contains("zk_avg_latency\t4.0\n")
                && mntr.contains("zk_max_latency\t6\n"), mntr);
    }

    @Test
    void dirsReportsTheSnapshotAndLogDirectorySizes() {
        ServerView view = new ServerView(new ServerStatus(Zxid.of(1), 1, 0, 0, 0).withDirSizes(4096, 65536),
                List.of(), 0, 0, LatencyStats.Summary.NONE, Map.of(), Map.of(), 0);
        assertEquals("datadir_size: 4096\nlogdir_size: 65536\n", FourLetterWords.answer("dirs", view));
    }

    @Test
    void mntrReportsSlowFsyncsUnderZooKeepersName() {
        ServerView view = new ServerView(new ServerStatus(Zxid.of(1), 1, 0, 0, 0).withFsyncThresholdExceedCount(3),
                List.of(), 0, 0, LatencyStats.Summary.NONE, Map.of(), Map.of(), 0);
        String mntr = FourLetterWords.answer("mntr", view);
        assertTrue(mntr.contains("zk_fsync_threshold_exceed_count\t3\n"), mntr);
    }
}
