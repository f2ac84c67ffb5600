package io.zakka.protocol;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Finds every compiled class of the protocol module, so tests can walk all message types. */
public final class ProtocolClasses {

    private ProtocolClasses() {
    }

    /** Concrete (non-interface, non-abstract) classes that implement {@link ZakkaSerializable}. */
    public static List<Class<?>> concreteSerializables() throws IOException, URISyntaxException {
        URL marker = ZakkaSerializable.class.getResource("ZakkaSerializable.class");
        Path root = Path.of(marker.toURI()).getParent().getParent().getParent().getParent();
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root.resolve("io/zakka/protocol"))) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                Class<?> type = load(root, file);
                if (ZakkaSerializable.class.isAssignableFrom(type) && !type.isInterface()
                        && !Modifier.isAbstract(type.getModifiers())) {
                    found.add(type);
                }
            }
        }
        found.sort(Comparator.comparing(Class::getName));
        return found;
    }

    private static Class<?> load(Path root, Path file) {
        String name = root.relativize(file).toString().replace('/', '.').replace('\\', '.');
        try {
            return Class.forName(name.substring(0, name.length() - ".class".length()));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
