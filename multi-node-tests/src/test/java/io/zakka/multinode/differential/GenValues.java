package io.zakka.multinode.differential;

import io.zakka.protocol.Acl;
import io.zakka.protocol.CreateMode;
import io.zakka.protocol.EphemeralOwner;
import io.zakka.protocol.Id;
import io.zakka.protocol.Limits;
import io.zakka.protocol.Perms;
import io.zakka.protocol.op.Op;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The value pools the generator draws from. The path universe is small on purpose (three letters, a
 * few names that look like sequential children, depth at most 3) so that creates, deletes and
 * sequential names collide often.
 */
final class GenValues {

    /** The one path that ever holds near-limit data (see {@link #BIG_DATA_BYTES}). */
    static final String BIG_PATH = "/big";

    /**
     * The largest data the differential run writes. ZooKeeper bounds whole frames by jute.maxbuffer
     * (1,048,575 bytes, the same as Zakka's data limit): a request or reply frame larger than that makes
     * the stock client or the server drop the connection, which is a wire-level behaviour and not a
     * tree rule. So the run stays a little under the limit, leaving room for the path, ACL and headers
     * of one create/setData request and of a getData reply, and never puts near-limit data into a multi.
     * Data above Zakka's limit is therefore excluded here; storage's own tests cover that refusal.
     */
    static final int BIG_DATA_BYTES = Limits.MAX_DATA_BYTES - 512;

    static final List<String> AUTH_USERS = List.of("alice:secret", "bob:pw", "carol:x", "alice:wrong");
    /** The super user's "user:password"; both servers are configured with its digest. */
    static final String SUPER_USER = "super:zakka-diff";
    /** The super digest ("super:base64(sha1)"), as zookeeper.DigestAuthenticationProvider.superDigest wants it. */
    static final String SUPER_DIGEST = digest(SUPER_USER);

    private static final String[] LETTERS = {"a", "b", "c"};
    private static final String[] SEQ_LIKE = {"s0000000000", "s0000000001", "s0000000002", "0000000000",
        "0000000001"};
    private static final String[] SYSTEM_PATHS = {"/zookeeper", "/zookeeper/quota", "/zookeeper/config",
        "/zookeeper/x", "/zookeeper/quota/a", "/zookeeper/config/a"};
    private static final String[] INVALID_PATHS = {"/a/", "//a", "/a//b", "/.", "/a/..", "/a/./b", "a", "",
        "/a\u0000b", "/a\u0001", "/\u007f", "/a/\ue000", "/\ufff5", "/zookeeper/"};
    /** Odd but valid names. */
    private static final String[] ODD_PATHS = {"/.a", "/..b", "/...", "/a b", "/\u00e9"};

    private static final Id ALICE = new Id("digest", digest("alice:secret"));
    private static final Id BOB = new Id("digest", digest("bob:pw"));
    private static final Id ANYONE = Id.ANYONE;
    private static final List<List<Acl>> VALID_ACLS = List.of(
            List.of(new Acl(Perms.READ, ANYONE)),
            List.of(new Acl(Perms.ALL, Id.AUTH_IDS)),
            List.of(new Acl(Perms.ALL, Id.AUTH_IDS), new Acl(Perms.READ, ANYONE)),
            List.of(new Acl(Perms.ALL, ALICE)),
            List.of(new Acl(Perms.ALL, ALICE), new Acl(Perms.READ, ANYONE)),
            List.of(new Acl(Perms.READ | Perms.WRITE, BOB), new Acl(Perms.CREATE | Perms.DELETE, ANYONE)),
            List.of(new Acl(Perms.ALL, new Id("ip", "127.0.0.1"))),
            List.of(new Acl(Perms.ALL & ~Perms.ADMIN, new Id("ip", "127.0.0.0/8"))),
            List.of(new Acl(Perms.ALL, new Id("ip", "10.0.0.0/8")), new Acl(Perms.READ, ANYONE)),
            List.of(new Acl(Perms.ALL & ~Perms.READ, ANYONE)),
            List.of(new Acl(Perms.ALL, ANYONE), new Acl(Perms.ALL, ANYONE)),
            List.of(new Acl(Perms.ALL, ANYONE), new Acl(Perms.READ, ALICE)),
            List.of(new Acl(Perms.ADMIN | Perms.READ, new Id("auth", "ignored"))),
            List.of(new Acl(0, ANYONE), new Acl(Perms.ADMIN, ALICE)));
    private static final List<List<Acl>> INVALID_ACLS = List.of(
            List.of(),
            List.of(new Acl(Perms.ALL, new Id("ip", "notanip"))),
            List.of(new Acl(Perms.ALL, new Id("ip", "127.0.0.1/33"))),
            List.of(new Acl(Perms.ALL, new Id("digest", "nocolon"))),
            List.of(new Acl(Perms.ALL, new Id("world", "someone"))),
            List.of(new Acl(Perms.ALL, ANYONE), new Acl(Perms.ALL, new Id("foo", "bar"))),
            List.of(new Acl(Perms.ALL, new Id("super", "x"))));

    private final SplittableRandom random;

    GenValues(SplittableRandom random) {
        this.random = random;
    }

    /** digest:user:base64(sha1(user:password)), as ZooKeeper's DigestAuthenticationProvider computes it. */
    static String digest(String userColonPassword) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA1").digest(userColonPassword.getBytes(StandardCharsets.UTF_8));
            return userColonPassword.split(":", 2)[0] + ":" + Base64.getEncoder().encodeToString(sha);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    int percent() {
        return random.nextInt(100);
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** A path for any op: mostly from the small valid universe, sometimes a system, odd or invalid one. */
    String path() {
        int roll = random.nextInt(1000);
        if (roll < 25) {
            return INVALID_PATHS[random.nextInt(INVALID_PATHS.length)];
        } else if (roll < 55) {
            return SYSTEM_PATHS[random.nextInt(SYSTEM_PATHS.length)];
        } else if (roll < 65) {
            return ODD_PATHS[random.nextInt(ODD_PATHS.length)];
        } else if (roll < 85) {
            return BIG_PATH;
        } else if (roll < 130) {
            return "/";
        }
        return validPath(1 + random.nextInt(3));
    }

    /** A valid path of the universe, at most {@code maxDepth} deep. */
    String validPath(int maxDepth) {
        int depth = 1 + random.nextInt(maxDepth);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            sb.append('/').append(name());
        }
        return sb.toString();
    }

    private String name() {
        return random.nextInt(100) < 80 ? LETTERS[random.nextInt(LETTERS.length)]
                : SEQ_LIKE[random.nextInt(SEQ_LIKE.length)];
    }

    /** The path a sequential create names: "parent/s" (or "parent/" now and then) under a valid parent. */
    String sequentialPath() {
        String parent = random.nextInt(100) < 20 ? "/" : validPath(2);
        String prefix = parent.equals("/") ? "/" : parent + "/";
        return random.nextInt(100) < 80 ? prefix + "s" : prefix;
    }

    byte[] data() {
        int roll = random.nextInt(100);
        if (roll < 8) {
            return null;
        } else if (roll < 20) {
            return new byte[0];
        }
        byte[] data = new byte[1 + random.nextInt(16)];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) random.nextInt(256);
        }
        return data;
    }

    byte[] bigData() {
        byte[] data = new byte[BIG_DATA_BYTES];
        byte fill = (byte) random.nextInt(256);
        java.util.Arrays.fill(data, fill);
        data[random.nextInt(data.length)] = (byte) (fill + 1);
        return data;
    }

    List<Acl> acl() {
        int roll = random.nextInt(100);
        if (roll < 70) {
            return Acl.OPEN_ACL_UNSAFE;
        } else if (roll < 94) {
            return VALID_ACLS.get(random.nextInt(VALID_ACLS.size()));
        }
        return INVALID_ACLS.get(random.nextInt(INVALID_ACLS.size()));
    }

    /** A version for delete / setData / setACL / check: -1 often, small numbers (which often match), odd ones. */
    int version() {
        int roll = random.nextInt(100);
        if (roll < 45) {
            return -1;
        } else if (roll < 90) {
            return random.nextInt(4);
        }
        int[] odd = {-2, 7, Integer.MAX_VALUE, Integer.MIN_VALUE};
        return odd[random.nextInt(odd.length)];
    }

    /** A TTL for the TTL modes: mostly valid, sometimes 0, negative or above the encodable maximum. */
    long ttl() {
        long[] ttls = {1, 1000, 60_000, EphemeralOwner.MAX_TTL_MS, 0, -1, EphemeralOwner.MAX_TTL_MS + 1};
        return random.nextInt(100) < 85 ? ttls[random.nextInt(4)] : ttls[4 + random.nextInt(3)];
    }

    /** A digest "user:password"; now and then the super user's, which passes every ACL check. */
    byte[] auth() {
        String user = random.nextInt(100) < 8 ? SUPER_USER : pick(AUTH_USERS);
        return user.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A quota bookkeeping op, as zkCli's setquota / delquota / listquota do them: the quota node of
     * "/a" or "/b/c" under /zookeeper/quota, its zookeeper_limits and zookeeper_stats children (always
     * with well-formed "count=..,bytes=.." data: ZooKeeper parses the stats node's data on every change
     * in the subtree), and reading the stats. ZooKeeper keeps zookeeper_stats up to date from then on.
     */
    Op quotaOp() {
        String quotaNode = "/zookeeper/quota" + (random.nextInt(100) < 60 ? "/a" : pick(List.of("/b", "/b/c")));
        String limits = quotaNode + "/zookeeper_limits";
        String stats = quotaNode + "/zookeeper_stats";
        byte[] limit = ("count=" + random.nextInt(5) + ",bytes=-1").getBytes(StandardCharsets.UTF_8);
        int roll = random.nextInt(100);
        if (roll < 30) {
            // setquota: the quota node (and its parent for /b/c), the limits, the stats, in one multi.
            List<Op> ops = new java.util.ArrayList<>();
            if (quotaNode.endsWith("/b/c")) {
                ops.add(persistent("/zookeeper/quota/b", new byte[0]));
            }
            ops.add(persistent(quotaNode, new byte[0]));
            ops.add(persistent(limits, limit));
            ops.add(persistent(stats, "count=0,bytes=0".getBytes(StandardCharsets.UTF_8)));
            return new Op.Multi(ops);
        } else if (roll < 70) {
            return new Op.GetData(stats, false);
        } else if (roll < 80) {
            return new Op.SetData(limits, limit, -1);
        } else if (roll < 90) {
            return new Op.Delete(random.nextInt(100) < 50 ? limits : stats, -1);
        }
        return new Op.Delete(quotaNode, -1);
    }

    private static Op persistent(String path, byte[] data) {
        return new Op.Create(path, data, Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT, 0);
    }

    /** A getEphemerals prefix: a plain string prefix, so "/s" matches "/s0000000003" and "/a" "/a/b". */
    String ephemeralsPrefix() {
        int roll = random.nextInt(100);
        if (roll < 30) {
            return "/";
        } else if (roll < 50) {
            return pick(List.of("/s", "/0", "/a/s", "/b/", "/s00000000"));
        }
        return path();
    }

    /** A path for delete: half the time one of the 39 letter-only paths, where creates land most. */
    String deletePath() {
        if (random.nextInt(100) < 50) {
            return path();
        }
        StringBuilder sb = new StringBuilder();
        for (int depth = 1 + random.nextInt(3); depth > 0; depth--) {
            sb.append('/').append(LETTERS[random.nextInt(LETTERS.length)]);
        }
        return sb.toString();
    }
}
