package io.zakka.server;

import java.lang.management.ManagementFactory;
import org.slf4j.LoggerFactory;

/**
 * Work a start-up does anyway, moved onto a second thread while the main thread parses the configuration (the
 * one stretch of a start-up where a core is idle): logback reads its configuration (XML) and the platform MBean
 * server is created, which the ActorSystem would otherwise both do on the main thread, on the path to serving
 * (Akka's SLF4J logger, the cluster's JMX bean). Both are thread-safe, idempotent initialisations; nothing
 * waits for this thread, and a failure here only leaves that work to its first user, as before.
 */
final class StartupPrewarm {

    private StartupPrewarm() {
    }

    static void begin() {
        Thread thread = new Thread(() -> {
            LoggerFactory.getILoggerFactory();
            ManagementFactory.getPlatformMBeanServer();
        }, "zakka-startup-prewarm");
        thread.setDaemon(true);
        thread.start();
    }
}
