package io.zakka.api.client;

import io.zakka.actors.LocalMessage;

/**
 * A change of a client session's state, sent to the session listener the application gave
 * ({@link ZakkaClient.Settings#withSessionListener}). The counterpart of ZooKeeper's KeeperState events.
 *
 * <p>A {@link LocalMessage}, not a {@code ZakkaSerializable}: it never crosses an ActorSystem boundary. The
 * client's own session actor produces it from its view of the session (the server never sends it) and tells
 * the listener, which belongs to the application using that client, in the same ActorSystem. The binary
 * serializer bound to {@code ZakkaSerializable} lives in protocol and cannot encode an api type, so a listener
 * in another ActorSystem is not supported.
 */
public record SessionEvent(long sessionId, State state) implements LocalMessage {

    /** Session states, as ZooKeeper's client reports them. */
    public enum State {
        /** The session is open and a server answers (SyncConnected). */
        CONNECTED,
        /** No server has answered for 2/3 of the timeout; the client is trying to re-attach (Disconnected). */
        DISCONNECTED,
        /** The session is gone: the server expired it, or no server answered for 4/3 of the timeout. */
        EXPIRED,
        /** Another client resumed this session (SESSIONMOVED); this handle is dead. */
        MOVED,
        /** The application closed the session. */
        CLOSED
    }
}
