package io.switchboard.behaviours.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.events.ProducedRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the event puts under the Case, one message's comment or one file, in the order they are written. */
interface CaseChild {

    /** The records an earlier attempt made for this child, claimed so that no other child takes them; none: write it. */
    Optional<List<ProducedRecord>> claimWritten(WrittenChildren written);

    /** A comment: one CaseComment, written with others in a {@link CommentCollection}. */
    record Comment(CommentDraft draft) implements CaseChild {
        @Override
        public Optional<List<ProducedRecord>> claimWritten(WrittenChildren written) {
            return written.claimComment(draft).map(id -> List.of(new ProducedRecord("CaseComment", id, "created")));
        }
    }

    /**
     * A file: a ContentVersion published to the Case, which Salesforce turns into a ContentDocument linked to it,
     * then read back in the same request for that document's id.
     */
    record File(LoadedFile file, int number) implements CaseChild, CaseWrite {
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
        public int collectionCount() {
            return 0;
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
