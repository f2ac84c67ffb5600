package io.zakka.storage.snapshot;

import io.zakka.protocol.Zxid;
import io.zakka.storage.txnlog.Zxids;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Names of snapshot files: {@code snapshot.<zxid as 16 hex digits>}; a snapshot being written is
 * {@code snapshot.<zxid>.<unique>.tmp}, unique so that two writers of the same zxid never share a file.
 */
public final class SnapshotFiles {
    private static final Pattern NAME = Pattern.compile("snapshot\\.([0-9a-f]{16})");
    private static final Pattern TEMP = Pattern.compile("snapshot\\.([0-9a-f]{16})\\..*\\.tmp");

    private SnapshotFiles() {
    }

    public static String fileName(Zxid zxid) {
        return "snapshot." + Zxids.hex(zxid);
    }

    public static Zxid zxidOf(Path file) {
        Matcher matcher = NAME.matcher(file.getFileName().toString());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a snapshot file name: " + file);
        }
        return Zxids.parseHex(matcher.group(1));
    }

    /** Committed snapshot files of {@code dir}, newest first. */
    public static List<Path> list(Path dir) throws IOException {
        return matching(dir, NAME);
    }

    /** Temp files of snapshots that were being written when a server died. */
    public static List<Path> temps(Path dir) throws IOException {
        return matching(dir, TEMP);
    }

    private static List<Path> matching(Path dir, Pattern pattern) throws IOException {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> listing = Files.list(dir)) {
            listing.filter(file -> pattern.matcher(file.getFileName().toString()).matches()).forEach(files::add);
        }
        files.sort(Comparator.comparing((Path file) -> file.getFileName().toString()).reversed());
        return files;
    }
}
