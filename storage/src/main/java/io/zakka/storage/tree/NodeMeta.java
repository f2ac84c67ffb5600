package io.zakka.storage.tree;

import io.zakka.protocol.Acl;
import io.zakka.protocol.Stat;
import java.util.List;

/**
 * One znode without its data and child names: what prep and the ACL checks need, cheap to build even
 * for a parent with many children. {@code stat} is the client view; {@code ephemeralOwner} is the stored
 * encoding; {@code childCreations} is the stored creation counter (the next sequential suffix).
 */
public record NodeMeta(String path, List<Acl> acl, Stat stat, long ephemeralOwner, int childCreations) {
}
