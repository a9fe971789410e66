package io.switchboard.cli;

import io.switchboard.validate.Problem;
import io.switchboard.validate.ProjectValidator;
import java.util.List;

/** Checks every route and config file and reports each problem with file and line. */
final class ValidateCommand implements Command {
    @Override
    public String name() {
        return "validate";
    }

    @Override
    public String summary() {
        return "check every route and config file; exit 0 only when all are valid";
    }

    @Override
    public String usage() {
        return """
                Usage: java -jar target/switchboard.jar validate

                Loads every file in routes/ and config/ without starting the engine and prints each problem as
                FILE:LINE: MESSAGE: settings and their values, mapping files, route YAML and DSL and, once the
                configuration is valid, every bean, endpoint option and placeholder the routes name, checked with
                the engine's own wiring (nothing is started; it works beside a running engine).
                Exits 0 when everything is valid, 1 otherwise.
                """;
    }

    @Override
    public int run(List<String> args, Console console) {
        Arguments.noneExpected(args);
        Logging.quiet();
        List<Problem> problems = new ProjectValidator(console.home(), console.environment()).validate();
        for (Problem problem : problems) {
            console.out().println(console.home().relativize(problem.file().toAbsolutePath()) + lineSuffix(problem)
                    + ": " + problem.message());
        }
        if (problems.isEmpty()) {
            console.out().println("All route and config files are valid.");
            return OK;
        }
        console.out().println(problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + " found.");
        return NOT_OK;
    }

    private static String lineSuffix(Problem problem) {
        return problem.line() > 0 ? ":" + problem.line() : "";
    }
}
