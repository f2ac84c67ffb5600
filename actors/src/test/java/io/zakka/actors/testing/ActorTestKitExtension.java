package io.zakka.actors.testing;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.Behavior;
import com.typesafe.config.Config;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link ActorTestKit} per test class under JUnit 5, as Akka's {@code TestKitJunitResource} gives one under
 * JUnit 4 (Akka 2.6 ships no JUnit 5 extension). Registered on a static field, the kit starts before the class's
 * {@code @BeforeAll} methods and shuts down after its last test:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ActorTestKitExtension kit = new ActorTestKitExtension();
 * }</pre>
 *
 * <p>The kit starts in {@code beforeAll} rather than when the field is set, so that a test class JUnit skips
 * leaves no ActorSystem running. Its system is named after the test class, as {@code ActorTestKit.create()}
 * names it, and reads the same configuration (application-test.conf) unless one is given.
 */
public final class ActorTestKitExtension implements BeforeAllCallback, AfterAllCallback {

    /** The whole configuration of the kit's system; null for the test kit's default. */
    private final Config config;
    private ActorTestKit kit;

    public ActorTestKitExtension() {
        this.config = null;
    }

    /** A kit whose system runs on {@code config} alone (it is not layered over the default). */
    public ActorTestKitExtension(Config config) {
        this.config = config;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        String name = context.getRequiredTestClass().getSimpleName();
        kit = config == null ? ActorTestKit.create(name) : ActorTestKit.create(name, config);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        kit.shutdownTestKit();
        kit = null;
    }

    /** The running kit, for what the shortcuts below do not cover. */
    public ActorTestKit kit() {
        if (kit == null) {
            throw new IllegalStateException("the test kit runs from the test class's @BeforeAll to its @AfterAll;"
                    + " is the extension registered on a static field?");
        }
        return kit;
    }

    public ActorSystem<Void> system() {
        return kit().system();
    }

    public <T> ActorRef<T> spawn(Behavior<T> behavior) {
        return kit().spawn(behavior);
    }

    public <M> TestProbe<M> createTestProbe() {
        return kit().createTestProbe();
    }
}
