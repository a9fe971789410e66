package io.switchboard.emulator.bulk;

import java.util.Arrays;
import java.util.Optional;

/** The operations a Bulk API 2.0 ingest job can run, named as the job's {@code operation} property spells them. */
enum IngestOperation {
    INSERT("insert"),
    UPDATE("update"),
    UPSERT("upsert"),
    DELETE("delete");

    private final String apiName;

    IngestOperation(String apiName) {
        this.apiName = apiName;
    }

    String apiName() {
        return apiName;
    }

    /** Case-sensitive, as Salesforce reads the enum. */
    static Optional<IngestOperation> of(String apiName) {
        return Arrays.stream(values()).filter(operation -> operation.apiName.equals(apiName)).findFirst();
    }
}
