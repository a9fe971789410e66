package io.switchboard.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * The engine's configuration: {@code config/application.properties} and the optional
 * {@code config/connections.properties}, with environment variables overriding files and placeholders
 * resolved. Secret options written as literals in a file are refused: credentials come from the
 * environment or from secret files only.
 */
public final class Configuration {
    public static final String APPLICATION_FILE = "application.properties";
    public static final String CONNECTIONS_FILE = "connections.properties";
    private static final String CAMEL_PREFIX = "camel.";

    private final Path configDir;
    private final List<ConfigFile> files;
    private final UnaryOperator<String> environment;
    private final Map<String, String> resolved = new LinkedHashMap<>();

    private Configuration(Path configDir, List<ConfigFile> files, UnaryOperator<String> environment) {
        this.configDir = configDir;
        this.files = files;
        this.environment = environment;
        Placeholders placeholders = new Placeholders(environment);
        for (ConfigFile file : files) {
            for (ConfigFile.Entry entry : file.entries().values()) {
                checkDefinedOnce(file, entry);
                String value = placeholders.resolve(entry, file);
                if (value != null) {
                    resolved.put(entry.key(), value);
                }
            }
        }
    }

    /** Reads the configuration folder; the environment function is System::getenv outside tests. */
    public static Configuration load(Path configDir, UnaryOperator<String> environment) {
        Path application = configDir.resolve(APPLICATION_FILE);
        if (!Files.isRegularFile(application)) {
            throw new ConfigException(application, 0, "not found; run from the folder that holds config/ and routes/");
        }
        List<ConfigFile> files = new ArrayList<>();
        files.add(ConfigFile.parse(application));
        Path connections = configDir.resolve(CONNECTIONS_FILE);
        if (Files.isRegularFile(connections)) {
            files.add(ConfigFile.parse(connections));
        }
        return new Configuration(configDir, files, environment);
    }

    public static Configuration fromEnvironment(Path configDir) {
        return load(configDir, System::getenv);
    }

    private void checkDefinedOnce(ConfigFile file, ConfigFile.Entry entry) {
        for (ConfigFile other : files) {
            if (other == file) {
                return;
            }
            if (other.entries().containsKey(entry.key())) {
                throw new ConfigException(file.path(), entry.line(),
                        "'" + entry.key() + "' is already set in " + other.path());
            }
        }
    }

    /** The option's value: its environment variable if set, else the files, else its default (may be null). */
    public String value(Option<?> option) {
        return value(option.key(), option.envName()).orElse(option.defaultValue());
    }

    /** Every option whose value is not one it allows, located in its file and line, or at its variable. */
    public List<ConfigException> problems(List<Option<?>> options) {
        List<ConfigException> problems = new ArrayList<>();
        for (Option<?> option : options) {
            option.problem(value(option)).ifPresent(message -> problems.add(locate(option, message)));
        }
        return problems;
    }

    private ConfigException locate(Option<?> option, String message) {
        String fromEnvironment = option.envName() == null ? null : environment.apply(option.envName());
        if (fromEnvironment == null || fromEnvironment.isEmpty()) {
            for (ConfigFile file : files) {
                ConfigFile.Entry entry = file.entries().get(option.key());
                if (entry != null) {
                    return new ConfigException(file.path(), entry.line(), option.key() + " " + message);
                }
            }
        }
        return new ConfigException(option.name() + " " + message);
    }

    /** The options' values as one printable line, secrets masked: the effective configuration. */
    public String effective(List<Option<?>> options) {
        List<String> shown = new ArrayList<>();
        for (Option<?> option : options) {
            shown.add((option.key() != null ? option.key() : option.envName()) + "=" + option.show(value(option)));
        }
        return String.join(", ", shown);
    }

    public Optional<String> value(String key, String envName) {
        if (envName != null) {
            String fromEnvironment = environment.apply(envName);
            if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
                return Optional.of(fromEnvironment);
            }
        }
        return Optional.ofNullable(resolved.get(key));
    }

    /**
     * Refuses a secret option written out in a file: it must be {@code {{env:NAME}}} or
     * {@code {{secret:/path}}} so that credentials never sit in a versioned file.
     */
    public void requireIndirect(String key) {
        for (ConfigFile file : files) {
            ConfigFile.Entry entry = file.entries().get(key);
            if (entry != null && !Placeholders.isIndirect(entry.rawValue())) {
                throw new ConfigException(file.path(), entry.line(), "'" + key
                        + "' is a credential: give it as {{env:NAME}} or {{secret:/path/to/file}}, not as a literal value");
            }
        }
    }

    /** Names N of every {@code prefix.N.something} key, sorted, e.g. the connections declared in files. */
    public TreeSet<String> namesUnder(String prefix) {
        TreeSet<String> names = new TreeSet<>();
        for (ConfigFile file : files) {
            for (ConfigFile.Entry entry : file.entriesWithPrefix(prefix)) {
                String rest = entry.key().substring(prefix.length());
                int dot = rest.indexOf('.');
                if (dot > 0) {
                    names.add(rest.substring(0, dot));
                }
            }
        }
        return names;
    }

    /** The {@code camel.*} settings, resolved, for camel-main. */
    public Map<String, String> camelProperties() {
        Map<String, String> camel = new LinkedHashMap<>();
        resolved.forEach((key, value) -> {
            if (key.startsWith(CAMEL_PREFIX)) {
                camel.put(key, value);
            }
        });
        return camel;
    }

    public Path configDir() {
        return configDir;
    }

    public List<ConfigFile> files() {
        return List.copyOf(files);
    }
}
