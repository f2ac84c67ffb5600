package io.zakka.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The merged reference.conf kept between starts gives exactly the jars' configuration, or is not used. */
class RenderedReferenceTest {
    private static final ClassLoader APPLICATION = RenderedReferenceTest.class.getClassLoader();

    @TempDir
    Path dir;

    /** The jars of the test class path: a fingerprintable class path (the test's own has directories). */
    private static String jarsOnly() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.endsWith(".jar")).collect(Collectors.joining(File.pathSeparator));
    }

    /** The one file the cache directory holds. */
    private Path cached() throws IOException {
        try (var files = Files.list(dir)) {
            List<Path> all = files.filter(file -> file.getFileName().toString().startsWith("zakka-reference-"))
                    .toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }

    private static Config reference(ClassLoader loader) {
        ConfigFactory.invalidateCaches();
        return ConfigFactory.defaultReference(loader);
    }

    @Test
    void servedFileResolvesToTheSameConfigurationAsTheJarsGive() throws IOException, ClassNotFoundException {
        assertSame(APPLICATION, RenderedReference.loaderFor(APPLICATION, dir, jarsOnly()), "first start writes");
        assertTrue(Files.isRegularFile(cached()));

        ClassLoader serving = RenderedReference.loaderFor(APPLICATION, dir, jarsOnly());
        assertNotSame(APPLICATION, serving, "the next start serves the file");
        assertEquals(reference(APPLICATION).root(), reference(serving).root());
        Config overrides = ConfigFactory.parseString("akka.cluster.singleton.singleton-name = leader");
        assertEquals(overrides.withFallback(ConfigFactory.defaultReferenceUnresolved(APPLICATION)).resolve().root(),
                overrides.withFallback(ConfigFactory.defaultReferenceUnresolved(serving)).resolve().root(),
                "substitutions are kept: an override reaches every key that refers to it");
        assertEquals("leader", overrides.withFallback(ConfigFactory.defaultReferenceUnresolved(serving)).resolve()
                .getString("akka.cluster.singleton-proxy.singleton-name"));
        assertEquals(APPLICATION.loadClass("akka.actor.ActorSystem"), serving.loadClass("akka.actor.ActorSystem"),
                "classes come from the application's loader");
    }

    @Test
    void eachClassPathHasItsOwnFile() throws IOException {
        String jars = jarsOnly();
        String fewerJars = jars.substring(jars.indexOf(File.pathSeparator) + 1);
        RenderedReference.loaderFor(APPLICATION, dir, jars);

        assertSame(APPLICATION, RenderedReference.loaderFor(APPLICATION, dir, fewerJars), "written for it");
        assertNotSame(APPLICATION, RenderedReference.loaderFor(APPLICATION, dir, fewerJars));
        assertNotSame(APPLICATION, RenderedReference.loaderFor(APPLICATION, dir, jars), "the first one is kept");
        String[] entries = jars.split(File.pathSeparator);
        for (int more = 2; more < 6; more++) {
            String shorter = String.join(File.pathSeparator, Arrays.copyOfRange(entries, more, entries.length));
            RenderedReference.loaderFor(APPLICATION, dir, shorter);
        }
        try (var files = Files.list(dir)) {
            assertEquals(3, files.count(), "only the newest three are kept");
        }
    }

    @Test
    void damagedFileIsRewrittenAndNotServed() throws IOException {
        RenderedReference.loaderFor(APPLICATION, dir, jarsOnly());
        Path file = cached();
        String intact = Files.readString(file, StandardCharsets.UTF_8);
        Files.writeString(file, intact.replace("allow-java-serialization=off", "allow-java-serialization=on"),
                StandardCharsets.UTF_8);

        assertSame(APPLICATION, RenderedReference.loaderFor(APPLICATION, dir, jarsOnly()));
        assertEquals(intact, Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void fingerprintFollowsTheJarsAndTheReferenceFilesOfDirectories() throws IOException {
        Path jar = Files.writeString(dir.resolve("a.jar"), "x");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        String classPath = jar + File.pathSeparator + classes;
        String before = RenderedReference.fingerprint(classPath).orElseThrow();
        assertEquals(before, RenderedReference.fingerprint(classPath).orElseThrow());
        assertTrue(RenderedReference.fingerprint(dir.resolve("missing.jar").toString()).isEmpty());

        Files.writeString(jar, "xy");
        String changedJar = RenderedReference.fingerprint(classPath).orElseThrow();
        assertNotEquals(before, changedJar, "a changed jar");
        Files.writeString(classes.resolve("reference.conf"), "a = 1");
        assertNotEquals(changedJar, RenderedReference.fingerprint(classPath).orElseThrow(),
                "a directory's reference.conf");
    }
}
