package io.zakka.multinode.differential;

import io.zakka.protocol.Acl;
import io.zakka.protocol.op.Op;
import java.util.List;
import java.util.stream.Collectors;

/** Readable, stable text for generated ops (records print byte arrays as identities). */
final class OpText {

    private OpText() {
    }

    static String describe(Op op) {
        if (op instanceof Op.Create c) {
            String ttl = c.mode().isTtl() ? ", ttl=" + c.ttlMs() : "";
            return "create(" + quote(c.path()) + ", " + data(c.data()) + ", " + acl(c.acl()) + ", " + c.mode() + ttl
                    + ")";
        } else if (op instanceof Op.Delete d) {
            return "delete(" + quote(d.path()) + ", v=" + d.version() + ")";
        } else if (op instanceof Op.SetData s) {
            return "setData(" + quote(s.path()) + ", " + data(s.data()) + ", v=" + s.version() + ")";
        } else if (op instanceof Op.SetAcl s) {
            return "setACL(" + quote(s.path()) + ", " + acl(s.acl()) + ", av=" + s.aclVersion() + ")";
        } else if (op instanceof Op.Check c) {
            return "check(" + quote(c.path()) + ", v=" + c.version() + ")";
        } else if (op instanceof Op.Multi m) {
            return "multi" + ops(m.ops());
        } else if (op instanceof Op.MultiRead m) {
            return "multiRead" + ops(m.ops());
        } else if (op instanceof Op.AddAuth a) {
            return "addAuth(" + a.scheme() + ", " + new String(a.auth(), java.nio.charset.StandardCharsets.UTF_8) + ")";
        } else if (op instanceof Op.AddWatch w) {
            return "addWatch(" + quote(w.path()) + ", " + w.mode() + ")";
        } else if (op instanceof Op.Exists e) {
            return "exists(" + quote(e.path()) + watch(e.watch()) + ")";
        } else if (op instanceof Op.GetData g) {
            return "getData(" + quote(g.path()) + watch(g.watch()) + ")";
        } else if (op instanceof Op.GetChildren g) {
            return (g.withStat() ? "getChildren2(" : "getChildren(") + quote(g.path()) + watch(g.watch()) + ")";
        } else if (op instanceof Op.GetAcl g) {
            return "getACL(" + quote(g.path()) + ")";
        } else if (op instanceof Op.GetAllChildrenNumber g) {
            return "getAllChildrenNumber(" + quote(g.path()) + ")";
        } else if (op instanceof Op.RemoveWatches r) {
            return "removeWatches(" + quote(r.path()) + ", " + r.type() + ")";
        } else if (op instanceof Op.Sync s) {
            return "sync(" + quote(s.path()) + ")";
        } else if (op instanceof Op.WhoAmI) {
            return "whoAmI()";
        } else if (op instanceof Op.GetEphemerals g) {
            return "getEphemerals(" + quote(g.prefixPath()) + ")";
        }
        return op.toString();
    }

    private static String ops(List<Op> ops) {
        return ops.stream().map(OpText::describe).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String watch(boolean watch) {
        return watch ? ", watch" : "";
    }

    static String acl(List<Acl> acl) {
        return acl.stream().map(OpText::entry).collect(Collectors.joining(",", "[", "]"));
    }

    /**
     * An ACL as compared between targets: its entries sorted, duplicates kept. ZooKeeper expands an
     * {@code auth} entry into the connection's authenticated ids in the iteration order of a
     * ConcurrentHashMap-backed set ({@code ServerCnxn.authInfo}), i.e. hash order, which no client can
     * rely on; and no ACL check depends on the order of entries. So order is not compared.
     */
    static String aclAsSet(List<Acl> acl) {
        return acl.stream().map(OpText::entry).sorted().collect(Collectors.joining(",", "[", "]"));
    }

    private static String entry(Acl a) {
        return a.id().scheme() + ":" + a.id().id() + "=" + a.perms();
    }

    static String data(byte[] data) {
        if (data == null) {
            return "null";
        }
        if (data.length > 32) {
            return "<" + data.length + " bytes, hash " + Integer.toHexString(java.util.Arrays.hashCode(data)) + ">";
        }
        StringBuilder sb = new StringBuilder("0x");
        for (byte b : data) {
            sb.append(String.format("%02x", b));
        }
        return sb.toString();
    }

    /** Quotes a path and escapes control characters so that invalid paths print readably. */
    static String quote(String path) {
        if (path == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder("\"");
        for (char c : path.toCharArray()) {
            if (c < 0x20 || c >= 0x7f) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
