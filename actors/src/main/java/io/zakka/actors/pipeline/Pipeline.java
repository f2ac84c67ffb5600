package io.zakka.actors.pipeline;

import akka.actor.typed.ActorRef;
import io.zakka.actors.LocalMessage;
import io.zakka.protocol.ErrorCode;
import io.zakka.protocol.Zxid;
import io.zakka.protocol.client.ClientBound;
import io.zakka.protocol.client.ServerCommand;
import io.zakka.protocol.op.Op;
import io.zakka.storage.acl.Caller;
import java.util.List;
import java.util.Optional;

/** The messages of {@link PipelineActor}: only the node's own actors send them, so they never leave the node. */
public final class Pipeline {

    private Pipeline() {
    }

    /** What the pipeline accepts; only the node's own actors send these. */
    public interface Command extends LocalMessage {
    }

    /** A client request of an open session; the tracker has touched the session. */
    public record Request(ServerCommand.Submit submit) implements Command {
    }

    /** A ping, answered with a Pong in the session's turn. */
    public record Heartbeat(ServerCommand.Ping ping) implements Command {
    }

    /** Commits a CreateSessionTxn, then tells the client SessionOpened. */
    public record OpenSession(long sessionId, int timeoutMs, byte[] password, String clientAddress,
                              ActorRef<ClientBound> client, ActorRef<ServerCommand> server) implements Command {
    }

    /** Moves a verified session to {@code client}, unless the client has seen a later zxid than this server. */
    public record ResumeSession(long sessionId, int timeoutMs, byte[] password, long lastZxidSeen,
                                ActorRef<ClientBound> client, ActorRef<ServerCommand> server) implements Command {
    }

    /**
     * Closes a session with a CloseSessionTxn (its ephemerals go, their watches fire, then its watches are
     * dropped). {@code reason} OK is a client's close, answered with a Reply to {@code replyTo}; any other
     * reason (SESSIONEXPIRED) is told to the session's client as SessionClosed.
     */
    public record CloseSession(long sessionId, int cxid, Optional<ActorRef<ClientBound>> replyTo, ErrorCode reason,
                               ActorRef<SessionEnded> tracker) implements Command {
    }

    /** The close of the session has been applied. */
    public record SessionEnded(long sessionId, long zxid) implements LocalMessage {
    }

    /** A write issued by the server itself (the reaper), checked as {@link Caller#SERVER}. */
    public record ServerWrite(int cxid, Op.WriteOp op, ActorRef<ClientBound> replyTo) implements Command {
    }

    /** Asks for empty containers and expired TTL nodes as of {@code nowMs}. */
    public record FindReapable(long nowMs, int max, ActorRef<Reapable> replyTo) implements Command {
    }

    public record Reapable(List<String> paths) implements LocalMessage {
    }

    public record GetStatus(ActorRef<Status> replyTo) implements Command {
    }

    /** A snapshot of the node's state for operators and tests. */
    public record Status(Zxid lastApplied, int nodeCount, int sessionCount, int watchCount, int writesInFlight)
            implements LocalMessage {
    }
}
