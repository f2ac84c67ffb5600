package io.zakka.server;

import java.util.Arrays;
import java.util.List;

/**
 * Entry point of {@code bin/zakka}: {@code zakka start [flags]}, and the data dir tools
 * {@code log-dump}, {@code snapshot-dump} and {@code verify} ({@link DataDirCommands}).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        List<String> arguments = Arrays.asList(args);
        if (arguments.isEmpty() || arguments.get(0).equals("--help") || arguments.get(0).equals("help")) {
            System.out.println(LaunchOptions.USAGE + "\n" + DataDirCommands.USAGE);
            return;
        }
        String command = arguments.get(0);
        List<String> rest = arguments.subList(1, arguments.size());
        try {
            if (command.equals("start")) {
                StartupPrewarm.begin();
                StandaloneServer.start(ServerConfigLoader.load(LaunchOptions.parse(rest)));
            } else if (command.equals(ClassDataTraining.COMMAND) && rest.size() == 1) {
                // Internal: bin/zakka's class-data archive training run (not in the usage text).
                System.exit(ClassDataTraining.exitCode(java.nio.file.Path.of(rest.get(0))));
            } else if (DataDirCommands.COMMANDS.contains(command)) {
                System.exit(DataDirCommands.run(command, rest));
            } else {
                throw new IllegalArgumentException("unknown command '" + command + "'\n" + LaunchOptions.USAGE);
            }
        } catch (IllegalArgumentException | com.typesafe.config.ConfigException e) {
            System.err.println("zakka: " + e.getMessage());
            System.exit(2);
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            // A data dir the server must not use, or a file the tools cannot read: the message says what to do.
            System.err.println("zakka: " + e.getMessage());
            System.exit(1);
        }
    }
}
