package io.zakka.protocol;

import java.util.List;

/** One ACL entry: permission bits granted to an identity. */
public record Acl(int perms, Id id) {

    /** world:anyone with every permission. */
    public static final List<Acl> OPEN_ACL_UNSAFE = List.of(new Acl(Perms.ALL, Id.ANYONE));
    /** Every permission for the ids the creator is authenticated as. */
    public static final List<Acl> CREATOR_ALL_ACL = List.of(new Acl(Perms.ALL, Id.AUTH_IDS));
    /** world:anyone may read. */
    public static final List<Acl> READ_ACL_UNSAFE = List.of(new Acl(Perms.READ, Id.ANYONE));

    public Acl {
        if (id == null) {
            throw new IllegalArgumentException("ACL id must not be null");
        }
    }
}
