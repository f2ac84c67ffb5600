package io.zakka.wire.conn;

import akka.util.ByteString;

/**
 * What a connection writes: protocol frames, each counted for the four-letter words, and the plain text of a
 * four-letter answer. The {@link SocketWriter} behind it does the buffering and the back-pressure; this class
 * only keeps the counting in one place for the handshake, the four-letter words and the request exchange.
 */
final class ConnectionOutput {

    private final SocketWriter socket;
    private final ConnectionStats stats;
    private final Connections connections;

    ConnectionOutput(SocketWriter socket, ConnectionStats stats, Connections connections) {
        this.socket = socket;
        this.stats = stats;
        this.connections = connections;
    }

    /** Writes one frame; {@code zxid} is the last zxid the client has seen with it (0 when it carries none). */
    void frame(byte[] frame, long zxid) {
        stats.sent(zxid);
        connections.countSent();
        // The frame is never touched again once encoded, so the bytes need no copy.
        socket.write(ByteString.fromArrayUnsafe(frame));
    }

    /** Writes text that is not a frame (a four-letter word's answer); it counts as nothing sent. */
    void text(String text) {
        socket.write(ByteString.fromString(text));
    }
}
