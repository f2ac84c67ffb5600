package io.zakka.server;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import java.nio.file.Files;

/**
 * Builds the effective configuration of a standalone server. Precedence, highest first: command-line
 * flags, {@code -D} system properties, the {@code --config} file, {@code application.conf}, the
 * server's embedded defaults ({@code zakka-server-defaults.conf}), then every module's reference.conf (read
 * from {@link RenderedReference}'s file when the launcher keeps one).
 */
public final class ServerConfigLoader {

    private ServerConfigLoader() {
    }

    public static Config load(LaunchOptions options) {
        Config fromFile = options.configFile().map(path -> {
            if (!Files.isReadable(path)) {
                throw new IllegalArgumentException("config file " + path + " does not exist or is not readable");
            }
            return ConfigFactory.parseFile(path.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
        }).orElse(ConfigFactory.empty());
        ClassLoader loader = RenderedReference.loader();
        ConfigFactory.invalidateCaches();
        return ConfigFactory.parseMap(options.overrides())
                .withFallback(ConfigFactory.systemProperties())
                .withFallback(fromFile)
                .withFallback(ConfigFactory.defaultApplication(loader))
                .withFallback(ConfigFactory.parseResources(loader, "zakka-server-defaults.conf"))
                .withFallback(ConfigFactory.defaultReference(loader))
                .resolve();
    }
}
