package io.zakka.server;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.LoggerFactory;

/**
 * Work a start-up does anyway, moved onto a second thread while the main thread parses the configuration (the
 * one stretch of a start-up where a core is idle):
 * <ul>
 *   <li>logback reads its configuration, which the ActorSystem would otherwise do on the main thread, on the path
 *       to serving (Akka's SLF4J logger);</li>
 *   <li>the JCA's providers are loaded and HmacSHA256 found, which the first session's password (an HMAC) would
 *       otherwise do, about 50 ms between a client's ConnectRequest and its session.</li>
 * </ul>
 * Both are thread-safe, idempotent initialisations; nothing waits for this thread, and a failure here only leaves
 * that work to its first user, as before. (The platform MBean server is not created at all: the cluster's JMX
 * bean is off in the server defaults.)
 */
final class StartupPrewarm {

    private StartupPrewarm() {
    }

    static void begin() {
        Thread thread = new Thread(() -> {
            LoggerFactory.getILoggerFactory();
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(new byte[] {1}, "HmacSHA256"));
                mac.doFinal(new byte[Long.BYTES]);
            } catch (GeneralSecurityException e) {
                // The node reports a missing algorithm itself, at its first session.
            }
        }, "zakka-startup-prewarm");
        thread.setDaemon(true);
        thread.start();
    }
}
