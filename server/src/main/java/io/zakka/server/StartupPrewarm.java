package io.zakka.server;

import org.slf4j.LoggerFactory;

/**
 * Work a start-up does anyway, moved onto a second thread while the main thread parses the configuration (the
 * one stretch of a start-up where a core is idle): logback reads its configuration (XML), which the ActorSystem
 * would otherwise do on the main thread, on the path to serving (Akka's SLF4J logger). It is a thread-safe,
 * idempotent initialisation; nothing waits for this thread, and a failure here only leaves that work to its
 * first user, as before. (The platform MBean server is not created at all: the cluster's JMX bean is off in
 * the server defaults.)
 */
final class StartupPrewarm {

    private StartupPrewarm() {
    }

    static void begin() {
        Thread thread = new Thread(() -> {
            LoggerFactory.getILoggerFactory();
        }, "zakka-startup-prewarm");
        thread.setDaemon(true);
        thread.start();
    }
}
