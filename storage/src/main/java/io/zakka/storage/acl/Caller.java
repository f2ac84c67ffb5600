package io.zakka.storage.acl;

import io.zakka.protocol.Id;
import java.util.List;

/**
 * Who is asking: the session and every id it is authenticated as (ip:..., digest:user:hash, and
 * super:... for the super user). ACL checks, "auth" ACLs and getEphemerals use it.
 */
public record Caller(long sessionId, List<Id> ids) {

    /** The server itself (reaper, session expiry): passes every ACL check. */
    public static final Caller SERVER = new Caller(0L, List.of(new Id("super", "zakka-server")));

    public Caller {
        ids = List.copyOf(ids);
    }
}
