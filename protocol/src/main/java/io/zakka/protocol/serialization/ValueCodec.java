package io.zakka.protocol.serialization;

import io.zakka.protocol.Acl;
import io.zakka.protocol.Id;
import io.zakka.protocol.Stat;
import io.zakka.protocol.WatchEvent;
import java.io.NotSerializableException;
import java.util.ArrayList;
import java.util.List;

/**
 * The value records messages carry: {@link Stat}, {@link Acl}, {@link Id} and {@link WatchEvent}. Each is
 * preceded by a presence byte (0 null, 1 present) because the records that hold them allow null
 * (a getChildren result without a Stat) and the codec must give back exactly what it was given.
 */
final class ValueCodec {

    private static final byte ABSENT = 0;
    private static final byte PRESENT = 1;

    private ValueCodec() {
    }

    static void writeStat(BinaryWriter out, Stat stat) {
        if (present(out, stat)) {
            out.writeLong(stat.czxid());
            out.writeLong(stat.mzxid());
            out.writeLong(stat.ctime());
            out.writeLong(stat.mtime());
            out.writeInt(stat.version());
            out.writeInt(stat.cversion());
            out.writeInt(stat.aversion());
            out.writeLong(stat.ephemeralOwner());
            out.writeInt(stat.dataLength());
            out.writeInt(stat.numChildren());
            out.writeLong(stat.pzxid());
        }
    }

    static Stat readStat(BinaryReader in) throws NotSerializableException {
        if (!in.readBoolean("stat presence")) {
            return null;
        }
        return new Stat(in.readLong("czxid"), in.readLong("mzxid"), in.readLong("ctime"), in.readLong("mtime"),
                in.readInt("version"), in.readInt("cversion"), in.readInt("aversion"),
                in.readLong("ephemeralOwner"), in.readInt("dataLength"), in.readInt("numChildren"),
                in.readLong("pzxid"));
    }

    static void writeAcls(BinaryWriter out, List<Acl> acls) {
        if (out.writeCount(acls)) {
            for (int i = 0; i < acls.size(); i++) {
                Acl acl = acls.get(i);
                if (present(out, acl)) {
                    out.writeInt(acl.perms());
                    writeId(out, acl.id());
                }
            }
        }
    }

    static List<Acl> readAcls(BinaryReader in) throws NotSerializableException {
        int count = in.readCount("acl", 1);
        if (count == BinaryWriter.NULL_LENGTH) {
            return null;
        }
        List<Acl> acls = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (!in.readBoolean("acl presence")) {
                acls.add(null);
                continue;
            }
            int perms = in.readInt("acl perms");
            Id id = readId(in);
            if (id == null) {
                throw in.malformed("acl without an id");
            }
            acls.add(new Acl(perms, id));
        }
        return acls;
    }

    static void writeIds(BinaryWriter out, List<Id> ids) {
        if (out.writeCount(ids)) {
            for (int i = 0; i < ids.size(); i++) {
                writeId(out, ids.get(i));
            }
        }
    }

    static List<Id> readIds(BinaryReader in) throws NotSerializableException {
        int count = in.readCount("ids", 1);
        if (count == BinaryWriter.NULL_LENGTH) {
            return null;
        }
        List<Id> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(readId(in));
        }
        return ids;
    }

    static void writeWatchEvent(BinaryWriter out, WatchEvent event) {
        if (present(out, event)) {
            EnumCodes.write(out, event.type());
            out.writeString(event.path());
            out.writeLong(event.zxid());
        }
    }

    static WatchEvent readWatchEvent(BinaryReader in) throws NotSerializableException {
        if (!in.readBoolean("event presence")) {
            return null;
        }
        return new WatchEvent(EnumCodes.readEventType(in, "event type"), in.readString("event path"),
                in.readLong("event zxid"));
    }

    private static void writeId(BinaryWriter out, Id id) {
        if (present(out, id)) {
            out.writeString(id.scheme());
            out.writeString(id.id());
        }
    }

    private static Id readId(BinaryReader in) throws NotSerializableException {
        if (!in.readBoolean("id presence")) {
            return null;
        }
        String scheme = in.readString("id scheme");
        String id = in.readString("id");
        if (scheme == null || id == null) {
            throw in.malformed("an Id needs a scheme and an id, got " + scheme + ":" + id);
        }
        return new Id(scheme, id);
    }

    /** Writes the presence byte; true when the value follows. */
    private static boolean present(BinaryWriter out, Object value) {
        out.writeByte(value == null ? ABSENT : PRESENT);
        return value != null;
    }
}
