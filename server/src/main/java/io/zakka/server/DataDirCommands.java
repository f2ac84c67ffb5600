package io.zakka.server;

import io.zakka.storage.tools.DataDirTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The operator commands over a data dir: {@code log-dump DIR|FILE}, {@code snapshot-dump [--nodes] FILE},
 * {@code verify DIR}. They only read, so they are safe beside a running server (which may be appending).
 */
final class DataDirCommands {
    static final Set<String> COMMANDS = Set.of("log-dump", "snapshot-dump", "verify");
    static final String USAGE = String.join("\n",
            "       zakka log-dump DIR|FILE          print every txn of a data dir's log (or one segment)",
            "       zakka snapshot-dump [--nodes] FILE   summarise a snapshot (and list its nodes), checking its CRC",
            "       zakka verify DIR                 check every snapshot and log CRC and the zxid chain");

    private DataDirCommands() {
    }

    /** Runs {@code command}; returns the process exit code (0 ok, 1 problems found, 2 usage). */
    static int run(String command, List<String> args) throws IOException {
        boolean nodes = args.contains("--nodes");
        List<String> paths = args.stream().filter(arg -> !arg.equals("--nodes")).toList();
        if (paths.size() != 1) {
            throw new IllegalArgumentException(command + " needs exactly one path\n" + USAGE);
        }
        Path path = Path.of(paths.get(0));
        if (!Files.exists(path)) {
            throw new IllegalArgumentException(path + " does not exist");
        }
        switch (command) {
            case "log-dump" -> DataDirTools.logDump(path, System.out);
            case "snapshot-dump" -> DataDirTools.snapshotDump(path, System.out, nodes);
            case "verify" -> {
                return DataDirTools.verify(path, System.out).isEmpty() ? 0 : 1;
            }
            default -> throw new IllegalArgumentException("unknown command " + command);
        }
        return 0;
    }
}
