package io.zakka.multinode.differential;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Which seeds a differential test runs: {@code -Ddiff.seed=N} replays exactly that seed (or a
 * comma-separated list); otherwise a few fixed seeds plus one fresh seed, printed so that a failure
 * can be replayed. {@code -Ddiff.steps=N} sets the number of steps per seed.
 */
final class Seeds {

    static final long[] FIXED = {1L, 2L, 3L};
    private static final int DEFAULT_STEPS = 1500;

    private Seeds() {
    }

    /** The first {@code fixedCount} of {@link #FIXED} and one fresh seed (unless {@code diff.seed} is set). */
    static List<Long> toRun(int fixedCount) {
        String replay = System.getProperty("diff.seed");
        if (replay != null && !replay.isBlank()) {
            List<Long> seeds = new ArrayList<>();
            for (String seed : replay.split(",")) {
                seeds.add(Long.parseLong(seed.trim()));
            }
            return seeds;
        }
        List<Long> seeds = new ArrayList<>();
        for (int i = 0; i < fixedCount; i++) {
            seeds.add(FIXED[i]);
        }
        long fresh = new SplittableRandom().nextLong();
        System.out.println("differential run: fresh seed=" + fresh + " (replay with -Ddiff.seed=" + fresh + ")");
        seeds.add(fresh);
        return seeds;
    }

    static int steps() {
        return Integer.getInteger("diff.steps", DEFAULT_STEPS);
    }
}
