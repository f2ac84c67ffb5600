package io.zakka.storage.tree;

import io.zakka.protocol.Acl;
import java.util.List;

/**
 * One znode as a snapshot stores it: its path and every persisted field (ZooKeeper's StatPersisted plus
 * data and ACL). The child list and numChildren are not stored: they follow from the paths of the image.
 * {@code data} is shared with the tree (the tree never mutates an array in place): never modify it.
 */
public record NodeImage(String path, byte[] data, List<Acl> acl, long ephemeralOwner, long czxid, long mzxid,
                        long pzxid, long ctimeMs, long mtimeMs, int version, int childCreations, int aversion) {

    static NodeImage of(String path, ZNode node) {
        return new NodeImage(path, node.data, node.acl, node.ephemeralOwner, node.czxid, node.mzxid, node.pzxid,
                node.ctimeMs, node.mtimeMs, node.version, node.childCreations, node.aversion);
    }
}
