package io.zakka.actors.watch;

/**
 * How a session watches one path in one {@link WatchTable} (ZooKeeper's {@code WatcherMode}): a session can
 * hold several modes on the same path at once, e.g. a one-shot data watch and a persistent watch.
 */
enum WatchMode {
    /** One-shot: removed when it fires. */
    STANDARD,
    /** Fires for the path itself and stays. */
    PERSISTENT,
    /** Fires for the path and every descendant and stays; only ever in the data table. */
    PERSISTENT_RECURSIVE
}
