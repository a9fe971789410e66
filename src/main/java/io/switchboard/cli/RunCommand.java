package io.switchboard.cli;

import io.switchboard.config.Configuration;
import io.switchboard.engine.Engine;
import io.switchboard.store.StoreInUseException;
import java.util.List;

/** Runs the engine until the process is stopped. */
final class RunCommand implements Command {
    @Override
    public String name() {
        return "run";
    }

    @Override
    public String summary() {
        return "run the engine (the default): HTTP intake, routes from routes/, config from config/";
    }

    @Override
    public String usage() {
        return """
                Usage: java -jar target/switchboard.jar [run]

                Runs the engine: HTTP intake on SWITCHBOARD_PORT, the YAML routes in routes/, the settings in
                config/application.properties overridden by environment variables. Stops gracefully on SIGTERM
                or Ctrl-C. Refuses to start without SWITCHBOARD_API_TOKEN unless SWITCHBOARD_INSECURE=true.
                """;
    }

    @Override
    public int run(List<String> args, Console console) throws Exception {
        Arguments.noneExpected(args);
        try {
            Engine.runUntilStopped(Configuration.load(console.configDir(), console.environment()));
        } catch (StoreInUseException e) {
            console.err().println("switchboard run: " + e.getMessage() + "; stop it, or give this engine a data "
                    + "folder of its own");
            return NOT_OK;
        }
        return OK;
    }
}
