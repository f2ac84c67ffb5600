package io.zakka.protocol.serialization;

import io.zakka.protocol.AddWatchMode;
import io.zakka.protocol.CreateMode;
import io.zakka.protocol.ErrorCode;
import io.zakka.protocol.EventType;
import io.zakka.protocol.WatcherType;
import java.io.NotSerializableException;
import java.util.function.ToIntFunction;

/**
 * Enums travel as one byte holding ZooKeeper's numeric code (never the ordinal, which a reordering
 * would silently change); {@link #NULL_CODE}, which no enum uses, stands for null. Decoding is an
 * index into a table built once, not a scan of {@code values()}.
 */
final class EnumCodes {

    /** The byte for a null enum; every code of every table is checked to differ from it. */
    static final byte NULL_CODE = Byte.MIN_VALUE;

    private static final Table<ErrorCode> ERROR_CODES = new Table<>(ErrorCode.class, ErrorCode::code);
    private static final Table<EventType> EVENT_TYPES = new Table<>(EventType.class, EventType::code);
    private static final Table<CreateMode> CREATE_MODES = new Table<>(CreateMode.class, CreateMode::flag);
    private static final Table<AddWatchMode> WATCH_MODES = new Table<>(AddWatchMode.class, AddWatchMode::code);
    private static final Table<WatcherType> WATCHER_TYPES = new Table<>(WatcherType.class, WatcherType::code);

    private EnumCodes() {
    }

    static void write(BinaryWriter out, ErrorCode value) {
        out.writeByte(value == null ? NULL_CODE : value.code());
    }

    static void write(BinaryWriter out, EventType value) {
        out.writeByte(value == null ? NULL_CODE : value.code());
    }

    static void write(BinaryWriter out, CreateMode value) {
        out.writeByte(value == null ? NULL_CODE : value.flag());
    }

    static void write(BinaryWriter out, AddWatchMode value) {
        out.writeByte(value == null ? NULL_CODE : value.code());
    }

    static void write(BinaryWriter out, WatcherType value) {
        out.writeByte(value == null ? NULL_CODE : value.code());
    }

    static ErrorCode readErrorCode(BinaryReader in, String field) throws NotSerializableException {
        return ERROR_CODES.read(in, field);
    }

    static EventType readEventType(BinaryReader in, String field) throws NotSerializableException {
        return EVENT_TYPES.read(in, field);
    }

    static CreateMode readCreateMode(BinaryReader in, String field) throws NotSerializableException {
        return CREATE_MODES.read(in, field);
    }

    static AddWatchMode readAddWatchMode(BinaryReader in, String field) throws NotSerializableException {
        return WATCH_MODES.read(in, field);
    }

    static WatcherType readWatcherType(BinaryReader in, String field) throws NotSerializableException {
        return WATCHER_TYPES.read(in, field);
    }

    /** Constants indexed by their code + 128; built once per enum, read without allocation. */
    private static final class Table<E extends Enum<E>> {
        private final Object[] byCode = new Object[256];
        private final String name;

        Table(Class<E> type, ToIntFunction<E> code) {
            this.name = type.getSimpleName();
            for (E constant : type.getEnumConstants()) {
                int c = code.applyAsInt(constant);
                if (c <= NULL_CODE || c > Byte.MAX_VALUE || byCode[c + 128] != null) {
                    throw new IllegalStateException(name + "." + constant + " has code " + c
                            + ", which does not fit the one-byte encoding or repeats another");
                }
                byCode[c + 128] = constant;
            }
        }

        @SuppressWarnings("unchecked")
        E read(BinaryReader in, String field) throws NotSerializableException {
            byte b = in.readByte(field);
            if (b == NULL_CODE) {
                return null;
            }
            Object constant = byCode[b + 128];
            if (constant == null) {
                throw in.malformed(field + " has unknown " + name + " code " + b);
            }
            return (E) constant;
        }
    }
}
