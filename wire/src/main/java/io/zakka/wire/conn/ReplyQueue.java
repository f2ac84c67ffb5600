package io.zakka.wire.conn;

import io.zakka.protocol.PureCore;
import io.zakka.protocol.op.Op;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The requests of one connection that have not been answered on the wire yet, in the order they arrived.
 * ZooKeeper's client matches every reply against the head of its own queue ("Xid out of order" otherwise),
 * so frames leave in exactly this order: a request answered by the gateway itself waits behind earlier ones
 * still at the server. The server answers a session's requests in the order it received them, so a reply
 * from the server always belongs to the oldest request still at the server.
 */
@PureCore
final class ReplyQueue {

    /** One request; {@code frame} stays null until its reply is known. */
    static final class Slot {
        final int xid;
        final int opcode;
        final List<Integer> subOpcodes;
        final Op op;
        final boolean atServer;
        private byte[] frame;
        private boolean closeAfter;

        private Slot(int xid, int opcode, List<Integer> subOpcodes, Op op, boolean atServer) {
            this.xid = xid;
            this.opcode = opcode;
            this.subOpcodes = subOpcodes;
            this.op = op;
            this.atServer = atServer;
        }
    }

    /** Frames ready to be written, in order, and whether the connection closes after them. */
    record Ready(List<byte[]> frames, boolean close) {
    }

    private final ArrayDeque<Slot> slots = new ArrayDeque<>();

    void sentToServer(int xid, int opcode, List<Integer> subOpcodes, Op op) {
        slots.add(new Slot(xid, opcode, subOpcodes, op, true));
    }

    void answeredHere(int xid, int opcode, byte[] frame, boolean closeAfter) {
        Slot slot = new Slot(xid, opcode, List.of(), null, false);
        slot.frame = frame;
        slot.closeAfter = closeAfter;
        slots.add(slot);
    }

    /** The oldest request still waiting for the server; throws when there is none (a reply nobody asked for). */
    Slot oldestAtServer() {
        for (Slot slot : slots) {
            if (slot.atServer && slot.frame == null) {
                return slot;
            }
        }
        throw new IllegalStateException("a reply from the server but no request is waiting for one");
    }

    void answer(Slot slot, byte[] frame, boolean closeAfter) {
        if (slot.frame != null) {
            throw new IllegalStateException("request xid " + slot.xid + " answered twice");
        }
        slot.frame = frame;
        slot.closeAfter = closeAfter;
    }

    /** Removes and returns the answered requests at the head; stops after one that closes the connection. */
    Ready drain() {
        List<byte[]> frames = new ArrayList<>();
        Iterator<Slot> it = slots.iterator();
        while (it.hasNext()) {
            Slot slot = it.next();
            if (slot.frame == null) {
                break;
            }
            it.remove();
            frames.add(slot.frame);
            if (slot.closeAfter) {
                return new Ready(frames, true);
            }
        }
        return new Ready(frames, false);
    }

    int size() {
        return slots.size();
    }
}
