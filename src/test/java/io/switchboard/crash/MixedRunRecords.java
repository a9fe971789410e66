package io.switchboard.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.emulator.admin.EmulatorAdmin;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a run of the mixed events left in the emulated org (calls {@code PREFIX-i}, and for every even i an
 * acknowledgement {@code CX-PREFIX-i} and a conversation {@code PREFIX-i}): each record held more than once by its
 * natural key, and whether every event wrote its record exactly once. The crash suite and the cluster test ask both.
 */
final class MixedRunRecords {
    private MixedRunRecords() {
    }

    /** Each record that the emulator holds more than once, by its natural key. */
    static Map<String, Long> duplicates(EmulatorAdmin admin) {
        Map<String, Long> twice = new LinkedHashMap<>();
        twice.putAll(repeated(admin, "Task", "CallObject"));
        twice.putAll(repeated(admin, "casexchange__CX_Intake__c", "casexchange__CX_Case_Id__c"));
        twice.putAll(repeated(admin, "Case", "Subject"));
        twice.putAll(repeated(admin, "CaseComment", "ParentId", "CommentBody"));
        return twice;
    }

    /** One Task per call, and one CX Intake and one Case for every even one, of the events named {@code prefix-i}. */
    static void assertOneRecordPerEvent(EmulatorAdmin admin, String prefix, int calls) {
        List<Map<String, Object>> tasks = admin.records("Task");
        List<Map<String, Object>> intakes = admin.records("casexchange__CX_Intake__c");
        List<Map<String, Object>> cases = admin.records("Case");
        for (int i = 0; i < calls; i++) {
            String callId = prefix + "-" + i;
            assertEquals(1, tasks.stream().filter(task -> callId.equals(task.get("CallObject"))).count(), callId);
            if (i % 2 == 0) {
                String caseId = "CX-" + prefix.toUpperCase() + "-" + i;
                String subject = "+393331234567 [" + prefix + "-" + i + "]";
                assertEquals(1, intakes.stream().filter(intake -> caseId.equals(intake.get("casexchange__CX_Case_Id__c"))).count(), caseId);
                assertEquals(1, cases.stream().filter(theCase -> subject.equals(theCase.get("Subject"))).count(), subject);
            }
        }
    }

    private static Map<String, Long> repeated(EmulatorAdmin admin, String sobject, String... fields) {
        Function<Map<String, Object>, String> key = record -> sobject + " " + Arrays.stream(fields)
                .map(field -> String.valueOf(record.get(field))).collect(Collectors.joining("/"));
        return admin.records(sobject).stream()
                .collect(Collectors.groupingBy(key, LinkedHashMap::new, Collectors.counting()))
                .entrySet().stream().filter(entry -> entry.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }
}
