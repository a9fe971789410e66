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
                The Salesforce fields and picklist values the mapping files name are checked
                against the describes check-connection last saved for each connection (under
                SWITCHBOARD_DATA_DIR/describes/), offline; where it never saved any they are not checked, which is
                said but is no problem. Exits 0 when everything is valid, 1 otherwise.
                """;
    }

    @Override
    public int run(List<String> args, Console console) {
        Arguments.noneExpected(args);
        Logging.quiet();
        ProjectValidator validator = new ProjectValidator(console.home(), console.environment());
        ProjectValidator.Validation validation = validator.validate();
        List<Problem> problems = validation.problems();
        for (Problem problem : problems) {
            console.out().println(validator.shown(problem.file()) + lineSuffix(problem) + ": " + problem.message());
        }
        validation.notes().forEach(console.out()::println);
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
