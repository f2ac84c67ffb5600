package io.zakka.protocol;

import java.util.Optional;

/**
 * ZooKeeper's path rules ({@code PathUtils.validatePath}): absolute, no trailing "/" except the root,
 * no empty, "." or ".." segments, no U+0000 and none of U+0001–U+001F, U+007F–U+009F,
 * U+D800–U+F8FF, U+FFF0–U+FFFF. A violation is BADARGUMENTS.
 */
public final class PathValidation {

    private PathValidation() {
    }

    /** Why the path is invalid, or empty when it is valid. */
    public static Optional<String> problem(String path) {
        if (path == null) {
            return Optional.of("Path cannot be null");
        }
        if (path.isEmpty()) {
            return Optional.of("Path length must be > 0");
        }
        if (path.charAt(0) != '/') {
            return Optional.of("Path must start with / character");
        }
        if (path.length() == 1) {
            return Optional.empty();
        }
        if (path.charAt(path.length() - 1) == '/') {
            return Optional.of("Path must not end with / character");
        }
        return segmentProblem(path);
    }

    /**
     * For a sequential create the client validates the requested path with a digit appended, so
     * "/queue/" is accepted and becomes "/queue/0000000003".
     */
    public static Optional<String> problem(String path, boolean sequential) {
        return problem(sequential && path != null ? path + "1" : path);
    }

    public static boolean isValid(String path) {
        return problem(path).isEmpty();
    }

    /** Throws {@link IllegalArgumentException} with ZooKeeper's message when the path is invalid. */
    public static void validate(String path) {
        problem(path).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
    }

    private static Optional<String> segmentProblem(String path) {
        char last = '/';
        for (int i = 1; i < path.length(); last = path.charAt(i), i++) {
            char c = path.charAt(i);
            String reason = null;
            if (c == 0) {
                reason = "null character not allowed @" + i;
            } else if (c == '/' && last == '/') {
                reason = "empty node name specified @" + i;
            } else if (c == '.' && last == '.') {
                if (path.charAt(i - 2) == '/' && endsSegment(path, i)) {
                    reason = "relative paths not allowed @" + i;
                }
            } else if (c == '.') {
                if (path.charAt(i - 1) == '/' && endsSegment(path, i)) {
                    reason = "relative paths not allowed @" + i;
                }
            } else if (isForbidden(c)) {
                reason = "invalid character @" + i;
            }
            if (reason != null) {
                return Optional.of("Invalid path string \"" + path + "\" caused by " + reason);
            }
        }
        return Optional.empty();
    }

    private static boolean endsSegment(String path, int i) {
        return i + 1 == path.length() || path.charAt(i + 1) == '/';
    }

    private static boolean isForbidden(char c) {
        return c > '\u0000' && c <= '\u001f'
                || c >= '\u007f' && c <= '\u009F'
                || c >= '\ud800' && c <= '\uf8ff'
                || c >= '\ufff0';
    }

    /** The parent of a valid non-root path ("/" for a top-level node). */
    public static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    /** The last segment of a valid non-root path. */
    public static String nameOf(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
