package io.zakka.wire.codec;

import io.zakka.protocol.Acl;
import io.zakka.protocol.Id;
import io.zakka.protocol.Stat;
import java.util.ArrayList;
import java.util.List;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.ClientInfo;

/** Conversions between Zakka's value records and the jute data records, field by field. */
public final class Records {

    private Records() {
    }

    public static org.apache.zookeeper.data.Stat toJute(Stat s) {
        return new org.apache.zookeeper.data.Stat(s.czxid(), s.mzxid(), s.ctime(), s.mtime(), s.version(),
                s.cversion(), s.aversion(), s.ephemeralOwner(), s.dataLength(), s.numChildren(), s.pzxid());
    }

    /**
     * An ACL list as sent by a client. A null list stays null (prep answers INVALIDACL, as ZooKeeper does);
     * a null scheme or id becomes "" so that it fails ACL validation rather than the decoder.
     */
    public static List<Acl> fromJute(List<ACL> acl) {
        if (acl == null) {
            return null;
        }
        List<Acl> result = new ArrayList<>(acl.size());
        for (ACL entry : acl) {
            org.apache.zookeeper.data.Id id = entry.getId();
            String scheme = id == null || id.getScheme() == null ? "" : id.getScheme();
            String value = id == null || id.getId() == null ? "" : id.getId();
            result.add(new Acl(entry.getPerms(), new Id(scheme, value)));
        }
        return result;
    }

    public static List<ACL> toJute(List<Acl> acl) {
        List<ACL> result = new ArrayList<>(acl.size());
        for (Acl entry : acl) {
            result.add(new ACL(entry.perms(), new org.apache.zookeeper.data.Id(entry.id().scheme(), entry.id().id())));
        }
        return result;
    }

    /**
     * whoAmI's answer: one ClientInfo per id, as the server gives them (it already shows each id as ZooKeeper's
     * AuthUtil does: a digest id's user name only, "" for a scheme without a provider).
     */
    public static List<ClientInfo> clientInfos(List<Id> ids) {
        List<ClientInfo> result = new ArrayList<>(ids.size());
        for (Id id : ids) {
            result.add(new ClientInfo(id.scheme(), id.id()));
        }
        return result;
    }

    /** A null jute vector of strings as an empty list. */
    public static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }
}
