package io.zakka.wire.codec;

import io.zakka.protocol.ErrorCode;
import io.zakka.protocol.op.Op;
import java.util.List;

/** One decoded request frame of an open connection. */
public sealed interface Request {

    int xid();

    /**
     * An op for the server. {@code opcode} and {@code subOpcodes} (the opcodes inside a multi) choose the
     * response records: create answers CreateResponse, create2 Create2Response, and so on.
     */
    record ToServer(int xid, int opcode, Op op, List<Integer> subOpcodes) implements Request {
        public ToServer(int xid, int opcode, Op op) {
            this(xid, opcode, op, List.of());
        }
    }

    /** A ping (opcode 11): answered {xid -2, lastZxid, 0} in the session's turn. */
    record Ping(int xid) implements Request {
    }

    /**
     * A request the gateway answers itself with an error, in its place among the replies; with
     * {@code closeAfter} the connection is closed once the reply is written (UNIMPLEMENTED does that).
     */
    record Refused(int xid, ErrorCode code, boolean closeAfter) implements Request {
    }
}
