package io.switchboard.emulator.composite;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.emulator.api.ApiResponse;
import io.switchboard.emulator.api.SalesforceError;
import io.switchboard.emulator.api.Transactions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs dependent subrequests in order, feeding each answer to later references, with Salesforce's allOrNone
 * semantics: one failure rolls the whole unit back and every other subrequest answers PROCESSING_HALTED.
 * Shared by composite requests and each graph of a graph request.
 */
final class SubrequestChain {
    private final SubrequestTarget target;
    private final Transactions transactions;

    SubrequestChain(SubrequestTarget target, Transactions transactions) {
        this.target = target;
        this.transactions = transactions;
    }

    /** The results in request order and whether every subrequest succeeded. */
    record Outcome(List<SubrequestResult> results, boolean successful) {
        Outcome {
            results = List.copyOf(results);
        }
    }

    private record Step(SubrequestResult result, boolean failed) {
    }

    Outcome run(List<Subrequest> subrequests, boolean allOrNone) {
        if (!allOrNone) {
            return runIndependently(subrequests);
        }
        return transactions.inTransaction(() -> runAllOrNone(subrequests));
    }

    /** A failure halts only the subrequests whose references it leaves unresolved. */
    private Outcome runIndependently(List<Subrequest> subrequests) {
        References references = new References();
        List<SubrequestResult> results = new ArrayList<>();
        boolean successful = true;
        for (Subrequest subrequest : subrequests) {
            Step step = execute(subrequest, references, false);
            results.add(step.result());
            successful &= !step.failed();
        }
        return new Outcome(results, successful);
    }

    private Outcome runAllOrNone(List<Subrequest> subrequests) {
        References references = new References();
        List<SubrequestResult> results = new ArrayList<>();
        int failedAt = -1;
        for (int i = 0; i < subrequests.size() && failedAt < 0; i++) {
            Step step = execute(subrequests.get(i), references, true);
            results.add(step.result());
            failedAt = step.failed() ? i : -1;
        }
        if (failedAt < 0) {
            return new Outcome(results, true);
        }
        transactions.rollbackCurrent();
        return new Outcome(haltedExcept(subrequests, results.get(failedAt), failedAt), false);
    }

    private static List<SubrequestResult> haltedExcept(List<Subrequest> subrequests, SubrequestResult failure,
                                                       int failedAt) {
        List<SubrequestResult> results = new ArrayList<>();
        for (int i = 0; i < subrequests.size(); i++) {
            results.add(i == failedAt ? failure : SubrequestResult.halted(subrequests.get(i).referenceId()));
        }
        return results;
    }

    private Step execute(Subrequest subrequest, References references, boolean allOrNone) {
        String referenceId = subrequest.referenceId();
        try {
            String url = references.resolveText(subrequest.url());
            JsonNode body = references.resolveBody(subrequest.body());
            ApiResponse response = target.send(subrequest.method(), url, body, subrequest.httpHeaders());
            JsonNode answer = Json.tree(response.body());
            SubrequestResult result = new SubrequestResult(answer, response.headers(), response.status(), referenceId);
            if (response.status() >= 400) {
                return new Step(result, true);
            }
            references.remember(referenceId, answer);
            return new Step(result, allOrNone && hasFailedRecord(answer));
        } catch (UnresolvedReference unresolved) {
            return new Step(new SubrequestResult(
                    CompositeErrors.errorBody("PROCESSING_HALTED", unresolved.getMessage()), Map.of(), 400,
                    referenceId), true);
        } catch (SalesforceError refused) {
            return new Step(new SubrequestResult(CompositeErrors.errorBody(refused), Map.of(), refused.status(),
                    referenceId), true);
        }
    }

    /**
     * An sObject collections answer is 200 even when records failed; under an all-or-none composite such a
     * partial failure still fails the unit, whatever the collection's own allOrNone said.
     */
    private static boolean hasFailedRecord(JsonNode answer) {
        if (!answer.isArray()) {
            return false;
        }
        for (JsonNode entry : answer) {
            JsonNode success = entry.get("success");
            if (success != null && success.isBoolean() && !success.booleanValue()) {
                return true;
            }
        }
        return false;
    }
}
