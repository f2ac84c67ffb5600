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

    private static Config reference(ClassLoader loader) {
        ConfigFactory.invalidateCaches();
        return ConfigFactory.defaultReference(loader);
    }

    @Test
    void servedFileResolvesToTheSameConfigurationAsTheJarsGive() throws IOException, ClassNotFoundException {
        Path file = dir.resolve("reference-cache.conf");
        assertSame(APPLICATION, RenderedReference.loaderFor(APPLICATION, file, jarsOnly()), "first start writes");
        assertTrue(Files.isRegularFile(file));

        ClassLoader serving = RenderedReference.loaderFor(APPLICATION, file, jarsOnly());
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
    void fileOfAnotherClassPathIsRewrittenAndNotServed() throws IOException {
        Path file = dir.resolve("reference-cache.conf");
        RenderedReference.loaderFor(APPLICATION, file, jarsOnly());
        String jars = jarsOnly();
        String fewerJars = jars.substring(jars.indexOf(File.pathSeparator) + 1);

        assertSame(APPLICATION, RenderedReference.loaderFor(APPLICATION, file, fewerJars));
        assertNotSame(APPLICATION, RenderedReference.loaderFor(APPLICATION, file, fewerJars), "rewritten for it");
        assertSame(APPLICATION, RenderedReference.loaderFor(APPLICATION, file, jars));
    }

    @Test
    void damagedFileIsRewrittenAndNotServed() throws IOException {
        Path file = dir.resolve("reference-cache.conf");
        RenderedReference.loaderFor(APPLICATION, file, jarsOnly());
        String intact = Files.readString(file, StandardCharsets.UTF_8);
        Files.writeString(file, intact.replace("allow-java-serialization=off", "allow-java-serialization=on"),
                StandardCharsets.UTF_8);

        assertSame(APPLICATION, RenderedReference.loaderFor(APPLICATION, file, jarsOnly()));
        assertEquals(intact, Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void classPathWithADirectoryOrAMissingJarHasNoFingerprint() throws IOException {
        Path jar = Files.writeString(dir.resolve("a.jar"), "x");
        assertTrue(RenderedReference.fingerprint(jar.toString()).isPresent());
        assertEquals(RenderedReference.fingerprint(jar.toString()), RenderedReference.fingerprint(jar.toString()));
        assertTrue(RenderedReference.fingerprint(jar + File.pathSeparator + dir).isEmpty());
        assertTrue(RenderedReference.fingerprint(dir.resolve("missing.jar").toString()).isEmpty());
        String before = RenderedReference.fingerprint(jar.toString()).orElseThrow();
        Files.writeString(jar, "xy");
        assertNotEquals(before, RenderedReference.fingerprint(jar.toString()).orElseThrow(), "a changed jar");
    }
}
