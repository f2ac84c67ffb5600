package io.zakka.wire.conn;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whether a connection's actor has asked for its next chunk of input, shared by the actor's thread ({@link #ask})
 * and the selector thread ({@link #onReadable}). Asking is one atomic step; only input that arrived before it was
 * asked for makes the selector stop watching the socket ({@code PARKED}), and only then does asking need the
 * selector to watch it again. Once {@link #end ended}, nothing is read any more.
 */
final class ReadDemand {

    /** What the selector thread does with a readable socket. */
    enum OnReadable { READ, STOP_WATCHING }

    private static final int NOT_WANTED = 0;
    private static final int WANTED = 1;
    private static final int PARKED = 2;
    private static final int ENDED = 3;

    /** A new connection wants its first chunk. */
    private final AtomicInteger state = new AtomicInteger(WANTED);

    /**
     * The actor asks for the next chunk.
     *
     * @return true if the selector had stopped watching the socket and must watch it again
     */
    boolean ask() {
        while (true) {
            int current = state.get();
            if (current == NOT_WANTED && state.compareAndSet(NOT_WANTED, WANTED)) {
                return false;
            }
            if (current == PARKED && state.compareAndSet(PARKED, WANTED)) {
                return true;
            }
            if (current == WANTED || current == ENDED) {
                return false;
            }
        }
    }

    /** The socket is readable: read one chunk if one was asked for (the ask is then used up), else park. */
    OnReadable onReadable() {
        while (true) {
            int current = state.get();
            if (current == WANTED && state.compareAndSet(WANTED, NOT_WANTED)) {
                return OnReadable.READ;
            }
            if (current == NOT_WANTED && state.compareAndSet(NOT_WANTED, PARKED) || current == PARKED
                    || current == ENDED) {
                return OnReadable.STOP_WATCHING;
            }
        }
    }

    /** The read found nothing after all: the ask still stands. Only after {@link #onReadable} returned READ. */
    void nothingRead() {
        state.compareAndSet(NOT_WANTED, WANTED);
    }

    /** No more input: the peer closed its side, or the socket closed. */
    void end() {
        state.set(ENDED);
    }
}
