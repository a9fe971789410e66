package io.switchboard.emulator.bulk;

/** The states of an ingest job, in the spelling of the job's {@code state} property. */
enum JobState {
    OPEN("Open"),
    UPLOAD_COMPLETE("UploadComplete"),
    IN_PROGRESS("InProgress"),
    JOB_COMPLETE("JobComplete"),
    FAILED("Failed"),
    ABORTED("Aborted");

    private final String apiName;

    JobState(String apiName) {
        this.apiName = apiName;
    }

    String apiName() {
        return apiName;
    }

    /** Salesforce deletes a job only in these states. */
    boolean deletable() {
        return this == UPLOAD_COMPLETE || this == JOB_COMPLETE || this == ABORTED || this == FAILED;
    }

    boolean abortable() {
        return this == OPEN || this == UPLOAD_COMPLETE || this == IN_PROGRESS;
    }
}
