package io.zakka.storage.tree;

import io.zakka.protocol.Acl;
import io.zakka.protocol.Stat;
import java.util.List;
import java.util.Set;

/**
 * A read-only view of one znode. {@code stat} is the client view (cversion = creations + deletions,
 * ephemeralOwner 0 for containers and TTL nodes); {@code ephemeralOwner} is the stored encoding;
 * {@code childCreations} is the creation counter that sequential names come from.
 */
public record NodeView(String path, byte[] data, List<Acl> acl, Stat stat, long ephemeralOwner,
                       int childCreations, Set<String> children) {
}
