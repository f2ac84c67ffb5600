package io.zakka.server;

import java.util.Arrays;
import java.util.List;

/** Entry point of {@code bin/zakka}: {@code zakka start [flags]}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        List<String> arguments = Arrays.asList(args);
        if (arguments.isEmpty() || arguments.get(0).equals("--help") || arguments.get(0).equals("help")) {
            System.out.println(LaunchOptions.USAGE);
            return;
        }
        String command = arguments.get(0);
        List<String> rest = arguments.subList(1, arguments.size());
        try {
            if (command.equals("start")) {
                StandaloneServer.start(ServerConfigLoader.load(LaunchOptions.parse(rest)));
            } else {
                throw new IllegalArgumentException("unknown command '" + command + "'\n" + LaunchOptions.USAGE);
            }
        } catch (IllegalArgumentException | com.typesafe.config.ConfigException e) {
            System.err.println("zakka: " + e.getMessage());
            System.exit(2);
        }
    }
}
