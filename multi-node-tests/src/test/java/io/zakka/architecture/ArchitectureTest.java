package io.zakka.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.elements.GivenClassesConjunction;
import io.zakka.protocol.PureCore;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module and purity rules of DESIGN.md §2 and G3/G5/G8: dependencies run one way
 * (protocol ← storage ← actors ← api ← wire ← server), and storage plus every {@link PureCore} is free of
 * Akka, loggers, clocks and randomness.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.zakka");
    }

    @Test
    void modulesDependOnlyDownstream() {
        ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("protocol").definedBy("io.zakka.protocol..")
                .layer("storage").definedBy("io.zakka.storage..")
                .layer("actors").definedBy("io.zakka.actors..")
                .layer("api").definedBy("io.zakka.api..")
                .layer("wire").definedBy("io.zakka.wire..")
                .layer("server").definedBy("io.zakka.server..")
                .whereLayer("server").mayNotBeAccessedByAnyLayer()
                .whereLayer("wire").mayOnlyBeAccessedByLayers("server")
                .whereLayer("api").mayOnlyBeAccessedByLayers("wire", "server")
                .whereLayer("actors").mayOnlyBeAccessedByLayers("api", "server")
                .whereLayer("storage").mayOnlyBeAccessedByLayers("actors", "api", "server");
        layers.check(classes);
    }

    @Test
    void storageNeverImportsAkka() {
        noClasses().that().resideInAPackage("io.zakka.storage..")
                .should().dependOnClassesThat().resideInAnyPackage("akka..", "scala..")
                .check(classes);
    }

    @Test
    void pureCodeHasNoAkkaLoggerClockOrRandomness() {
        assertTrue(classes.stream().filter(c -> c.isAnnotatedWith(PureCore.class)).count() >= 3,
                "the pure cores of actors must carry @PureCore");
        for (GivenClassesConjunction pure : new GivenClassesConjunction[] {
            noClasses().that().areAnnotatedWith(PureCore.class),
            noClasses().that().resideInAPackage("io.zakka.storage..")}) {
            pure.should().dependOnClassesThat().resideInAnyPackage("akka..", "org.slf4j..", "java.util.logging..")
                    .check(classes);
            pure.should().callMethod(System.class, "currentTimeMillis")
                    .orShould().callMethod(System.class, "nanoTime")
                    .orShould().callMethod(Instant.class, "now")
                    .orShould().callMethod(ThreadLocalRandom.class, "current")
                    .check(classes);
        }
    }
}
