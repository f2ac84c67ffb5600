package io.zakka.actors.session;

import io.zakka.protocol.PureCore;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The leader's table of live sessions and their expiry (ZooKeeper's {@code SessionTrackerImpl} plus
 * {@code ExpiryQueue}), as a pure core: no clock, no Akka, no logger. Every method that depends on time
 * takes {@code nowMs}.
 *
 * <p>Session ids follow ZooKeeper: the top byte is the server id, the other 56 bits start from a value
 * derived from {@code initialTimeMs} and are incremented for every new session. Passwords are 16 bytes of
 * HMAC-SHA256 over the session id keyed with a secret shared by the ensemble, so any server can verify a
 * password without a lookup.
 *
 * <p>Expiry uses buckets: a touch at {@code t} puts the session in the bucket
 * {@code roundUp(t + timeout)}, where buckets are multiples of the tick. {@link #expire(long)} hands back
 * every session of every bucket whose time has come, and marks them closing.
 *
 * <p>Invariants (violations throw {@link IllegalStateException}):
 * <ul>
 *   <li>every open session that is not closing is in exactly one bucket, and that bucket is a multiple of
 *       the tick strictly after the session's last touch;</li>
 *   <li>closing sessions are in no bucket, are never touched again and are never handed out by
 *       {@link #expire(long)} twice;</li>
 *   <li>session ids are never 0 (a persistent node's owner), never the container marker, never reused,
 *       and always carry the server id in their top byte;</li>
 *   <li>timeouts are within [min, max].</li>
 * </ul>
 */
@PureCore
public final class SessionTable {

    /** ZooKeeper refuses server id 255 when TTL nodes are enabled: 0xFF.. is the TTL owner marker. */
    public static final int MAX_SERVER_ID = 254;
    private static final int PASSWORD_BYTES = 16;

    /** Session limits and identity of the server that issues ids. */
    public record Settings(int serverId, int tickTimeMs, int minTimeoutMs, int maxTimeoutMs, byte[] secret) {
        public Settings {
            if (serverId < 0 || serverId > MAX_SERVER_ID) {
                throw new IllegalArgumentException("server id must be in [0, 254]: " + serverId);
            }
            if (tickTimeMs <= 0 || minTimeoutMs <= 0 || minTimeoutMs > maxTimeoutMs) {
                throw new IllegalArgumentException("need 0 < tick, 0 < min <= max: tick=" + tickTimeMs
                        + " min=" + minTimeoutMs + " max=" + maxTimeoutMs);
            }
            if (secret == null || secret.length == 0) {
                throw new IllegalArgumentException("the password secret must not be empty");
            }
            secret = secret.clone();
        }

        /** ZooKeeper's defaults for a tick: min = 2 ticks, max = 20 ticks. */
        public static Settings fromTick(int serverId, int tickTimeMs, byte[] secret) {
            return new Settings(serverId, tickTimeMs, 2 * tickTimeMs, 20 * tickTimeMs, secret);
        }
    }

    /** A session as the table knows it. */
    public record Session(long sessionId, int timeoutMs, boolean closing) {
    }

    private final Settings settings;
    private final long serverBits;
    private long nextSessionId;
    private final Map<Long, Session> sessions = new HashMap<>();
    private Mac passwordMac;
    /** Session id to the bucket it is in; closing sessions have none. */
    private final Map<Long, Long> bucketOf = new HashMap<>();
    private final TreeMap<Long, Set<Long>> buckets = new TreeMap<>();

    /**
     * @param initialTimeMs a time-based seed for the id counter (the actor passes the wall clock at start),
     *                      so that a restarted server does not reissue the ids of its previous life
     */
    public SessionTable(Settings settings, long initialTimeMs) {
        this.settings = settings;
        this.serverBits = (long) settings.serverId() << 56;
        long first = ((initialTimeMs << 24) >>> 8) | serverBits;
        this.nextSessionId = first == 0 || first == Long.MIN_VALUE ? first + 1 : first;
    }

    public Settings settings() {
        return settings;
    }

    /** The requested timeout clamped to [min, max]. */
    public int negotiateTimeout(int requestedTimeoutMs) {
        return Math.max(settings.minTimeoutMs(), Math.min(settings.maxTimeoutMs(), requestedTimeoutMs));
    }

    /** Opens a new session with the negotiated timeout and starts its expiry clock at {@code nowMs}. */
    public Session create(int requestedTimeoutMs, long nowMs) {
        long id = nextSessionId++;
        if ((id & 0xFF00_0000_0000_0000L) != serverBits || id == 0) {
            throw new IllegalStateException("session id space of server " + settings.serverId() + " exhausted");
        }
        Session session = new Session(id, negotiateTimeout(requestedTimeoutMs), false);
        sessions.put(id, session);
        schedule(session, nowMs);
        return session;
    }

    /**
     * Tracks a session that exists already, e.g. one found in the tree after recovery or created by another
     * server's prep; its expiry clock starts at {@code nowMs}. A known session is left as it is.
     */
    public void track(long sessionId, int timeoutMs, long nowMs) {
        if (sessions.containsKey(sessionId)) {
            return;
        }
        Session session = new Session(sessionId, timeoutMs, false);
        sessions.put(sessionId, session);
        schedule(session, nowMs);
    }

    /** The 16-byte password of a session id: HMAC-SHA256(secret, id), truncated. */
    public byte[] passwordOf(long sessionId) {
        byte[] full = passwordMac().doFinal(ByteBuffer.allocate(Long.BYTES).putLong(sessionId).array());
        byte[] password = new byte[PASSWORD_BYTES];
        System.arraycopy(full, 0, password, 0, PASSWORD_BYTES);
        return password;
    }

    /**
     * One keyed MAC for the table's life (doFinal resets it; the table has one user at a time): looking the
     * algorithm up in the JCA providers and keying it cost more than the MAC itself at every session.
     */
    private Mac passwordMac() {
        if (passwordMac == null) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(settings.secret(), "HmacSHA256"));
                passwordMac = mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is required by every Java 17 runtime", e);
            }
        }
        return passwordMac;
    }

    /** True when the session is open, not closing, and {@code password} is its password. */
    public boolean verify(long sessionId, byte[] password) {
        Session session = sessions.get(sessionId);
        return session != null && !session.closing() && password != null
                && MessageDigest.isEqual(passwordOf(sessionId), password);
    }

    /**
     * Refreshes the session's expiry (any request or ping does). Returns false when the session is unknown
     * or closing: such a session accepts no more requests.
     */
    public boolean touch(long sessionId, long nowMs) {
        Session session = sessions.get(sessionId);
        if (session == null || session.closing()) {
            return false;
        }
        schedule(session, nowMs);
        return true;
    }

    public Optional<Session> get(long sessionId) {
        return Optional.ofNullable(sessions.get(sessionId));
    }

    /** True when the session is open and accepts requests. */
    public boolean isActive(long sessionId) {
        Session session = sessions.get(sessionId);
        return session != null && !session.closing();
    }

    /**
     * Marks the session closing (a close is in flight): it leaves the expiry buckets and accepts no new
     * requests. Returns false when the session is unknown or was already closing.
     */
    public boolean setClosing(long sessionId) {
        Session session = sessions.get(sessionId);
        if (session == null || session.closing()) {
            return false;
        }
        unschedule(sessionId);
        sessions.put(sessionId, new Session(sessionId, session.timeoutMs(), true));
        return true;
    }

    /** Forgets the session once its close has been applied. */
    public void remove(long sessionId) {
        unschedule(sessionId);
        sessions.remove(sessionId);
    }

    /**
     * The sessions whose bucket time is at or before {@code nowMs}, oldest bucket first, each marked closing
     * so that it is handed out only once. The caller closes them (a CloseSessionTxn) and then
     * {@link #remove(long)}s them.
     */
    public List<Long> expire(long nowMs) {
        List<Long> expired = new ArrayList<>();
        while (!buckets.isEmpty() && buckets.firstKey() <= nowMs) {
            Set<Long> due = buckets.pollFirstEntry().getValue();
            List<Long> sorted = new ArrayList<>(due);
            Collections.sort(sorted);
            for (long sessionId : sorted) {
                bucketOf.remove(sessionId);
                Session session = sessions.get(sessionId);
                if (session == null || session.closing()) {
                    throw new IllegalStateException("bucket held a dead or closing session 0x"
                            + Long.toHexString(sessionId));
                }
                sessions.put(sessionId, new Session(sessionId, session.timeoutMs(), true));
                expired.add(sessionId);
            }
        }
        return expired;
    }

    /** The time at which the session expires unless touched, or empty when it is unknown or closing. */
    public Optional<Long> expiryTime(long sessionId) {
        return Optional.ofNullable(bucketOf.get(sessionId));
    }

    /** The ids of all sessions the table knows, closing ones included. */
    public Set<Long> sessionIds() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(sessions.keySet()));
    }

    public int size() {
        return sessions.size();
    }

    private void schedule(Session session, long nowMs) {
        long tick = settings.tickTimeMs();
        long expiry = ((nowMs + session.timeoutMs()) / tick + 1) * tick;
        Long previous = bucketOf.get(session.sessionId());
        if (previous != null && previous == expiry) {
            return;
        }
        unschedule(session.sessionId());
        buckets.computeIfAbsent(expiry, t -> new LinkedHashSet<>()).add(session.sessionId());
        bucketOf.put(session.sessionId(), expiry);
    }

    private void unschedule(long sessionId) {
        Long previous = bucketOf.remove(sessionId);
        if (previous == null) {
            return;
        }
        Set<Long> bucket = buckets.get(previous);
        if (bucket == null || !bucket.remove(sessionId)) {
            throw new IllegalStateException("session 0x" + Long.toHexString(sessionId) + " missing from its bucket");
        }
        if (bucket.isEmpty()) {
            buckets.remove(previous);
        }
    }
}
