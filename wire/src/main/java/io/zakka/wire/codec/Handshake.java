package io.zakka.wire.codec;

import io.zakka.protocol.PureCore;
import java.io.IOException;
import java.util.Arrays;
import org.apache.zookeeper.proto.ConnectRequest;
import org.apache.zookeeper.proto.ConnectResponse;

/**
 * The session handshake records (docs/zk-wire-protocol.md §3): the first frame in each direction, without
 * request or reply header.
 *
 * <p>A ConnectRequest is 45 bytes in 3.4+ clients (readOnly last) and 44 without readOnly in older ones;
 * the response carries readOnly only when the request did, as ZooKeeper's ProtocolManager does. An invalid
 * session (unknown id, wrong password, expired) is answered with timeout 0, session 0 and 16 zero bytes,
 * which the client turns into Expired.
 */
@PureCore
public final class Handshake {

    /** The request without its readOnly byte (clients of 3.3 and older). */
    private static final int LENGTH_WITHOUT_READ_ONLY = 44;
    private static final int PASSWORD_LENGTH = 16;

    /** A decoded ConnectRequest; {@code readOnlyPresent} says whether to answer with a readOnly byte. */
    public record Connect(int protocolVersion, long lastZxidSeen, int timeoutMs, long sessionId, byte[] password,
                          boolean readOnly, boolean readOnlyPresent) {
    }

    private Handshake() {
    }

    public static Connect decode(byte[] payload, int maxBuffer) throws MalformedRequestException {
        boolean readOnlyPresent = payload.length != LENGTH_WITHOUT_READ_ONLY;
        byte[] bytes = readOnlyPresent ? payload : Arrays.copyOf(payload, payload.length + 1);
        try {
            ConnectRequest r = new Jute.Reader(bytes, 0, maxBuffer).read(new ConnectRequest());
            byte[] password = r.getPasswd() == null ? new byte[0] : r.getPasswd();
            return new Connect(r.getProtocolVersion(), r.getLastZxidSeen(), r.getTimeOut(), r.getSessionId(),
                    password, r.getReadOnly(), readOnlyPresent);
        } catch (IOException | RuntimeException e) {
            throw new MalformedRequestException("not a ConnectRequest: " + e, e);
        }
    }

    public static byte[] accepted(Connect request, int timeoutMs, long sessionId, byte[] password) {
        return response(request, new ConnectResponse(0, timeoutMs, sessionId, password, false));
    }

    public static byte[] expired(Connect request) {
        return response(request, new ConnectResponse(0, 0, 0L, new byte[PASSWORD_LENGTH], false));
    }

    private static byte[] response(Connect request, ConnectResponse response) {
        byte[] frame = Jute.frame(response);
        if (request.readOnlyPresent()) {
            return frame;
        }
        byte[] shorter = Arrays.copyOf(frame, frame.length - 1);
        int length = shorter.length - 4;
        shorter[3] = (byte) length;
        shorter[2] = (byte) (length >>> 8);
        return shorter;
    }
}
