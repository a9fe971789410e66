package io.switchboard.routes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.model.BeanDefinition;
import org.apache.camel.model.FromDefinition;
import org.apache.camel.model.ProcessDefinition;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.SendDefinition;
import org.apache.camel.model.ToDynamicDefinition;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;

/**
 * What Camel would only find while starting a route, found before: a route file is read into route definitions
 * without adding them to the context, and each step is checked against the context it would run in. Every bean a
 * {@code bean:} or {@code process:} step names must be bound (with the method it calls), every endpoint URI that
 * is not computed per message must resolve, with its placeholders and options, and a computed one must at least
 * name a known component. Used by the live reload, so that a broken edit never replaces a running route, and by
 * {@code validate}, so that the operator learns it before starting the engine.
 */
public final class RouteFileCheck {
    private static final Pattern STATIC_SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");

    private final CamelContext context;
    private final List<RouteProblem> problems = new ArrayList<>();

    private RouteFileCheck(CamelContext context) {
        this.context = context;
    }

    /** @return every problem in the file, in the order of its steps; empty when the file may be loaded */
    public static List<RouteProblem> check(CamelContext context, Resource file) {
        RouteFileCheck check = new RouteFileCheck(context);
        check.checkFile(file);
        return List.copyOf(check.problems);
    }

    private void checkFile(Resource file) {
        Collection<RoutesBuilder> builders;
        try {
            builders = PluginHelper.getRoutesLoader(context).findRoutesBuilders(file);
            for (RoutesBuilder builder : builders) {
                if (builder instanceof RouteBuilder routes) {
                    // reads the YAML into definitions; adding them to the context is what a reload does after this
                    routes.configureRoutes(context).getRoutes().forEach(route -> checkRoute(route, file));
                }
                if (builder instanceof RouteConfigurationBuilder configurations) {
                    configurations.getRouteConfigurationCollection().getRouteConfigurations()
                            .forEach(this::checkRouteConfiguration);
                }
            }
        } catch (Exception e) {
            problems.add(new RouteProblem(RouteFailures.lineIn(e),
                    "not a valid Camel YAML route: " + RouteFailures.rootMessage(e)));
        }
    }

    private void checkRoute(RouteDefinition route, Resource file) {
        checkRouteIdIsFree(route, file);
        if (!created(route)) {
            return; // such as the referral poll while it is switched off: its endpoints are not set up either
        }
        FromDefinition from = route.getInput();
        if (from != null && from.getEndpointUri() != null) {
            checkEndpoint(from.getEndpointUri(), lineOf(from, route));
        }
        route.getOutputs().forEach(this::checkStep);
    }

    /** A reload replaces routes by id: an id that another file's running route has would replace that route. */
    private void checkRouteIdIsFree(RouteDefinition route, Resource file) {
        Route running = route.getRouteId() == null ? null : context.getRoute(route.getRouteId());
        Resource source = running == null ? null : running.getSourceResource();
        if (source != null && !source.getLocation().equals(file.getLocation())) {
            problems.add(new RouteProblem(route.getLineNumber(), "route id '" + route.getRouteId()
                    + "' is already the id of a route in " + fileName(source.getLocation())));
        }
    }

    /** A route whose precondition is false is left out when the file is loaded. */
    private boolean created(RouteDefinition route) {
        if (route.getPrecondition() == null) {
            return true;
        }
        String precondition = resolve(route.getPrecondition(), route.getLineNumber());
        return precondition != null && !"false".equalsIgnoreCase(precondition.trim());
    }

    private void checkRouteConfiguration(RouteConfigurationDefinition configuration) {
        configuration.getOnExceptions().forEach(this::checkStep);
        configuration.getIntercepts().forEach(this::checkStep);
        configuration.getInterceptFroms().forEach(this::checkStep);
        configuration.getInterceptSendTos().forEach(this::checkStep);
    }

    private void checkStep(ProcessorDefinition<?> step) {
        if (step instanceof BeanDefinition bean) {
            checkBean(bean.getRef(), bean.getMethod(), step.getLineNumber());
        } else if (step instanceof ProcessDefinition process) {
            checkBean(process.getRef(), null, step.getLineNumber());
        } else if (step instanceof SendDefinition<?> send && send.getEndpointUri() != null) {
            checkEndpoint(send.getEndpointUri(), step.getLineNumber());
        } else if (step instanceof ToDynamicDefinition dynamic && dynamic.getUri() != null) {
            checkEndpoint(dynamic.getUri(), step.getLineNumber());
        }
        step.getOutputs().forEach(this::checkStep);
    }

    private void checkBean(String ref, String method, int line) {
        if (ref == null || ref.startsWith("#class:") || ref.startsWith("#type:")) {
            return;
        }
        String name = resolve(ref, line);
        if (name == null) {
            return;
        }
        Object bean = context.getRegistry().lookupByName(name);
        if (bean == null) {
            problems.add(new RouteProblem(line, "no bean named '" + name + "' is bound" + nearestBeanName(name)));
        } else if (method != null && Arrays.stream(bean.getClass().getMethods()).noneMatch(m -> m.getName().equals(method))) {
            problems.add(new RouteProblem(line, "bean '" + name + "' has no method '" + method + "'"));
        }
    }

    /**
     * A URI with a {@code ${...}} part is built per message and can only be checked as far as its component; any
     * other is resolved as Camel would resolve it when the route starts, which refuses unknown options.
     */
    private void checkEndpoint(String uri, int line) {
        if (uri.contains("${")) {
            Matcher scheme = STATIC_SCHEME.matcher(uri);
            if (scheme.find() && context.getComponent(scheme.group(1)) == null) {
                problems.add(new RouteProblem(line, "no component '" + scheme.group(1) + "' for endpoint " + uri));
            }
            return;
        }
        String resolved = resolve(uri, line);
        if (resolved == null) {
            return;
        }
        try {
            context.getEndpoint(resolved);
        } catch (RuntimeException e) {
            String cause = RouteFailures.rootMessage(e);
            // Camel's message repeats the URI before the reason
            int reason = cause.indexOf(" due to: ");
            problems.add(new RouteProblem(line, "endpoint " + uri + " cannot be used: "
                    + (reason < 0 ? cause : cause.substring(reason + " due to: ".length()))));
        }
    }

    /** @return the text with its {@code {{...}}} placeholders resolved, or null after recording why it could not be */
    private String resolve(String text, int line) {
        try {
            return context.resolvePropertyPlaceholders(text);
        } catch (RuntimeException e) {
            problems.add(new RouteProblem(line, RouteFailures.rootMessage(e)));
            return null;
        }
    }

    /** A typo is the usual cause: name the bound bean whose name is closest, when one is close enough. */
    private String nearestBeanName(String name) {
        Set<String> bound = context.getRegistry().findByTypeWithName(Object.class).keySet();
        return bound.stream()
                .filter(candidate -> distance(candidate, name) <= Math.max(2, name.length() / 4))
                .min(Comparator.comparingInt(candidate -> distance(candidate, name)))
                .map(candidate -> " (did you mean '" + candidate + "'?)")
                .orElse("");
    }

    /** Levenshtein distance: the edits that turn one name into the other. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static String fileName(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static int lineOf(FromDefinition from, RouteDefinition route) {
        return from.getLineNumber() > 0 ? from.getLineNumber() : route.getLineNumber();
    }
}
