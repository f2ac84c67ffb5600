package io.zakka.protocol.serialization;

import akka.actor.typed.ActorRef;
import io.zakka.protocol.WatchEvent;
import io.zakka.protocol.client.ClientBound;
import io.zakka.protocol.client.ServerCommand;
import io.zakka.protocol.op.Op;
import io.zakka.protocol.op.OpResult;
import io.zakka.protocol.txn.Txn;
import io.zakka.protocol.txn.TxnEntry;
import io.zakka.protocol.txn.TxnHeader;
import java.io.NotSerializableException;

/**
 * Every top-level message. The envelopes, every {@link ServerCommand} and {@link ClientBound}, have one
 * manifest per record, the record's components in declaration order. The other messages have one manifest
 * per type ({@link TxnEntry}, {@link TxnHeader}, {@link WatchEvent}) or per sealed family ({@link Txn},
 * {@link Op}, {@link OpResult}, whose body starts with the variant's tag), in the encoding they have inside
 * an envelope or entry; a null where the family's tag allows one is refused at the top level, since Akka
 * never sends null. An ActorRef travels as its serialization-format string (length-prefixed, -1 for null).
 * The manifests are part of the format: never rename one.
 */
final class MessageCodec {

    static final String OPEN_SESSION = "OpenSession";
    static final String RESUME_SESSION = "ResumeSession";
    static final String SUBMIT = "Submit";
    static final String PING = "Ping";
    static final String SESSION_OPENED = "SessionOpened";
    static final String SESSION_REJECTED = "SessionRejected";
    static final String REPLY = "Reply";
    static final String NOTIFICATION = "Notification";
    static final String PONG = "Pong";
    static final String SESSION_CLOSED = "SessionClosed";
    static final String TXN_ENTRY = "TxnEntry";
    static final String TXN_HEADER = "TxnHeader";
    static final String TXN = "Txn";
    static final String WATCH_EVENT = "WatchEvent";
    static final String OP = "Op";
    static final String OP_RESULT = "OpResult";

    private final RefCodec refs;

    MessageCodec(RefCodec refs) {
        this.refs = refs;
    }

    /** The manifest of a message this codec encodes, or null for any other object. */
    static String manifest(Object message) {
        if (message instanceof ServerCommand.Submit) {
            return SUBMIT;
        } else if (message instanceof ClientBound.Reply) {
            return REPLY;
        } else if (message instanceof ClientBound.Notification) {
            return NOTIFICATION;
        } else if (message instanceof ServerCommand.Ping) {
            return PING;
        } else if (message instanceof ClientBound.Pong) {
            return PONG;
        } else if (message instanceof ServerCommand.OpenSession) {
            return OPEN_SESSION;
        } else if (message instanceof ServerCommand.ResumeSession) {
            return RESUME_SESSION;
        } else if (message instanceof ClientBound.SessionOpened) {
            return SESSION_OPENED;
        } else if (message instanceof ClientBound.SessionRejected) {
            return SESSION_REJECTED;
        } else if (message instanceof ClientBound.SessionClosed) {
            return SESSION_CLOSED;
        }
        return valueManifest(message);
    }

    private static String valueManifest(Object message) {
        if (message instanceof TxnEntry) {
            return TXN_ENTRY;
        } else if (message instanceof Txn) {
            return TXN;
        } else if (message instanceof TxnHeader) {
            return TXN_HEADER;
        } else if (message instanceof WatchEvent) {
            return WATCH_EVENT;
        } else if (message instanceof Op) {
            return OP;
        } else if (message instanceof OpResult) {
            return OP_RESULT;
        }
        return null;
    }

    void write(BinaryWriter out, Object message) {
        if (message instanceof ServerCommand command) {
            writeCommand(out, command);
        } else if (message instanceof ClientBound bound) {
            writeClientBound(out, bound);
        } else {
            writeValue(out, message);
        }
    }

    private static void writeValue(BinaryWriter out, Object message) {
        if (message instanceof TxnEntry m) {
            TxnCodec.writeEntry(out, m);
        } else if (message instanceof Txn m) {
            TxnCodec.write(out, m);
        } else if (message instanceof TxnHeader m) {
            TxnCodec.writeHeader(out, m);
        } else if (message instanceof WatchEvent m) {
            ValueCodec.writeWatchEvent(out, m);
        } else if (message instanceof Op m) {
            OpCodec.write(out, m);
        } else if (message instanceof OpResult m) {
            OpResultCodec.write(out, m);
        } else {
            throw new IllegalArgumentException("not a Zakka message: " + message.getClass().getName());
        }
    }

    private void writeCommand(BinaryWriter out, ServerCommand command) {
        if (command instanceof ServerCommand.Submit m) {
            out.writeLong(m.sessionId());
            out.writeInt(m.cxid());
            OpCodec.write(out, m.op());
            writeRef(out, m.replyTo());
        } else if (command instanceof ServerCommand.Ping m) {
            out.writeLong(m.sessionId());
            writeRef(out, m.replyTo());
        } else if (command instanceof ServerCommand.OpenSession m) {
            out.writeInt(m.requestedTimeoutMs());
            out.writeBoolean(m.readOnly());
            out.writeString(m.clientAddress());
            writeRef(out, m.client());
        } else if (command instanceof ServerCommand.ResumeSession m) {
            out.writeLong(m.sessionId());
            out.writeBytes(m.password());
            out.writeInt(m.requestedTimeoutMs());
            out.writeLong(m.lastZxidSeen());
            out.writeString(m.clientAddress());
            writeRef(out, m.client());
        } else {
            throw new IllegalStateException("no encoding for " + command.getClass().getName());
        }
    }

    private void writeClientBound(BinaryWriter out, ClientBound message) {
        if (message instanceof ClientBound.Reply m) {
            out.writeLong(m.sessionId());
            out.writeInt(m.cxid());
            out.writeLong(m.zxid());
            OpResultCodec.write(out, m.result());
        } else if (message instanceof ClientBound.Notification m) {
            out.writeLong(m.sessionId());
            ValueCodec.writeWatchEvent(out, m.event());
        } else if (message instanceof ClientBound.Pong m) {
            out.writeLong(m.sessionId());
            out.writeLong(m.lastZxid());
        } else if (message instanceof ClientBound.SessionOpened m) {
            out.writeLong(m.sessionId());
            out.writeBytes(m.password());
            out.writeInt(m.timeoutMs());
            out.writeLong(m.lastZxid());
            writeRef(out, m.server());
        } else if (message instanceof ClientBound.SessionRejected m) {
            out.writeLong(m.sessionId());
            EnumCodes.write(out, m.code());
            out.writeString(m.reason());
        } else if (message instanceof ClientBound.SessionClosed m) {
            out.writeLong(m.sessionId());
            EnumCodes.write(out, m.reason());
        } else {
            throw new IllegalStateException("no encoding for " + message.getClass().getName());
        }
    }

    /** Decodes the body of a message with this manifest; the caller has read the version byte. */
    Object read(BinaryReader in, String manifest) throws NotSerializableException {
        return switch (manifest) {
            case SUBMIT -> new ServerCommand.Submit(in.readLong("sessionId"), in.readInt("cxid"), OpCodec.read(in),
                    readRef(in, "replyTo"));
            case REPLY -> new ClientBound.Reply(in.readLong("sessionId"), in.readInt("cxid"), in.readLong("zxid"),
                    OpResultCodec.read(in));
            case NOTIFICATION -> new ClientBound.Notification(in.readLong("sessionId"),
                    ValueCodec.readWatchEvent(in));
            case PING -> new ServerCommand.Ping(in.readLong("sessionId"), readRef(in, "replyTo"));
            case PONG -> new ClientBound.Pong(in.readLong("sessionId"), in.readLong("lastZxid"));
            case OPEN_SESSION -> new ServerCommand.OpenSession(in.readInt("requestedTimeoutMs"),
                    in.readBoolean("readOnly"), in.readString("clientAddress"), readRef(in, "client"));
            case RESUME_SESSION -> new ServerCommand.ResumeSession(in.readLong("sessionId"),
                    in.readBytes("password"), in.readInt("requestedTimeoutMs"), in.readLong("lastZxidSeen"),
                    in.readString("clientAddress"), readRef(in, "client"));
            case SESSION_OPENED -> new ClientBound.SessionOpened(in.readLong("sessionId"), in.readBytes("password"),
                    in.readInt("timeoutMs"), in.readLong("lastZxid"), readRef(in, "server"));
            case SESSION_REJECTED -> new ClientBound.SessionRejected(in.readLong("sessionId"),
                    EnumCodes.readErrorCode(in, "code"), in.readString("reason"));
            case SESSION_CLOSED -> new ClientBound.SessionClosed(in.readLong("sessionId"),
                    EnumCodes.readErrorCode(in, "reason"));
            default -> readValue(in, manifest);
        };
    }

    private static Object readValue(BinaryReader in, String manifest) throws NotSerializableException {
        Object message = switch (manifest) {
            case TXN_ENTRY -> TxnCodec.readEntry(in);
            case TXN -> TxnCodec.read(in);
            case TXN_HEADER -> TxnCodec.readHeader(in);
            case WATCH_EVENT -> ValueCodec.readWatchEvent(in);
            case OP -> OpCodec.read(in);
            case OP_RESULT -> OpResultCodec.read(in);
            default -> throw new NotSerializableException("unknown manifest [" + manifest + "] for the Zakka binary "
                    + "serializer; expected a ServerCommand or ClientBound record or one of " + TXN_ENTRY + ", "
                    + TXN + ", " + TXN_HEADER + ", " + WATCH_EVENT + ", " + OP + ", " + OP_RESULT);
        };
        if (message == null) {
            throw in.malformed("a top-level " + manifest + " is null, which no sender encodes");
        }
        return message;
    }

    private void writeRef(BinaryWriter out, ActorRef<?> ref) {
        out.writeString(ref == null ? null : refs.toFormat(ref));
    }

    private <T> ActorRef<T> readRef(BinaryReader in, String field) throws NotSerializableException {
        String format = in.readString(field);
        if (format == null) {
            return null;
        }
        try {
            return refs.resolve(format);
        } catch (RuntimeException e) {
            NotSerializableException failure = in.malformed(field + " [" + format + "] does not resolve: " + e);
            failure.initCause(e);
            throw failure;
        }
    }
}
