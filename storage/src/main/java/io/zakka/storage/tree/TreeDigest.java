package io.zakka.storage.tree;

import io.zakka.protocol.Acl;
import io.zakka.protocol.Stat;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A SHA-256 digest of a whole tree: the last applied zxid, the session table, and every node in DfsOrder with
 * its path, data, ACL, stored fields and client Stat. Two trees with equal digests are equal for every read a
 * client can make; replicas at the same zxid must have the same digest.
 */
public final class TreeDigest {

    private TreeDigest() {
    }

    /** Digests {@code tree}; it must not change (or have another snapshot open) until this returns. */
    public static String of(DataTree tree) {
        MessageDigest sha = sha256();
        sha.update(ByteBuffer.allocate(8).putLong(0, tree.lastAppliedZxid().toLong()));
        for (Map.Entry<Long, Integer> session : tree.sessionTimeouts().entrySet()) {
            sha.update(ByteBuffer.allocate(12).putLong(0, session.getKey()).putInt(8, session.getValue()));
        }
        SnapshotCursor cursor = tree.openSnapshot();
        for (List<NodeImage> slice = cursor.next(4096); !slice.isEmpty(); slice = cursor.next(4096)) {
            for (NodeImage node : slice) {
                update(sha, node, tree.meta(node.path()).stat());
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void update(MessageDigest sha, NodeImage node, Stat stat) {
        sha.update(node.path().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        ByteBuffer fields = ByteBuffer.allocate(8 * 6 + 4 * 3);
        fields.putLong(node.ephemeralOwner()).putLong(node.czxid()).putLong(node.mzxid()).putLong(node.pzxid())
                .putLong(node.ctimeMs()).putLong(node.mtimeMs()).putInt(node.version())
                .putInt(node.childCreations()).putInt(node.aversion());
        sha.update(fields.flip());
        sha.update(stat.toString().getBytes(StandardCharsets.UTF_8));
        for (Acl acl : node.acl()) {
            sha.update((acl.perms() + ":" + acl.id() + ";").getBytes(StandardCharsets.UTF_8));
        }
        if (node.data() == null) {
            sha.update((byte) 1);
        } else {
            sha.update((byte) 2);
            sha.update(ByteBuffer.allocate(4).putInt(0, node.data().length));
            sha.update(node.data());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
