package io.switchboard.referrals;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.behaviours.ConnectionSteps;
import io.switchboard.lookup.SoqlEscaping;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Reads the records marked to be sent: the send field ticked, and no CX id yet or the rejected status (a
 * re-referral), with the fields the send needs. Up to {@value #MOST} a run, oldest change first; the rest next run.
 */
final class FindReferralsToSend implements Processor {
    static final String MARKED = "switchboardReferralsMarked";
    private static final int MOST = 2000;

    private final Supplier<ReferralSendConfig> config;
    private final ConnectionSteps steps;

    FindReferralsToSend(Supplier<ReferralSendConfig> config, ConnectionSteps steps) {
        this.config = config;
        this.steps = steps;
    }

    @Override
    public void process(Exchange exchange) {
        ReferralSendConfig send = config.get();
        Set<String> fields = new LinkedHashSet<>(List.of("Id", send.sendNumberField()));
        fields.addAll(send.fields().values());
        String soql = "SELECT " + String.join(", ", fields) + " FROM " + send.object() + " WHERE "
                + send.sendField() + " = true AND (" + send.cxIdField() + " = null OR " + send.statusField() + " = "
                + SoqlEscaping.quote(send.rejectedStatus()) + ") ORDER BY SystemModstamp, Id LIMIT " + MOST;
        List<JsonNode> records = steps.client(exchange, send.connection()).queryRecords(soql);
        exchange.setProperty(MARKED, records);
    }
}
