package io.switchboard.validate;

import io.switchboard.config.ConfigException;
import io.switchboard.config.Configuration;
import io.switchboard.config.ConnectionOptions;
import io.switchboard.config.EngineOptions;
import io.switchboard.config.EngineSettings;
import io.switchboard.config.Option;
import io.switchboard.contacts.ContactSyncFile;
import io.switchboard.engine.Engine;
import io.switchboard.events.EventType;
import io.switchboard.mapping.MappingFiles;
import io.switchboard.mapping.MappingProblem;
import io.switchboard.mapping.ObjectUse;
import io.switchboard.referrals.ReferralSendFile;
import io.switchboard.routes.RouteFailures;
import io.switchboard.salesforce.Connections;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Checks everything the engine would load, without starting it: every {@code config/} file parses and holds
 * valid settings (the mapping files down to each setting, and their Salesforce fields and picklist values against
 * the describes check-connection saved), and every {@code routes/*.camel.yaml} is valid YAML that Camel's YAML DSL
 * accepts, with a route id equal to its file name and unique across files, whose every step names a bean the engine
 * binds and an endpoint it can resolve. Every problem is reported, not just the first.
 */
public final class ProjectValidator {
    private static final String ROUTE_SUFFIX = ".camel.yaml";

    private final Path home;
    private final UnaryOperator<String> environment;
    private final Clock clock;

    /** Every problem found, and what could not be checked or was checked against what, one sentence each. */
    public record Validation(List<Problem> problems, List<String> notes) {
        public Validation {
            problems = List.copyOf(problems);
            notes = List.copyOf(notes);
        }
    }

    /**
     * The settings validate needs beyond their own validity; the data dir and the configuration itself (which the
     * routes' steps are checked with) only when the configuration is valid.
     */
    private record ConfigurationRead(Set<String> connections, Optional<Path> dataDir, Optional<Configuration> valid) {
    }

    public ProjectValidator(Path home, UnaryOperator<String> environment, Clock clock) {
        this.home = home;
        this.environment = environment;
        this.clock = clock;
    }

    public ProjectValidator(Path home, UnaryOperator<String> environment) {
        this(home, environment, Clock.systemUTC());
    }

    public Validation validate() {
        List<Problem> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        ConfigurationRead configuration = validateConfiguration(problems);
        boolean mappingsValid = validateMappingFiles(configuration.connections(), problems);
        if (mappingsValid) {
            configuration.dataDir().ifPresent(dataDir -> new OfflineFieldCheck(dataDir, clock, this::shown)
                    .check(configuration.connections(), fieldUses(configuration.connections()), problems, notes));
        }
        validateOtherYamlConfigFiles(problems);
        List<Path> loadableRoutes = validateRoutes(problems);
        // the steps are checked with the engine's own wiring, which needs a valid configuration to be built
        if (mappingsValid) {
            configuration.valid().ifPresent(valid -> checkRouteSteps(valid, loadableRoutes, problems));
        }
        return new Validation(problems, notes);
    }

    /** A path as an operator reads it: relative to the project's folder when inside it, absolute otherwise. */
    public String shown(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path base = home.toAbsolutePath().normalize();
        return absolute.startsWith(base) ? base.relativize(absolute).toString() : absolute.toString();
    }

    /** The configured connection names, or just {@code default} when the configuration is broken. */
    private ConfigurationRead validateConfiguration(List<Problem> problems) {
        try {
            Configuration configuration = Configuration.load(home.resolve("config"), environment);
            List<ConfigException> invalid = new ArrayList<>(configuration.problems(EngineOptions.ALL));
            Set<String> names = new TreeSet<>(configuration.namesUnder(ConnectionOptions.PREFIX));
            names.add(ConnectionOptions.DEFAULT);
            for (String name : names) {
                invalid.addAll(configuration.problems(ConnectionOptions.ALL.stream()
                        .<Option<?>>map(option -> ConnectionOptions.of(name, option)).toList()));
            }
            invalid.forEach(e -> problems.add(problemOf(e)));
            if (!invalid.isEmpty()) {
                return new ConfigurationRead(names, Optional.empty(), Optional.empty());
            }
            Path dataDir = home.resolve(EngineSettings.from(configuration).dataDir());
            return new ConfigurationRead(Connections.load(configuration).keySet(), Optional.of(dataDir),
                    Optional.of(configuration));
        } catch (ConfigException e) {
            problems.add(problemOf(e));
            return new ConfigurationRead(Set.of(ConnectionOptions.DEFAULT), Optional.empty(), Optional.empty());
        }
    }

    private Problem problemOf(ConfigException e) {
        return new Problem(e.file() == null ? home.resolve("config") : e.file(), e.line(), e.getMessage());
    }

    /** @return true when the mapping files are valid, and so can be checked against describes */
    private boolean validateMappingFiles(Set<String> connections, List<Problem> problems) {
        List<MappingProblem> found = new ArrayList<>(MappingFiles.validate(home.resolve("config"), connections));
        found.addAll(ContactSyncFile.validate(home.resolve("config"), environment));
        found.addAll(ReferralSendFile.validate(home.resolve("config"), environment));
        found.forEach(problem -> problems.add(new Problem(problem.file(), problem.line(), problem.message())));
        return found.isEmpty();
    }

    /** The Salesforce fields the mapping files, the contact sync and the referral send name, all valid by now. */
    private List<ObjectUse> fieldUses(Set<String> connections) {
        Path config = home.resolve("config");
        List<ObjectUse> uses = new ArrayList<>(MappingFiles.load(config, connections).objectUses());
        uses.add(ContactSyncFile.load(config, environment).contactUse());
        uses.add(ReferralSendFile.load(config, environment).recordUse());
        return uses;
    }

    private void validateOtherYamlConfigFiles(List<Problem> problems) {
        Set<Path> mappingFiles = Arrays.stream(EventType.values())
                .map(type -> MappingFiles.file(home.resolve("config"), type)).collect(Collectors.toSet());
        for (Path file : filesEndingWith(home.resolve("config"), ".yaml")) {
            if (!mappingFiles.contains(file)) {
                parseYaml(file, problems);
            }
        }
    }

    /** @return the files Camel's YAML DSL reads without a problem */
    private List<Path> validateRoutes(List<Problem> problems) {
        Path routesDir = home.resolve("routes");
        Map<String, Path> routeIds = new HashMap<>();
        List<Path> loadable = new ArrayList<>();
        for (Path file : filesEndingWith(routesDir, ROUTE_SUFFIX)) {
            if (parseYaml(file, problems) && loadWithCamel(file, routeIds, problems)) {
                loadable.add(file);
            }
        }
        return loadable;
    }

    /** What only the engine's own beans, placeholders and components can tell: see {@link Engine#checkRouteFiles}. */
    private void checkRouteSteps(Configuration valid, List<Path> files, List<Problem> problems) {
        try {
            Engine.checkRouteFiles(valid, files).forEach((file, found) -> found.forEach(
                    problem -> problems.add(new Problem(file, problem.line(), problem.message()))));
        } catch (Exception e) {
            problems.add(new Problem(home.resolve("routes"), 0, "the routes' beans and endpoints could not be checked: "
                    + RouteFailures.rootMessage(e)));
        }
    }

    /** YAML syntax first: snakeyaml's marks give exact lines, which Camel's loader does not always keep. */
    private boolean parseYaml(Path file, List<Problem> problems) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            new Load(LoadSettings.builder().setLabel(file.toString()).build()).loadAllFromString(text).forEach(doc -> { });
            return true;
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(mark -> mark.getLine() + 1).orElse(0);
            problems.add(new Problem(file, line, "invalid YAML: " + e.getProblem()));
        } catch (YamlEngineException | IOException e) {
            problems.add(new Problem(file, 0, "invalid YAML: " + e.getMessage()));
        }
        return false;
    }

    private boolean loadWithCamel(Path file, Map<String, Path> routeIds, List<Problem> problems) {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.build();
            PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.resolveResource(context, "file:" + file));
            String stem = file.getFileName().toString().replace(ROUTE_SUFFIX, "");
            for (RouteDefinition route : ((ModelCamelContext) context).getRouteDefinitions()) {
                checkRouteId(file, stem, route, routeIds, problems);
            }
            return true;
        } catch (Exception e) {
            problems.add(new Problem(file, RouteFailures.lineIn(e),
                    "not a valid Camel YAML route: " + RouteFailures.rootMessage(e)));
            return false;
        }
    }

    private static void checkRouteId(Path file, String stem, RouteDefinition route, Map<String, Path> routeIds,
                                     List<Problem> problems) {
        String id = route.getRouteId();
        int line = route.getLineNumber() > 0 ? route.getLineNumber() : 0;
        if (id == null) {
            problems.add(new Problem(file, line, "route has no id; give it the id '" + stem + "'"));
            return;
        }
        Path earlier = routeIds.putIfAbsent(id, file);
        if (earlier != null) {
            problems.add(new Problem(file, line, "route id '" + id + "' is already used in " + earlier));
        }
        if (!id.equals(stem) && !id.startsWith(stem + "-")) {
            problems.add(new Problem(file, line, "route id '" + id + "' should be the file name '" + stem
                    + "' (or start with '" + stem + "-' for a second route in the same file)"));
        }
    }

    private static List<Path> filesEndingWith(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
