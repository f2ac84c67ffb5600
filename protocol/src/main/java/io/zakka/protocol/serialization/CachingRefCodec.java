package io.zakka.protocol.serialization;

import akka.actor.typed.ActorRef;

/**
 * Remembers the last refs formatted and resolved, in two small direct-mapped tables. Every Submit of a
 * session carries the same reply-to ref, and formatting it (building the address string) or resolving it
 * (parsing the path, creating a remote ref) cost more than the rest of the message together.
 *
 * <p>Safe without locks: entries are immutable records (final fields, so a racing reader sees a whole
 * entry or none), a miss just asks the underlying codec, and the tables are bounded, so at most
 * {@code 2 * SLOTS} refs are kept alive. A ref's serialization format names its path and incarnation
 * uid, so the same string always stands for the same actor and a cached answer is the answer Akka
 * would give (a stopped actor's ref is a dead ref either way).
 */
final class CachingRefCodec implements RefCodec {

    private static final int SLOTS = 64;
    private static final int MASK = SLOTS - 1;

    private final RefCodec underlying;
    private final Formatted[] formatted = new Formatted[SLOTS];
    private final Resolved[] resolved = new Resolved[SLOTS];

    CachingRefCodec(RefCodec underlying) {
        this.underlying = underlying;
    }

    @Override
    public String toFormat(ActorRef<?> ref) {
        int slot = System.identityHashCode(ref) & MASK;
        Formatted entry = formatted[slot];
        if (entry != null && entry.ref == ref) {
            return entry.format;
        }
        String format = underlying.toFormat(ref);
        formatted[slot] = new Formatted(ref, format);
        return format;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ActorRef<T> resolve(String format) {
        int slot = format.hashCode() & MASK;
        Resolved entry = resolved[slot];
        if (entry != null && entry.format.equals(format)) {
            return (ActorRef<T>) entry.ref;
        }
        ActorRef<T> ref = underlying.resolve(format);
        resolved[slot] = new Resolved(format, ref);
        return ref;
    }

    private record Formatted(ActorRef<?> ref, String format) {
    }

    private record Resolved(String format, ActorRef<?> ref) {
    }
}
