package io.switchboard.mapping;

import io.switchboard.events.EventType;
import io.switchboard.mapping.yaml.Problems;
import io.switchboard.mapping.yaml.YamlFile;
import io.switchboard.mapping.yaml.YamlNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Loads the four mapping files, {@code config/<event-type>.yaml}. Every problem in every file is collected, each
 * with its file, line and the setting it is about, before anything is refused.
 */
public final class MappingFiles {
    private MappingFiles() {
    }

    /** The file that maps one event type. */
    public static Path file(Path configDir, EventType type) {
        return configDir.resolve(type.configName() + ".yaml");
    }

    /**
     * @param connectionNames the configured connections; a call trigger naming another one is a problem
     * @throws MappingConfigException with every problem found
     */
    public static Mappings load(Path configDir, Set<String> connectionNames) {
        Problems problems = new Problems();
        Optional<Mappings> mappings = read(configDir, connectionNames, problems);
        problems.throwIfAny();
        return mappings.orElseThrow();
    }

    /** Every problem in the mapping files; empty when they are all valid. For the {@code validate} command. */
    public static List<MappingProblem> validate(Path configDir, Set<String> connectionNames) {
        Problems problems = new Problems();
        read(configDir, connectionNames, problems);
        return problems.list();
    }

    private static Optional<Mappings> read(Path configDir, Set<String> connectionNames, Problems problems) {
        Optional<ConversationClosedMapping> conversation =
                readFile(configDir, EventType.CONVERSATION_CLOSED, problems, ConversationClosedFile::read);
        Optional<CallMapping> call = readFile(configDir, EventType.CALL, problems, CallFile::read);
        Optional<ReferralMapping> referral =
                readFile(configDir, EventType.REFERRAL_STATUS_CHANGED, problems, ReferralFile::read);
        Optional<CaseAcknowledgedMapping> acknowledged =
                readFile(configDir, EventType.CASE_ACKNOWLEDGED, problems, CaseAcknowledgedFile::read);
        call.ifPresent(mapping -> checkConnections(mapping, connectionNames, problems));
        if (conversation.isEmpty() || call.isEmpty() || referral.isEmpty() || acknowledged.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Mappings(conversation.get(), call.get(), referral.get(), acknowledged.get()));
    }

    private static <T> Optional<T> readFile(Path configDir, EventType type, Problems problems,
                                            Function<YamlNode, Optional<T>> reader) {
        return YamlFile.read(file(configDir, type), problems).flatMap(reader);
    }

    private static void checkConnections(CallMapping call, Set<String> connectionNames, Problems problems) {
        for (Trigger trigger : call.triggers()) {
            if (!connectionNames.contains(trigger.connection())) {
                problems.add(call.file(), trigger.line(), "triggers." + trigger.name() + ".connection: no connection named '"
                        + trigger.connection() + "'; configured connections are " + String.join(", ", connectionNames));
            }
        }
    }
}
