package io.switchboard.cli;

/** Entry point of {@code switchboard.jar}: hands the arguments to the command line and exits with its code. */
public final class Switchboard {
    private Switchboard() {
    }

    public static void main(String[] args) {
        System.exit(CommandLine.standard().run(args));
    }
}
