package io.zakka.storage.acl;

import io.zakka.protocol.Acl;
import io.zakka.protocol.Id;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * ZooKeeper's ACL rules with its two built-in providers, digest and ip (ZooKeeperServer.checkACL,
 * PrepRequestProcessor.fixupACL, DigestAuthenticationProvider, IPAuthenticationProvider).
 *
 * <ul>
 *   <li>{@code world:anyone} matches every caller;</li>
 *   <li>{@code digest:user:base64(sha1("user:password"))} matches a caller holding the same id;</li>
 *   <li>{@code ip:addr[/bits]} matches a caller's {@code ip:addr} on the prefix (IPv4 and IPv6);</li>
 *   <li>{@code auth} is only meaningful when an ACL is set: it becomes the caller's authenticated ids;</li>
 *   <li>a caller holding a {@code super} id, or the digest id equal to the configured super digest,
 *       passes every check.</li>
 * </ul>
 * An entry grants a check when it holds any of the asked permission bits, and an empty ACL grants
 * everything, as in ZooKeeper.
 */
public final class AclChecker {
    public static final String WORLD = "world";
    public static final String ANYONE = "anyone";
    public static final String AUTH = "auth";
    public static final String DIGEST = "digest";
    public static final String IP = "ip";
    public static final String SUPER = "super";

    private final Optional<String> superDigest;

    /** @param superDigest "super:base64hash" as in zookeeper.DigestAuthenticationProvider.superDigest */
    public AclChecker(Optional<String> superDigest) {
        this.superDigest = superDigest;
    }

    /** May the caller do {@code perm} (one of the Perms bits, or several meaning "any of them")? */
    public boolean allowed(List<Acl> acl, Caller caller, int perm) {
        if (acl == null || acl.isEmpty() || isSuper(caller)) {
            return true;
        }
        for (Acl entry : acl) {
            if ((entry.perms() & perm) != 0 && matches(entry.id(), caller)) {
                return true;
            }
        }
        return false;
    }

    /** A super id, or the digest id of the configured super user. */
    public boolean isSuper(Caller caller) {
        for (Id id : caller.ids()) {
            if (SUPER.equals(id.scheme())
                    || DIGEST.equals(id.scheme()) && superDigest.isPresent() && superDigest.get().equals(id.id())) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(Id aclId, Caller caller) {
        if (isAnyone(aclId)) {
            return true;
        }
        for (Id callerId : caller.ids()) {
            if (!aclId.scheme().equals(callerId.scheme())) {
                continue;
            }
            if (DIGEST.equals(aclId.scheme()) && aclId.id().equals(callerId.id())
                    || IP.equals(aclId.scheme()) && IpAddresses.matches(callerId.id(), aclId.id())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAnyone(Id id) {
        return WORLD.equals(id.scheme()) && ANYONE.equals(id.id());
    }

    /**
     * The ACL to store for a create or setACL (fixupACL): duplicates are dropped first, then each
     * {@code auth} entry is replaced by one entry per authenticated id of the caller (digest ids; ip
     * is not an authenticated scheme). Empty when ZooKeeper answers INVALIDACL: a null or empty list,
     * an {@code auth} entry without authenticated ids, an unknown scheme or a malformed id.
     */
    public Optional<List<Acl>> fixup(List<Acl> requested, Caller caller) {
        if (requested == null || requested.isEmpty()) {
            return Optional.empty();
        }
        // The usual ACL, as the shared list that the tree's ACL cache then finds by instance (no hashing per create).
        if (requested.size() == 1 && Acl.OPEN_ACL_UNSAFE.get(0).equals(requested.get(0))) {
            return Optional.of(Acl.OPEN_ACL_UNSAFE);
        }
        Collection<Acl> unique = requested.size() == 1 ? requested : new LinkedHashSet<>(requested);
        List<Acl> fixed = new ArrayList<>();
        for (Acl entry : unique) {
            if (entry == null) {
                return Optional.empty();
            }
            if (AUTH.equals(entry.id().scheme())) {
                List<Id> authenticated = authenticatedIds(caller);
                if (authenticated.isEmpty()) {
                    return Optional.empty();
                }
                authenticated.forEach(id -> fixed.add(new Acl(entry.perms(), id)));
            } else if (isValidId(entry.id())) {
                fixed.add(entry);
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(List.copyOf(fixed));
    }

    /** The ids an "auth" ACL entry stands for: the caller's ids of authenticated schemes, once each. */
    private static List<Id> authenticatedIds(Caller caller) {
        Set<Id> ids = new LinkedHashSet<>();
        for (Id id : caller.ids()) {
            if (DIGEST.equals(id.scheme())) {
                ids.add(id);
            }
        }
        return List.copyOf(ids);
    }

    /**
     * An id that may appear in a stored ACL: world:anyone, a digest "user:hash" (exactly one ':' with
     * something after it, ZooKeeper's split test), or an ip address with an optional prefix length.
     */
    public static boolean isValidId(Id id) {
        switch (id.scheme()) {
            case WORLD:
                return ANYONE.equals(id.id());
            case DIGEST:
                return id.id().split(":").length == 2;
            case IP:
                return IpAddresses.isValid(id.id());
            default:
                return false;
        }
    }

    /**
     * What getACL shows a caller without ADMIN: each digest id's hash replaced by "x"
     * ("digest:user:x"), everything else unchanged (FinalRequestProcessor).
     */
    public static List<Acl> maskDigests(List<Acl> acl) {
        List<Acl> masked = new ArrayList<>(acl.size());
        for (Acl entry : acl) {
            Id id = entry.id();
            if (DIGEST.equals(id.scheme()) && id.id().indexOf(':') >= 0) {
                String user = id.id().substring(0, id.id().indexOf(':'));
                masked.add(new Acl(entry.perms(), new Id(DIGEST, user + ":x")));
            } else {
                masked.add(entry);
            }
        }
        return List.copyOf(masked);
    }

    /** The digest id for "user:password": {@code digest:user:base64(sha1("user:password"))}. */
    public static Id digestId(String userColonPassword) {
        String user = userColonPassword.split(":", 2)[0];
        return new Id(DIGEST, user + ":" + Base64.getEncoder().encodeToString(sha1(userColonPassword)));
    }

    private static byte[] sha1(String text) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-1", e);
        }
    }

    /**
     * The id an addAuth packet earns: for scheme "digest" with "user:password", the digest id. Empty
     * for any other scheme (AUTHFAILED); the ip id comes from the connection, not from addAuth.
     */
    public Optional<Id> authenticate(String scheme, byte[] auth) {
        if (!DIGEST.equals(scheme) || auth == null) {
            return Optional.empty();
        }
        return Optional.of(digestId(new String(auth, StandardCharsets.UTF_8)));
    }

    /**
     * Every id an addAuth packet earns, as ZooKeeper adds them to the connection: {@code super:""}
     * first when the digest equals the configured super digest, then the digest id. Empty on failure.
     */
    public List<Id> authenticationIds(String scheme, byte[] auth) {
        Optional<Id> digest = authenticate(scheme, auth);
        if (digest.isEmpty()) {
            return List.of();
        }
        boolean isSuperUser = superDigest.isPresent() && superDigest.get().equals(digest.get().id());
        return isSuperUser ? List.of(new Id(SUPER, ""), digest.get()) : List.of(digest.get());
    }
}
