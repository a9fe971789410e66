package io.switchboard.behaviours.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.events.ProducedRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What is written under the Case: its subrequests, which must share one composite request, and what they made. */
interface CaseChild {

    /** @param caseId the Case's id, or {@code @{case.id}} in the composite request that creates it */
    List<ObjectNode> subrequests(Subrequests subrequests, String caseId);

    /** How many subrequests {@link #subrequests} makes. */
    int subrequestCount();

    /** The records made, read from the composite answer's bodies by referenceId. */
    List<ProducedRecord> produced(Map<String, JsonNode> bodies);

    /** The records an earlier attempt made for this child, claimed so that no other child takes them; none: write it. */
    Optional<List<ProducedRecord>> claimWritten(WrittenChildren written);

    /** A comment: one CaseComment. */
    record Comment(CommentDraft draft, int number) implements CaseChild {
        @Override
        public List<ObjectNode> subrequests(Subrequests subrequests, String caseId) {
            return List.of(subrequests.create("CaseComment", reference(), draft.fields(caseId)));
        }

        @Override
        public int subrequestCount() {
            return 1;
        }

        @Override
        public List<ProducedRecord> produced(Map<String, JsonNode> bodies) {
            return List.of(new ProducedRecord("CaseComment", bodies.get(reference()).path("id").asText(), "created"));
        }

        @Override
        public Optional<List<ProducedRecord>> claimWritten(WrittenChildren written) {
            return written.claimComment(draft).map(id -> List.of(new ProducedRecord("CaseComment", id, "created")));
        }

        private String reference() {
            return "comment" + number;
        }
    }

    /**
     * A file: a ContentVersion published to the Case, which Salesforce turns into a ContentDocument linked to it,
     * then read back in the same request for that document's id.
     */
    record File(LoadedFile file, int number) implements CaseChild {
        @Override
        public List<ObjectNode> subrequests(Subrequests subrequests, String caseId) {
            ObjectNode fields = JsonNodeFactory.instance.objectNode();
            fields.put("Title", file.fileName());
            fields.put("PathOnClient", file.fileName());
            fields.put("VersionData", file.contentBase64());
            fields.put("FirstPublishLocationId", caseId);
            return List.of(subrequests.create("ContentVersion", version(), fields),
                    subrequests.read("ContentVersion", "@{" + version() + ".id}", "ContentDocumentId", document()));
        }

        @Override
        public int subrequestCount() {
            return 2;
        }

        @Override
        public List<ProducedRecord> produced(Map<String, JsonNode> bodies) {
            return List.of(
                    new ProducedRecord("ContentVersion", bodies.get(version()).path("id").asText(), "created"),
                    new ProducedRecord("ContentDocument", bodies.get(document()).path("ContentDocumentId").asText(),
                            "linked"));
        }

        @Override
        public Optional<List<ProducedRecord>> claimWritten(WrittenChildren written) {
            return written.claimFile(file.fileName()).map(found -> List.of(
                    new ProducedRecord("ContentVersion", found.versionId(), "created"),
                    new ProducedRecord("ContentDocument", found.documentId(), "linked")));
        }

        private String version() {
            return "file" + number;
        }

        private String document() {
            return "file" + number + "document";
        }
    }
}
