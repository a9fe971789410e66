package io.switchboard.routes;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.camel.Route;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.EventHelper;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.support.RouteWatcherReloadStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies an edited route file to the running engine only when it can run. Camel's own reload stops the file's
 * routes and then builds the new ones, so an edit naming an unknown bean or endpoint option leaves the engine with
 * no route at all. Here the edit is first read and checked against the running context ({@link RouteFileCheck});
 * a refused edit changes nothing and is logged as one line naming the file, the line and the cause. An edit that
 * passes replaces the file's routes; should the new version still fail to start, the last version that ran is put
 * back. Only the edited file's routes are touched.
 */
public final class SafeRouteReload extends RouteWatcherReloadStrategy {
    private static final Logger LOG = LoggerFactory.getLogger(SafeRouteReload.class);

    private final Path directory;
    private final String suffix;
    /** The text of each route file as it last ran, by resource location: what a failed edit goes back to. */
    private final Map<String, String> running = new ConcurrentHashMap<>();
    /** The text last refused, so that the second report of the same save is not refused (and logged) again. */
    private final Map<String, String> refused = new ConcurrentHashMap<>();

    public SafeRouteReload(Path directory, String suffix) {
        super(directory.toAbsolutePath().normalize().toString(), false);
        this.directory = directory.toAbsolutePath().normalize();
        this.suffix = suffix;
        setPattern("*" + suffix);
        setRemoveAllRoutes(false);
    }

    @Override
    protected void doStart() throws Exception {
        rememberFilesAsStarted();
        super.doStart();
    }

    @Override
    protected String startupMessage(File dir) {
        return "Route files in " + dir + " are applied when saved; an edit that cannot run is refused and the running "
                + "version keeps serving";
    }

    @Override
    protected void onRouteReload(Collection<Resource> resources, boolean removeEverything) {
        for (Resource resource : resources == null ? List.<Resource>of() : resources) {
            apply(resource.getLocation());
        }
    }

    /** Reads the file once, so that what is checked is what is loaded even if it is saved again meanwhile. */
    private void apply(String location) {
        Path file = Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location);
        String shown = shown(file);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warn("Route file {} was removed or cannot be read ({}): its routes keep running until the engine "
                    + "restarts", shown, e.getMessage());
            return;
        }
        if (text.equals(running.get(location)) || text.equals(refused.get(location))) {
            return; // the watcher reports a save more than once
        }
        if (text.isBlank()) {
            return; // seen between an editor's truncating the file and writing it: the write is reported next
        }
        Resource edited = ResourceHelper.fromString(location, text);
        List<RouteProblem> problems = RouteFileCheck.check(getCamelContext(), edited);
        if (!problems.isEmpty()) {
            refused.put(location, text);
            LOG.warn("Route file {} not applied, the running version keeps serving: {}", shown,
                    problems.stream().map(RouteProblem::toString).collect(Collectors.joining("; ")));
            return;
        }
        Set<String> before = routeIds();
        try {
            Set<String> ids = load(edited);
            running.put(location, text);
            refused.remove(location);
            LOG.info("Route file {} applied: {}", shown, describe(ids));
        } catch (Exception e) {
            refused.put(location, text);
            restore(location, shown, before);
            LOG.warn("Route file {} not applied, the version that ran was put back: {}", shown, RouteFailures.rootMessage(e));
        }
    }

    /** Removes what the failed version added, then starts the version that ran before it again. */
    private void restore(String location, String shown, Set<String> before) {
        for (String added : routeIds()) {
            if (!before.contains(added)) {
                try {
                    getCamelContext().getRouteController().stopRoute(added);
                    getCamelContext().removeRoute(added);
                } catch (Exception e) {
                    LOG.error("Route file {}: its route {} that failed to start could not be removed: {}", shown, added,
                            RouteFailures.rootMessage(e));
                }
            }
        }
        String previous = running.get(location);
        if (previous == null) {
            return; // a new file: nothing of it ran before
        }
        try {
            load(ResourceHelper.fromString(location, previous));
        } catch (Exception e) {
            LOG.error("Route file {}: the version that ran before could not be started again: {}", shown,
                    RouteFailures.rootMessage(e));
        }
    }

    private Set<String> load(Resource resource) throws Exception {
        Set<String> ids = PluginHelper.getRoutesLoader(getCamelContext()).updateRoutes(List.of(resource));
        int index = 1;
        for (String id : ids) {
            Route route = getCamelContext().getRoute(id);
            if (route != null) {
                EventHelper.notifyRouteReloaded(getCamelContext(), route, index++, ids.size());
            }
        }
        return ids;
    }

    private Set<String> routeIds() {
        return getCamelContext().getRoutes().stream().map(Route::getRouteId).collect(Collectors.toSet());
    }

    private String describe(Set<String> ids) {
        return ids.stream()
                .map(id -> id + " " + getCamelContext().getRouteController().getRouteStatus(id))
                .collect(Collectors.joining(", "));
    }

    private void rememberFilesAsStarted() throws IOException {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(suffix)).toList()) {
                running.put("file:" + file.toAbsolutePath(), Files.readString(file, StandardCharsets.UTF_8));
            }
        }
    }

    private String shown(Path file) {
        Path parent = directory.toAbsolutePath().getParent();
        Path absolute = file.toAbsolutePath();
        return parent != null && absolute.startsWith(parent) ? parent.relativize(absolute).toString() : absolute.toString();
    }
}
