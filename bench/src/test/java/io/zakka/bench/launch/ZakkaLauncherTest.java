package io.zakka.bench.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ZakkaLauncherTest {

    @Test
    void theOptionsBeforeCpAreJvmOptionsAndTheLineAfterItIsTheClasspath() {
        ZakkaLauncher.Options options = ZakkaLauncher.parse(List.of("-Xshare:auto", "-XX:SharedArchiveFile=a.jsa",
                "-cp", "a.jar:b.jar"));
        assertEquals(List.of("-Xshare:auto", "-XX:SharedArchiveFile=a.jsa"), options.jvm());
        assertEquals("a.jar:b.jar", options.classpath());
    }

    @Test
    void outputWithoutAClasspathGivesNoOptionsAtAll() {
        assertEquals(ZakkaLauncher.Options.NONE, ZakkaLauncher.parse(List.of("zakka: building ...", "-Xshare:auto")));
    }

    @Test
    void linesThatAreNotOptionsAreIgnored() {
        ZakkaLauncher.Options options = ZakkaLauncher.parse(List.of("noise", "-Xlog:cds=off", "-cp", "x.jar"));
        assertEquals(List.of("-Xlog:cds=off"), options.jvm());
    }
}
