package io.zakka.protocol;

import akka.actor.typed.ActorRef;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds an instance of any protocol record with non-default values in every component, recursing
 * through nested records, lists and sealed interfaces (for which each permitted type is tried in turn,
 * so lists of a sealed type hold one of each kind).
 */
public final class Samples {

    private final ActorRef<?> ref;
    private int counter = 1;

    Samples(ActorRef<?> ref) {
        this.ref = ref;
    }

    Object of(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            return ofParameterized(parameterized);
        }
        Class<?> raw = (Class<?>) type;
        if (raw == String.class) {
            return "/s" + counter++;
        }
        if (raw == byte[].class) {
            return new byte[] {1, 2, (byte) counter++};
        }
        if (raw == int.class || raw == Integer.class) {
            return counter++;
        }
        if (raw == long.class || raw == Long.class) {
            return 0x1_0000_0000L + counter++;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return true;
        }
        if (raw.isEnum()) {
            Object[] constants = raw.getEnumConstants();
            return constants[counter++ % constants.length];
        }
        if (raw.isRecord()) {
            return record(raw);
        }
        if (raw.isSealed()) {
            return leafOf(raw, counter++);
        }
        throw new IllegalArgumentException("no sample for " + type);
    }

    private Object ofParameterized(ParameterizedType type) {
        Class<?> raw = (Class<?>) type.getRawType();
        if (raw == ActorRef.class) {
            return ref;
        }
        if (raw == List.class) {
            Type element = type.getActualTypeArguments()[0];
            if (element instanceof Class<?> c && c.isSealed()) {
                List<Object> all = new ArrayList<>();
                for (Class<?> leaf : leaves(c)) {
                    if (!containsItself(leaf, c)) {
                        all.add(record(leaf));
                    }
                }
                return all;
            }
            return List.of(of(element), of(element));
        }
        throw new IllegalArgumentException("no sample for " + type);
    }

    private Object record(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            args[i] = of(components[i].getGenericType());
            types[i] = components[i].getType();
        }
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            return canonical.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type + " from " + Arrays.toString(args), e);
        }
    }

    private Object leafOf(Class<?> sealed, int choice) {
        List<Class<?>> leaves = leaves(sealed).stream().filter(l -> !containsItself(l, sealed)).toList();
        return record(leaves.get(choice % leaves.size()));
    }

    /** The records (leaf classes) below a sealed interface, through nested sealed interfaces. */
    public static List<Class<?>> leaves(Class<?> sealed) {
        List<Class<?>> result = new ArrayList<>();
        for (Class<?> sub : sealed.getPermittedSubclasses()) {
            if (sub.isSealed()) {
                result.addAll(leaves(sub));
            } else {
                result.add(sub);
            }
        }
        return result;
    }

    /** A record with a component of its own sealed family (Multi, MultiTxn, MultiResult) would recurse. */
    private static boolean containsItself(Class<?> leaf, Class<?> family) {
        return Arrays.stream(leaf.getRecordComponents()).anyMatch(c -> c.getGenericType().getTypeName()
                .contains(family.getName()));
    }
}
