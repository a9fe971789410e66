package io.switchboard.engine;

import io.switchboard.emulator.EmulatorSettings;
import io.switchboard.emulator.SalesforceEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.RoutesBuilder;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The emulator and an engine against it, as most route and API tests need them, started once for the test class
 * and stopped after it:
 * <pre>
 * &#64;RegisterExtension
 * static final EngineAgainstEmulator rig = EngineAgainstEmulator.shippedProject().resettingOrgBeforeEach();
 * </pre>
 * The engine runs the project's own {@code config/} and {@code routes/} (or an editable copy of them, see
 * {@link #onProjectCopy()}), with its own data folder, on a free port.
 */
public final class EngineAgainstEmulator implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
    private final Map<String, String> settings = new HashMap<>();
    private boolean copyProject;
    private ProjectEdit edit = home -> { };
    private boolean resetOrgBeforeEach;
    private RoutesBuilder[] testRoutes = {};
    private Path home;
    private SalesforceEmulator emulator;
    private RunningEngine engine;

    private EngineAgainstEmulator() {
    }

    /** The project's config/ and routes/ as they are in the repository. */
    public static EngineAgainstEmulator shippedProject() {
        return new EngineAgainstEmulator();
    }

    /** Runs on a copy of config/ and routes/ in a temporary home, which the test may edit (see {@link #home()}). */
    public EngineAgainstEmulator onProjectCopy() {
        copyProject = true;
        return this;
    }

    /** Runs on a copy of config/ and routes/ that {@code edit} changes before the engine starts. */
    public EngineAgainstEmulator onProjectCopy(ProjectEdit edit) {
        copyProject = true;
        this.edit = edit;
        return this;
    }

    /** A change to the project copy's files, given the copy's home folder. */
    @FunctionalInterface
    public interface ProjectEdit {
        void apply(Path home) throws IOException;
    }

    /** Further environment variables for the engine, such as {@code SWITCHBOARD_MAX_BODY_BYTES}. */
    public EngineAgainstEmulator withSettings(Map<String, String> more) {
        settings.putAll(more);
        return this;
    }

    /**
     * Java routes that stand in for the behaviour routes: the engine then runs on a copy of the project without
     * them, so that only these consume {@code direct:<type>} (see {@link RunningEngine#start}).
     */
    public EngineAgainstEmulator withTestRoutes(RoutesBuilder... routes) {
        testRoutes = routes;
        return this;
    }

    /** Puts the emulator's org back to its seed before each test, so that tests do not see each other's records. */
    public EngineAgainstEmulator resettingOrgBeforeEach() {
        resetOrgBeforeEach = true;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        home = Files.createTempDirectory("switchboard-" + context.getRequiredTestClass().getSimpleName());
        emulator = SalesforceEmulator.start(EmulatorSettings.defaults().withPort(0));
        try {
            if (copyProject) {
                edit.apply(RunningEngine.copyProject(home));
                engine = RunningEngine.startIn(emulator, home, settings);
            } else {
                engine = RunningEngine.start(emulator, home.resolve("data"), settings, testRoutes);
            }
        } catch (Exception | Error e) {
            emulator.close();
            throw e;
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (resetOrgBeforeEach) {
            emulator.admin().reset();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (engine != null) {
            engine.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    public SalesforceEmulator emulator() {
        return emulator;
    }

    public RunningEngine engine() {
        return engine;
    }

    /** The folder holding the engine's data and, with {@link #onProjectCopy()}, its config/ and routes/. */
    public Path home() {
        return home;
    }
}
