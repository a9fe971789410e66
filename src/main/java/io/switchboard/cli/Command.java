package io.switchboard.cli;

import java.util.List;

/** One sub-command of the jar. */
public interface Command {
    /** Exit code for success. */
    int OK = 0;
    /** Exit code when the command ran but found the system not usable (invalid files, failed login). */
    int NOT_OK = 1;
    /** Exit code for a usage error: unknown command or option. */
    int USAGE = 2;

    String name();

    /** One line for the jar's --help. */
    String summary();

    /** The full usage text printed by {@code COMMAND --help}. */
    String usage();

    int run(List<String> args, Console console) throws Exception;
}
