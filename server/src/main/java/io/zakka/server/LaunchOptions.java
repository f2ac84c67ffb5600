package io.zakka.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command line of {@code bin/zakka start}: {@code --config FILE}, {@code --akka-port N},
 * {@code --client-port N}, {@code --data-dir DIR}. Each flag is a shortcut for a config key and wins
 * over every other source of that key.
 */
public record LaunchOptions(Optional<Path> configFile, Map<String, Object> overrides) {

    static final String USAGE = String.join("\n",
            "usage: zakka start [--config FILE] [--akka-port N] [--client-port N] [--data-dir DIR]",
            "  every setting can also be given in application.conf, the --config file or as -Dkey=value;",
            "  precedence: flags > -D system properties > --config file > application.conf > defaults");

    public static LaunchOptions parse(List<String> args) {
        Optional<Path> configFile = Optional.empty();
        Map<String, Object> overrides = new LinkedHashMap<>();
        List<String> rest = new ArrayList<>(args);
        while (!rest.isEmpty()) {
            String flag = rest.remove(0);
            if (rest.isEmpty()) {
                throw new IllegalArgumentException("flag " + flag + " needs a value\n" + USAGE);
            }
            String value = rest.remove(0);
            switch (flag) {
                case "--config" -> configFile = Optional.of(Path.of(value));
                case "--akka-port" -> overrides.put("akka.remote.artery.canonical.port", port(flag, value));
                case "--client-port" -> overrides.put("zakka.client-port", port(flag, value));
                case "--data-dir" -> overrides.put("zakka.data-dir", value);
                default -> throw new IllegalArgumentException("unknown flag " + flag + "\n" + USAGE);
            }
        }
        return new LaunchOptions(configFile, overrides);
    }

    private static int port(String flag, String value) {
        int port;
        try {
            port = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a port number, got '" + value + "'", e);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(flag + " must be between 0 and 65535, got " + port);
        }
        return port;
    }
}
