package io.zakka.wire.fourletter;

import io.zakka.protocol.PureCore;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The four-letter words of ZooKeeper's client port (docs/zookeeper-semantics.md §10): the first four bytes
 * of a fresh connection, read as a big-endian int, name a command when they spell a known word; the server
 * writes a plain-text answer and closes the connection. A known word that is not whitelisted is answered
 * "{@code <word> is not executed because it is not in the whitelist.}" as ZooKeeper does.
 */
@PureCore
public final class FourLetterWords {

    /** Every word ZooKeeper 3.9.5 recognises (FourLetterCommands), whitelisted or not. */
    public static final List<String> KNOWN = List.of("ruok", "stat", "srvr", "conf", "cons", "crst", "dirs", "dump",
            "envi", "gtmk", "stmk", "srst", "wchc", "wchp", "wchs", "mntr", "isro", "hash");

    /** The words Zakka answers; the others are known but never executed. */
    public static final List<String> SUPPORTED = List.of("ruok", "srvr", "stat", "mntr", "conf", "cons", "envi",
            "wchs", "wchc", "wchp", "dirs", "isro");

    private FourLetterWords() {
    }

    /** The word the first four bytes of a connection spell, if it is a known one. */
    public static Optional<String> word(int firstFourBytes) {
        byte[] bytes = {(byte) (firstFourBytes >>> 24), (byte) (firstFourBytes >>> 16), (byte) (firstFourBytes >>> 8),
            (byte) firstFourBytes};
        String word = new String(bytes, StandardCharsets.ISO_8859_1);
        return KNOWN.contains(word) ? Optional.of(word) : Optional.empty();
    }

    /** Whether {@code word} is executed under {@code whitelist} ("*" allows every supported word). */
    public static boolean allowed(String word, Set<String> whitelist) {
        return SUPPORTED.contains(word) && (whitelist.contains("*") || whitelist.contains(word));
    }

    public static String notWhitelisted(String word) {
        return word + " is not executed because it is not in the whitelist.\n";
    }

    /** The answer to an allowed word. */
    public static String answer(String word, ServerView view) {
        return switch (word) {
            case "ruok" -> "imok";
            case "isro" -> "rw";
            case "srvr" -> Reports.srvr(view);
            case "stat" -> Reports.stat(view);
            case "mntr" -> Reports.mntr(view);
            case "conf" -> Reports.conf(view);
            case "cons" -> Reports.cons(view);
            case "envi" -> Reports.envi(view);
            case "wchs" -> Reports.wchs(view);
            case "wchc" -> Reports.wchc(view);
            case "wchp" -> Reports.wchp(view);
            case "dirs" -> "datadir_size: " + view.status().snapshotDirBytes() + "\nlogdir_size: "
                    + view.status().logDirBytes() + "\n";
            default -> throw new IllegalArgumentException("not a supported four-letter word: " + word);
        };
    }
}
