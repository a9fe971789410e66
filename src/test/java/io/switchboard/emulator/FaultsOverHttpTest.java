package io.switchboard.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.switchboard.emulator.EmulatorClient.Answer;
import io.switchboard.emulator.admin.FaultKind;
import io.switchboard.emulator.admin.FaultRule;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Injected faults on composite requests, through the whole stack: what gets written and what the client sees. */
class FaultsOverHttpTest extends EmulatorFixture {
    private static final String TWO_CASES = json("{'allOrNone':true,'compositeRequest':["
            + "{'method':'POST','url':'/services/data/v" + EmulatorClient.VERSION + "/sobjects/Case',"
            + "'referenceId':'first','body':{'Subject':'Faulted 1'}},"
            + "{'method':'POST','url':'/services/data/v" + EmulatorClient.VERSION + "/sobjects/CaseComment',"
            + "'referenceId':'second','body':{'ParentId':'@{first.id}','CommentBody':'Faulted 2'}}]}");

    private List<Object> subjects() {
        return emulator.admin().records("Case").stream().map(record -> record.get("Subject")).toList();
    }

    @Test
    void shouldApplyTheWholeCompositeAndThenDropTheConnection() {
        Answer fault = client.raw("POST", "/__admin/faults",
                json("{'kind':'DROP_AFTER_WRITE','count':1,'method':'POST','pathContains':'/composite'}"), null);
        assertEquals(204, fault.status());
        int cases = stored("Case");
        int comments = stored("CaseComment");

        assertThrows(UncheckedIOException.class, () -> client.post("/composite", TWO_CASES));

        assertEquals(cases + 1, stored("Case"));
        assertEquals(comments + 1, stored("CaseComment"));
        assertEquals("Faulted 1", subjects().get(subjects().size() - 1));
        assertEquals("Faulted 2", emulator.admin().records("CaseComment").get(comments).get("CommentBody"));
        assertEquals(200, client.post("/composite", TWO_CASES).status(), "the fault fires once");
    }

    @Test
    void shouldRefuseACompositeWithUnableToLockRowWithoutWritingAnything() {
        emulator.admin().addFault(FaultRule.times(FaultKind.UNABLE_TO_LOCK_ROW, 1).on("POST", "/composite"));
        int cases = stored("Case");
        int comments = stored("CaseComment");

        Answer answer = client.post("/composite", TWO_CASES);

        assertEquals(400, answer.status());
        assertEquals("UNABLE_TO_LOCK_ROW", answer.errorCode());
        assertEquals("unable to obtain exclusive access to this record", answer.message());
        assertEquals(cases, stored("Case"));
        assertEquals(comments, stored("CaseComment"));
    }
}
