package io.zakka.actors.pipeline;

import akka.actor.typed.ActorRef;
import io.zakka.protocol.Id;
import io.zakka.protocol.client.ClientBound;
import io.zakka.storage.acl.Caller;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The pipeline's view of the open sessions of this server: where a session's notifications go (its current
 * client), who it is authenticated as, and which client refs it has moved away from (a request still
 * arriving from one of those is answered SESSIONMOVED).
 *
 * <p>Invariant: a session is here from the commit of its CreateSessionTxn until the commit of its
 * CloseSessionTxn; ids only grow (ZooKeeper never drops an auth id from a connection).
 */
final class ClientSessions {

    private static final class Entry {
        private ActorRef<ClientBound> client;
        private final List<Id> ids = new ArrayList<>();
        private final Set<ActorRef<ClientBound>> movedFrom = new HashSet<>();
        /** Built when the ids change, not per request (a request asks for it every time). */
        private Caller caller;
    }

    private final Map<Long, Entry> sessions = new HashMap<>();

    void open(long sessionId, ActorRef<ClientBound> client, List<Id> ids) {
        if (sessions.containsKey(sessionId)) {
            throw new IllegalStateException("session 0x" + Long.toHexString(sessionId) + " opened twice");
        }
        Entry entry = new Entry();
        entry.client = client;
        entry.ids.addAll(ids);
        entry.caller = new Caller(sessionId, entry.ids);
        sessions.put(sessionId, entry);
    }

    boolean isOpen(long sessionId) {
        return sessions.containsKey(sessionId);
    }

    /** The session's caller identity, or empty when the session is not open here. */
    Optional<Caller> caller(long sessionId) {
        Entry entry = sessions.get(sessionId);
        return entry == null ? Optional.empty() : Optional.of(entry.caller);
    }

    Optional<ActorRef<ClientBound>> client(long sessionId) {
        Entry entry = sessions.get(sessionId);
        return entry == null ? Optional.empty() : Optional.of(entry.client);
    }

    /** Adds an authenticated id (addAuth); a repeated id is kept once. */
    void addId(long sessionId, Id id) {
        Entry entry = existing(sessionId);
        if (!entry.ids.contains(id)) {
            entry.ids.add(id);
            entry.caller = new Caller(sessionId, entry.ids);
        }
    }

    /** Moves the session to {@code client}; returns the previous client. */
    ActorRef<ClientBound> move(long sessionId, ActorRef<ClientBound> client) {
        Entry entry = existing(sessionId);
        ActorRef<ClientBound> previous = entry.client;
        if (!previous.equals(client)) {
            entry.movedFrom.add(previous);
            entry.movedFrom.remove(client);
            entry.client = client;
        }
        return previous;
    }

    /** True when {@code replyTo} is a client this session has moved away from. */
    boolean hasMovedFrom(long sessionId, ActorRef<ClientBound> replyTo) {
        Entry entry = sessions.get(sessionId);
        // Asked for every request; almost no session ever moved, so skip hashing the ref then.
        return entry != null && !entry.movedFrom.isEmpty() && entry.movedFrom.contains(replyTo);
    }

    /** Forgets the session; returns its last client. */
    Optional<ActorRef<ClientBound>> close(long sessionId) {
        Entry entry = sessions.remove(sessionId);
        return entry == null ? Optional.empty() : Optional.of(entry.client);
    }

    int size() {
        return sessions.size();
    }

    private Entry existing(long sessionId) {
        Entry entry = sessions.get(sessionId);
        if (entry == null) {
            throw new IllegalStateException("session 0x" + Long.toHexString(sessionId) + " is not open");
        }
        return entry;
    }
}
