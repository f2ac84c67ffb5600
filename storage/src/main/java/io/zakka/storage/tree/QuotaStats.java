package io.zakka.storage.tree;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The text of a quota node ({@code zookeeper_stats}, {@code zookeeper_limits}), read and written exactly as
 * ZooKeeper 3.9.5's StatsTrack does, because clients (zkCli listquota, Curator) parse what we write and
 * ZooKeeper parses what they wrote: {@code key=long} pairs separated by runs of ',' or ';', a repeated key
 * keeps its last value, an empty value ("k==1") is -1, a missing key reads as -1. Written back as
 * {@code count=C,bytes=B}, then, only if there are other keys, "=" and {@code ;key=value} for each in
 * sorted order (the odd "=" keeps 3.4-era parsers working).
 */
final class QuotaStats {
    private static final Pattern PAIRS_SEPARATOR = Pattern.compile("[,;]+");
    private static final String COUNT = "count";
    private static final String BYTES = "bytes";

    /** Sorted, so the extra keys come out in StatsTrack's order. */
    private final Map<String, Long> values = new TreeMap<>();

    private QuotaStats() {
    }

    /** Stats holding only the two counters (what ZooKeeper writes when a stats node is created). */
    static QuotaStats of(long count, long bytes) {
        QuotaStats stats = new QuotaStats();
        stats.values.put(COUNT, count);
        stats.values.put(BYTES, bytes);
        return stats;
    }

    /**
     * Parses a node's data, or returns null for text StatsTrack cannot parse: null data, a pair without "=",
     * a value that is not a long. ZooKeeper's apply throws there (its server then stops applying); the data
     * is a client's, not an invariant of ours, so the caller leaves such a node alone instead.
     */
    static QuotaStats parse(byte[] data) {
        if (data == null) {
            return null;
        }
        QuotaStats stats = new QuotaStats();
        String text = new String(data, StandardCharsets.UTF_8);
        if (text.isEmpty()) {
            return stats;
        }
        for (String pair : PAIRS_SEPARATOR.split(text)) {
            String[] keyValue = pair.split("=");
            if (keyValue.length < 2) {
                return null;
            }
            try {
                stats.values.put(keyValue[0], keyValue[1].isEmpty() ? -1L : Long.parseLong(keyValue[1]));
            } catch (NumberFormatException notALong) {
                return null;
            }
        }
        return stats;
    }

    long count() {
        return values.getOrDefault(COUNT, -1L);
    }

    long bytes() {
        return values.getOrDefault(BYTES, -1L);
    }

    /** These stats with the counters moved by the given differences; other keys are kept. */
    QuotaStats plus(long countDiff, long bytesDiff) {
        QuotaStats moved = new QuotaStats();
        moved.values.putAll(values);
        moved.values.put(COUNT, count() + countDiff);
        moved.values.put(BYTES, bytes() + bytesDiff);
        return moved;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        text.append(COUNT).append('=').append(count()).append(',').append(BYTES).append('=').append(bytes());
        boolean first = true;
        for (Map.Entry<String, Long> entry : values.entrySet()) {
            if (COUNT.equals(entry.getKey()) || BYTES.equals(entry.getKey())) {
                continue;
            }
            if (first) {
                text.append('=');
                first = false;
            }
            text.append(';').append(entry.getKey()).append('=').append(entry.getValue());
        }
        return text.toString();
    }

    byte[] toBytes() {
        return toString().getBytes(StandardCharsets.UTF_8);
    }
}
