package io.switchboard.behaviours.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompositeBatchesTest {

    private static List<CaseChild> comments(int count) {
        List<CaseChild> children = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            children.add(new CaseChild.Comment(new CommentDraft("comment " + i, Instant.EPOCH.plusSeconds(i), "005")));
        }
        return children;
    }

    private static List<CaseChild> files(int first, int count) {
        List<CaseChild> children = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            children.add(new CaseChild.File(new LoadedFile("file" + i + ".png", "iVBORw0KGgo="), first + i));
        }
        return children;
    }

    /** What each request holds: collections as their comment counts, files as "file". */
    private static List<List<String>> shape(List<List<CaseWrite>> batches) {
        return batches.stream().map(batch -> batch.stream().map(write -> write instanceof CommentCollection collection
                ? String.valueOf(collection.drafts().size()) : "file").toList()).toList();
    }

    @Test
    void shouldPutTheCaseAndTwoHundredCommentsInOneRequestWithOneCollection() {
        assertEquals(List.of(List.of("200")), shape(CompositeBatches.withCase(comments(200))));
    }

    @Test
    void shouldPutAThousandCommentsInFiveCollectionsAndStartAnotherRequestForTheNext() {
        assertEquals(List.of(List.of("200", "200", "200", "200", "200"), List.of("1")),
                shape(CompositeBatches.withCase(comments(1001))));
    }

    @Test
    void shouldKeepBothSubrequestsOfAFileInTheSameRequest() {
        List<CaseChild> children = new ArrayList<>(comments(3));
        children.addAll(files(4, 12));

        List<List<String>> shape = shape(CompositeBatches.withCase(children));

        // Case, one collection and 11 files make 24 subrequests; the twelfth file's two do not fit
        assertEquals(12, shape.get(0).size());
        assertEquals(List.of("file"), shape.get(1));
    }

    @Test
    void shouldSendNoRequestUnderAnExistingCaseWhenNothingIsMissing() {
        assertEquals(List.of(), CompositeBatches.underCase(List.of()));
    }

    @Test
    void shouldSendAnEmptyFirstRequestForACaseWithoutChildren() {
        assertEquals(List.of(List.of()), shape(CompositeBatches.withCase(List.of())));
    }
}
