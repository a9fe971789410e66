package io.switchboard.cli;

import java.util.List;

/** Small checks shared by the commands' argument handling. */
final class Arguments {
    private Arguments() {
    }

    static void noneExpected(List<String> args) {
        if (!args.isEmpty()) {
            throw new UsageException(describe(args.get(0)) + " '" + args.get(0) + "'");
        }
    }

    static void noOptions(List<String> args) {
        for (String arg : args) {
            if (arg.startsWith("-")) {
                throw new UsageException("unknown option '" + arg + "'");
            }
        }
    }

    private static String describe(String arg) {
        return arg.startsWith("-") ? "unknown option" : "unexpected argument";
    }
}
