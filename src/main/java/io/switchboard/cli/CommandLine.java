package io.switchboard.cli;

import io.switchboard.config.ConfigException;
import io.switchboard.engine.Version;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Dispatches the jar's arguments to a command. No command means {@code run}. Unknown commands and options
 * get one line on stderr and exit code 2; configuration problems get their file and line and exit code 1.
 */
public final class CommandLine {
    private final Map<String, Command> commands = new LinkedHashMap<>();
    private final Console console;

    public CommandLine(Console console, List<Command> commands) {
        this.console = console;
        for (Command command : commands) {
            this.commands.put(command.name(), command);
        }
    }

    public static CommandLine standard() {
        Console console = new Console(System.out, System.err, System::getenv, Path.of("").toAbsolutePath());
        return withStandardCommands(console);
    }

    public static CommandLine withStandardCommands(Console console) {
        return new CommandLine(console, List.of(new RunCommand(), new DemoCommand(), new EmulatorCommand(),
                new CheckConnectionCommand(), new ValidateCommand(), new ReplayCommand(), new BulkUpdateCommand(),
                new SyncContactsCommand(),
                new BenchmarkCommand()));
    }

    public int run(String... args) {
        List<String> arguments = Arrays.asList(args);
        if (arguments.isEmpty()) {
            return execute(commands.get("run"), List.of());
        }
        String first = arguments.get(0);
        if (first.equals("--version") || first.equals("-V")) {
            console.out().println("switchboard " + Version.current());
            return Command.OK;
        }
        if (first.equals("--help") || first.equals("-h") || first.equals("help")) {
            console.out().print(usage());
            return Command.OK;
        }
        Command command = commands.get(first);
        if (command == null) {
            String kind = first.startsWith("-") ? "option" : "command";
            console.err().println("switchboard: unknown " + kind + " '" + first + "' (see --help)");
            return Command.USAGE;
        }
        List<String> rest = arguments.subList(1, arguments.size());
        if (rest.contains("--help") || rest.contains("-h")) {
            console.out().print(command.usage());
            return Command.OK;
        }
        return execute(command, rest);
    }

    private int execute(Command command, List<String> args) {
        try {
            return command.run(args, console);
        } catch (UsageException e) {
            console.err().println("switchboard " + command.name() + ": " + e.getMessage() + " (see " + command.name() + " --help)");
            return Command.USAGE;
        } catch (ConfigException e) {
            console.err().println("switchboard " + command.name() + ": configuration problem: " + e.located());
            return Command.NOT_OK;
        } catch (Exception e) {
            console.err().println("switchboard " + command.name() + ": " + e.getMessage());
            return Command.NOT_OK;
        }
    }

    String usage() {
        StringBuilder text = new StringBuilder("""
                Switchboard: puts contact-centre conversations, calls and referrals into Salesforce.

                Usage: java -jar target/switchboard.jar [COMMAND] [OPTIONS]

                Commands:
                """);
        for (Command command : commands.values()) {
            text.append(String.format("  %-18s %s%n", command.name(), command.summary()));
        }
        text.append("""

                Without a command the engine runs. COMMAND --help describes each command; --version prints the
                version.
                Configuration: config/application.properties, environment variables override it (see README).
                """);
        return text.toString();
    }
}
