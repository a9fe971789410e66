package io.switchboard.emulator.records;

import io.switchboard.emulator.schema.SObjectSchema;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Fields Salesforce computes from others on every write: full names, closed flags, file metadata. */
final class DerivedFields {
    private DerivedFields() {
    }

    static void apply(SObjectSchema object, Map<String, Object> record, String now) {
        switch (object.name()) {
            case "Contact", "Lead", "User" -> record.put("Name", fullName(record));
            case "Case" -> closeCase(record, now);
            case "Task" -> record.put("IsClosed", "Completed".equals(record.get("Status")));
            case "ContentVersion" -> describeFile(record);
            default -> { }
        }
    }

    private static String fullName(Map<String, Object> record) {
        return Stream.of(record.get("FirstName"), record.get("LastName"))
                .filter(Objects::nonNull).map(Object::toString).collect(Collectors.joining(" "));
    }

    private static void closeCase(Map<String, Object> record, String now) {
        boolean closed = "Closed".equals(record.get("Status"));
        if (closed && !Boolean.TRUE.equals(record.get("IsClosed"))) {
            record.put("ClosedDate", now);
        }
        if (!closed) {
            record.put("ClosedDate", null);
        }
        record.put("IsClosed", closed);
    }

    private static void describeFile(Map<String, Object> record) {
        String path = (String) record.get("PathOnClient");
        String fileName = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? null : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        record.put("FileExtension", extension);
        record.put("FileType", extension == null ? "UNKNOWN" : extension.toUpperCase(Locale.ROOT));
        if (record.get("Title") == null) {
            record.put("Title", dot < 0 ? fileName : fileName.substring(0, dot));
        }
        String data = ((String) record.get("VersionData")).replaceAll("[\\r\\n]", "");
        record.put("ContentSize", Base64.getDecoder().decode(data).length);
        record.put("VersionNumber", "1");
        record.put("IsLatest", true);
    }
}
