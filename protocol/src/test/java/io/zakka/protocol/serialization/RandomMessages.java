package io.zakka.protocol.serialization;

import akka.actor.typed.ActorRef;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random instances of any protocol record, driven by one seeded {@link Random}: strings with non-ASCII
 * and surrogate pairs, empty and null arrays, extreme numbers, nulls wherever the record allows them,
 * nested ops and results up to a small depth. Built by reflection over the record components, so a
 * new field or variant is covered without touching this class.
 */
final class RandomMessages {

    private static final int MAX_DEPTH = 3;
    private static final int[] CODE_POINTS = {'a', '/', '0', ' ', 0xE9, 0x4E2D, 0x1F600, 0x10FFFF, 0x7F, 0x80};

    private final Random random;
    private final List<ActorRef<?>> refs;
    private int depth;

    RandomMessages(Random random, List<ActorRef<?>> refs) {
        this.random = random;
        this.refs = refs;
    }

    /** A random instance (never null) of a record type or of a leaf of a sealed type. */
    Object of(Class<?> type) {
        if (type.isSealed()) {
            List<Class<?>> leaves = leaves(type);
            return record(leaves.get(random.nextInt(leaves.size())));
        }
        return record(type);
    }

    private Object value(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            return parameterized(parameterized);
        }
        Class<?> raw = (Class<?>) type;
        if (raw == int.class) {
            return randomInt();
        }
        if (raw == long.class) {
            return randomLong();
        }
        if (raw == boolean.class) {
            return random.nextBoolean();
        }
        if (rarely()) {
            return null;
        }
        if (raw == String.class) {
            return string();
        }
        if (raw == byte[].class) {
            byte[] bytes = new byte[random.nextInt(4) == 0 ? 0 : random.nextInt(300)];
            random.nextBytes(bytes);
            return bytes;
        }
        if (raw.isEnum()) {
            Object[] constants = raw.getEnumConstants();
            return constants[random.nextInt(constants.length)];
        }
        if (raw.isSealed()) {
            List<Class<?>> leaves = leaves(raw);
            return record(leaves.get(random.nextInt(leaves.size())));
        }
        if (raw.isRecord()) {
            return record(raw);
        }
        throw new IllegalArgumentException("no random value for " + type);
    }

    private Object parameterized(ParameterizedType type) {
        Class<?> raw = (Class<?>) type.getRawType();
        if (raw == ActorRef.class) {
            return rarely() ? null : refs.get(random.nextInt(refs.size()));
        }
        if (raw == List.class) {
            if (rarely() || depth >= MAX_DEPTH) {
                return depth >= MAX_DEPTH ? List.of() : null;
            }
            depth++;
            List<Object> list = new ArrayList<>();
            int size = random.nextInt(5);
            for (int i = 0; i < size; i++) {
                list.add(value(type.getActualTypeArguments()[0]));
            }
            depth--;
            return list;
        }
        throw new IllegalArgumentException("no random value for " + type);
    }

    /** Builds the record; a record that refuses a null component (Acl, Id) is rebuilt until it accepts. */
    private Object record(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        for (int attempt = 0; attempt < 100; attempt++) {
            Object[] args = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                args[i] = value(components[i].getGenericType());
            }
            try {
                Constructor<?> canonical = type.getDeclaredConstructor(types);
                return canonical.newInstance(args);
            } catch (InvocationTargetException refused) {
                if (!(refused.getCause() instanceof IllegalArgumentException)) {
                    throw new IllegalStateException(refused.getCause());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot build " + type, e);
            }
        }
        throw new IllegalStateException("no acceptable random " + type);
    }

    private String string() {
        int length = random.nextInt(4) == 0 ? 0 : random.nextInt(40);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.appendCodePoint(random.nextBoolean() ? 'a' + random.nextInt(26)
                    : CODE_POINTS[random.nextInt(CODE_POINTS.length)]);
        }
        return s.toString();
    }

    private int randomInt() {
        return switch (random.nextInt(4)) {
            case 0 -> -1;
            case 1 -> random.nextBoolean() ? Integer.MIN_VALUE : Integer.MAX_VALUE;
            default -> random.nextInt();
        };
    }

    private long randomLong() {
        return switch (random.nextInt(4)) {
            case 0 -> 0L;
            case 1 -> random.nextBoolean() ? Long.MIN_VALUE : Long.MAX_VALUE;
            default -> random.nextLong();
        };
    }

    private boolean rarely() {
        return random.nextInt(8) == 0;
    }

    static List<Class<?>> leaves(Class<?> sealed) {
        return io.zakka.protocol.Samples.leaves(sealed);
    }
}
