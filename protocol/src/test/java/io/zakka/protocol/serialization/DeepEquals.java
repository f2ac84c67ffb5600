package io.zakka.protocol.serialization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * Structural equality for protocol records. A record's own equals compares byte[] components by
 * identity, so this walks records and lists and compares arrays by content; everything else by equals.
 */
final class DeepEquals {

    private DeepEquals() {
    }

    static void assertDeepEquals(Object expected, Object actual, String where) {
        if (expected == null || actual == null) {
            assertEquals(expected, actual, where);
            return;
        }
        if (expected instanceof List<?> list) {
            // Any List implementation will do: records compare lists by content.
            List<?> other = assertInstanceOf(List.class, actual, where);
            assertEquals(list.size(), other.size(), where + " size");
            for (int i = 0; i < list.size(); i++) {
                assertDeepEquals(list.get(i), other.get(i), where + "[" + i + "]");
            }
        } else if (expected instanceof byte[] bytes) {
            assertArrayEquals(bytes, assertInstanceOf(byte[].class, actual, where), where);
        } else if (expected.getClass().isRecord()) {
            assertEquals(expected.getClass(), actual.getClass(), where);
            for (RecordComponent component : expected.getClass().getRecordComponents()) {
                assertDeepEquals(value(component, expected), value(component, actual),
                        where + "." + component.getName());
            }
        } else {
            assertEquals(expected, actual, where);
        }
    }

    private static Object value(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }
}
