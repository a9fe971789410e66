package io.switchboard.behaviours.steps;

import static io.switchboard.behaviours.steps.StepExchanges.event;
import static io.switchboard.behaviours.steps.StepExchanges.shippedMappings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.behaviours.CallPlan;
import io.switchboard.behaviours.CallTicket;
import io.switchboard.behaviours.ChooseCallTrigger;
import io.switchboard.behaviours.ReportCallTicket;
import io.switchboard.behaviours.ReportUpdatedRecord;
import io.switchboard.behaviours.ReportUpsertedRecord;
import io.switchboard.behaviours.conversation.CaseWrites;
import io.switchboard.contacts.DeliveryAnswers;
import io.switchboard.events.EventOutcome;
import io.switchboard.events.EventProperties;
import io.switchboard.events.EventType;
import io.switchboard.mapping.Mappings;
import io.switchboard.processing.RedeliverInRoute;
import io.switchboard.processing.SessionExpired;
import io.switchboard.referrals.MapReferralAnswer;
import io.switchboard.referrals.ReferralSendAnswers;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.BeanInject;
import io.switchboard.campaigns.ComposeSmsWrites;
import io.switchboard.campaigns.ReadSmsWrites;
import io.switchboard.campaigns.SmsBatchAnswers;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.model.ChoiceDefinition;
import org.apache.camel.model.FilterDefinition;
import org.apache.camel.model.LoopDefinition;
import org.apache.camel.model.Model;
import org.apache.camel.model.OnExceptionDefinition;
import org.apache.camel.model.ProcessDefinition;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.SetPropertyDefinition;
import org.apache.camel.model.ToDefinition;
import org.apache.camel.model.ToDynamicDefinition;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The behaviour routes as the files in routes/ lay them out, loaded by camel-main from the file system as the engine
 * loads them, with the shared error handling they name. Steps that need a Salesforce connection are stand-ins that
 * note they ran; the rest are the real steps, so that a route's own skips can run without Salesforce.
 */
@CamelMainTest(configurationClasses = BehaviourRoutesShapeTest.Steps.class, properties = {
        "camel.main.routes-include-pattern=file:routes/call.camel.yaml,file:routes/referral-status-changed.camel.yaml,"
                + "file:routes/case-acknowledged.camel.yaml,file:routes/conversation-closed.camel.yaml,"
                + "file:routes/contact-changed.camel.yaml,file:routes/contact-delivery.camel.yaml,"
                + "file:routes/referral-send.camel.yaml,file:routes/sms-campaign.camel.yaml,"
                + "file:routes/sms-delivery.camel.yaml,file:routes/salesforce-errors.camel.yaml",
        "switchboard.sms-campaign.url=http://127.0.0.1:9/sms/campaigns",
        "switchboard.contact-sync.source=cinnox",
        "switchboard.contact-sync.url=http://127.0.0.1:9/contacts",
        "switchboard.referral-poll.enabled=false",
        "switchboard.referral-send.enabled=false",
        "switchboard.referral-send.interval-ms=60000",
        "switchboard.referral-send.url=http://127.0.0.1:9/api/v1",
        "switchboard.referral-poll.cron=0 0/5 * * * ?",
        "switchboard.referral-poll.url=",
        "switchboard.retry.in-route-attempts=0",
        "switchboard.retry.in-route-delay-ms=0",
        "camel.component.salesforce.lazy-login=true",
        "camel.component.salesforce.login-url=http://127.0.0.1:9",
        "camel.component.salesforce.client-id=unused",
        "camel.component.salesforce.client-secret=unused"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BehaviourRoutesShapeTest {
    static final List<String> CALLS = StandInStep.calls();

    @BeanInject
    CamelContext context;

    /** The steps that need no Salesforce connection as they are; stand-ins for those that do. */
    public static final class Steps implements CamelConfiguration {
        private static final Mappings SHIPPED = shippedMappings();

        @Override
        public void configure(CamelContext camelContext) {
            for (String name : List.of("findCallPerson", "composeCallPerson", "rememberCallPerson", "lookupCallAgent",
                    "composeCallTicket", "findWrittenCallTicket", "staleCallPerson", "mapReferralStatus",
                    "mapCxIntake", "loadAttachments", "requireAuditPermission", "findConversationContact",
                    "composeCustomerContact", "rememberCustomerContact", "findConversationUsers", "composeComments",
                    "planCaseWrites", "lookForWrittenCase", "nextCaseWrite", "readCaseWrite", "incompleteCase",
                    "reportCaseWrites", "readContactLinks", "planSourceDelete", "reportDeletedContact",
                    "forgetSourceContact", "planContactUpdates", "reportContactUpdates", "matchContacts",
                    "composeNewContact", "linkCreatedContact", "linkContacts", "awaitEarlierDeliveries",
                    "signContactDelivery", "composeReferralSend", "resumeSmsCampaign", "nextSmsBatch", "signSmsBatch",
                    "saveSmsProgress", "reportSmsCampaign", "findSmsCampaignMembers", "planSmsStatusUpdates",
                    "findWrittenReplyTasks")) {
                camelContext.getRegistry().bind(name, new StandInStep(name, CALLS));
            }
            camelContext.getRegistry().bind("chooseCallTrigger", new ChooseCallTrigger(() -> SHIPPED));
            camelContext.getRegistry().bind("reportCallTicket", new ReportCallTicket());
            camelContext.getRegistry().bind("deliveryAnswers", new DeliveryAnswers());
            camelContext.getRegistry().bind("mapReferralAnswer", new MapReferralAnswer(() -> null, null));
            camelContext.getRegistry().bind("referralSendAnswers", new ReferralSendAnswers(null));
            camelContext.getRegistry().bind("smsBatchAnswers", new SmsBatchAnswers());
            camelContext.getRegistry().bind("composeSmsWrites", new ComposeSmsWrites(null));
            camelContext.getRegistry().bind("readSmsWrites", new ReadSmsWrites());
            camelContext.getRegistry().bind("reportUpdatedRecord", new ReportUpdatedRecord());
            camelContext.getRegistry().bind("reportUpsertedRecord", new ReportUpsertedRecord());
            camelContext.getRegistry().bind("sessionExpired", new SessionExpired());
            camelContext.getRegistry().bind("redeliverInRoute", new RedeliverInRoute());
        }
    }

    @BeforeEach
    void forgetCalls() {
        CALLS.clear();
    }

    private RouteDefinition route(String id) {
        return context.getCamelContextExtension().getContextPlugin(Model.class).getRouteDefinition(id);
    }

    /** The route's own steps, one line each as the file lists them; the shared error clauses left out. */
    private List<String> outline(String routeId) {
        return outline(route(routeId).getOutputs());
    }

    private static List<String> outline(List<ProcessorDefinition<?>> steps) {
        return steps.stream().filter(step -> !(step instanceof OnExceptionDefinition))
                .map(BehaviourRoutesShapeTest::outline).toList();
    }

    private static String outline(ProcessorDefinition<?> step) {
        if (step instanceof ProcessDefinition process) {
            return "process " + process.getRef();
        } else if (step instanceof FilterDefinition filter) {
            return "filter " + filter.getExpression().getExpression() + " " + outline(filter.getOutputs());
        } else if (step instanceof ChoiceDefinition choice) {
            return "choice " + choice.getWhenClauses().stream().map(when -> "when " + when.getExpression().getExpression()
                    + " " + outline(when.getOutputs())).toList()
                    + (choice.getOtherwise() == null ? "" : " otherwise " + outline(choice.getOtherwise().getOutputs()));
        } else if (step instanceof LoopDefinition loop) {
            return "loop " + ("true".equals(loop.getDoWhile()) ? "while " : "") + loop.getExpression().getExpression() + " "
                    + outline(loop.getOutputs());
        } else if (step instanceof ToDynamicDefinition to) {
            return "toD " + to.getUri();
        } else if (step instanceof ToDefinition to) {
            return "to " + to.getUri();
        } else if (step instanceof SetPropertyDefinition property) {
            return "setProperty " + property.getName() + " " + property.getExpression().getExpression();
        }
        return step.getShortName();
    }

    @Test
    void shouldChooseATriggerSkipACallNoneTakesAndCreateTheConfiguredTicket() {
        assertEquals("direct:call", route("call").getInput().getUri());
        assertEquals(List.of(
                "process chooseCallTrigger",
                "filter ${exchangeProperty.switchboardCallPlan} == null "
                        + "[setProperty switchboardSkipped ${exchangeProperty.switchboardNoCallTrigger}, stop]",
                "process findCallPerson",
                "filter ${exchangeProperty.switchboardCallPlan.personToCreate} != null [process composeCallPerson, "
                        + "toD ${exchangeProperty.switchboardCallPlan.component}:createSObject?rawPayload=true"
                        + "&sObjectName=${exchangeProperty.switchboardCallPlan.personToCreate}, process rememberCallPerson]",
                "process lookupCallAgent",
                "process composeCallTicket",
                "process findWrittenCallTicket",
                "filter ${exchangeProperty.switchboardWrittenTicket} != null [process reportCallTicket, stop]",
                "choice [when ${exchangeProperty.switchboardCallTicket.sobject} == 'Task' "
                        + "[toD ${exchangeProperty.switchboardCallPlan.component}:createSObject?rawPayload=true&sObjectName=Task]] "
                        + "otherwise [toD ${exchangeProperty.switchboardCallPlan.component}:createSObject?rawPayload=true"
                        + "&sObjectName=Case]",
                "process reportCallTicket"), outline("call"));
    }

    @Test
    void shouldSkipAReferralNotSentFromSalesforceAndUpdateTheRecordOfAnyOther() {
        assertEquals("direct:referral-status-changed", route("referral-status-changed").getInput().getUri());
        assertEquals(List.of(
                "filter ${exchangeProperty.switchboardEvent.salesforceRecordId} == null "
                        + "[setProperty switchboardSkipped referral was not sent from Salesforce, stop]",
                "process mapReferralStatus",
                "to salesforce:updateSObject?rawPayload=true",
                "process reportUpdatedRecord"), outline("referral-status-changed"));
    }

    @Test
    void shouldUpsertTheIntakeRecordOfAnAcknowledgedCase() {
        assertEquals("direct:case-acknowledged", route("case-acknowledged").getInput().getUri());
        assertEquals(List.of(
                "process mapCxIntake",
                "to salesforce:upsertSObject?rawPayload=true",
                "process reportUpsertedRecord"), outline("case-acknowledged"));
    }

    @Test
    void shouldLoadTheFilesFirstAndWriteTheCaseInALoopOfCompositeRequests() {
        assertEquals("direct:conversation-closed", route("conversation-closed").getInput().getUri());
        assertEquals(List.of(
                "process loadAttachments",
                "process requireAuditPermission",
                "process findConversationContact",
                "filter ${exchangeProperty.switchboardConversationContact} == null [process composeCustomerContact, "
                        + "to salesforce:createSObject?rawPayload=true&sObjectName=Contact, process rememberCustomerContact]",
                "process findConversationUsers",
                "process composeComments",
                "process planCaseWrites",
                "process lookForWrittenCase",
                "loop while ${exchangeProperty.switchboardCaseWrites.done} == false "
                        + "[process nextCaseWrite, to salesforce:raw?rawMethod=POST&rawPayload=true, process readCaseWrite]",
                "process reportCaseWrites"), outline("conversation-closed"));
    }

    @Test
    void shouldSendAReferralWithItsTokenAndChooseTheWriteBackByTheAnswersStatus() {
        assertEquals("direct:referral-send", route("referral-send").getInput().getUri());
        assertEquals(List.of(
                "process composeReferralSend",
                "toD {{switchboard.referral-send.url}}/referrals?throwExceptionOnFailure=false&connectTimeout=5000"
                        + "&responseTimeout=10000",
                "choice [when ${header.CamelHttpResponseCode} range '200..299' [bean, "
                        + "to salesforce:updateSObject?rawPayload=true, process reportUpdatedRecord], "
                        + "when ${header.CamelHttpResponseCode} == 401 [bean], "
                        + "when ${header.CamelHttpResponseCode} in '408,429' || ${header.CamelHttpResponseCode} >= 500 "
                        + "[bean]] otherwise [bean, to salesforce:updateSObject?rawPayload=true, "
                        + "process reportUpdatedRecord, bean]"), outline("referral-send"));
    }

    @Test
    void shouldHandACampaignOverInBatchesSavingProgressAfterEachAndRetryingWhatThePlatformCannotTakeNow() {
        assertEquals("direct:sms-campaign", route("sms-campaign").getInput().getUri());
        assertEquals(List.of("process resumeSmsCampaign",
                "loop while ${exchangeProperty.switchboardSmsCampaign.finished()} == false [process nextSmsBatch, "
                        + "filter ${exchangeProperty.switchboardSmsCampaign.sending()} [process signSmsBatch, "
                        + "toD {{switchboard.sms-campaign.url}}?throwExceptionOnFailure=false&connectTimeout=5000"
                        + "&responseTimeout=30000, "
                        + "choice [when ${header.CamelHttpResponseCode} in '408,429' || "
                        + "${header.CamelHttpResponseCode} >= 500 [bean], "
                        + "when ${header.CamelHttpResponseCode} !range '200..299' [bean]]], process saveSmsProgress]",
                "process reportSmsCampaign"), outline("sms-campaign"));
    }

    @Test
    void shouldWriteDeliveryResultsAsTwoVisibleCollectionCalls() {
        assertEquals("direct:sms-delivery", route("sms-delivery").getInput().getUri());
        assertEquals(List.of("process findSmsCampaignMembers", "process planSmsStatusUpdates",
                "filter ${exchangeProperty.switchboardSmsDeliveries.hasStatusUpdates()} [bean, "
                        + "to salesforce:raw?rawMethod=PATCH&rawPayload=true, bean]",
                "process findWrittenReplyTasks",
                "filter ${exchangeProperty.switchboardSmsDeliveries.hasReplyTasks()} [bean, "
                        + "to salesforce:raw?rawMethod=POST&rawPayload=true, bean]"), outline("sms-delivery"));
    }

    @Test
    void shouldGiveEveryBehaviourRouteTheSharedSalesforceErrorHandling() {
        for (EventType type : EventType.values()) {
            assertEquals("salesforce-errors", route(type.path()).getRouteConfigurationId(), type.path());
        }
    }

    @Test
    void shouldReadOnlyTheExchangePropertiesTheStepsLeave() {
        Set<String> left = Set.of(EventProperties.EVENT, CallPlan.PROPERTY, ChooseCallTrigger.NO_TRIGGER,
                CallTicket.PROPERTY, CallTicket.WRITTEN, CaseWrites.PROPERTY,
                // package-private in its step; the conversation route tests show the Contact step sets it
                "switchboardConversationContact",
                // package-private in io.switchboard.contacts; the contact route tests show their steps set them
                "switchboardContactLinks", "switchboardContactDeletes", "switchboardContactUpdates",
                "switchboardContactMatches",
                // package-private in io.switchboard.campaigns; SmsCampaignTest and SmsDeliveryTest show them set
                "switchboardSmsCampaign", "switchboardSmsDeliveries");
        Pattern property = Pattern.compile("exchangeProperty\\.(\\w+)");
        for (EventType type : EventType.values()) {
            for (String line : outline(type.path())) {
                Matcher read = property.matcher(line);
                while (read.find()) {
                    assertTrue(left.contains(read.group(1)), type.path() + " reads " + read.group(1) + ": " + line);
                }
            }
        }
    }

    @Test
    void shouldUnlinkOnDeletionUpdateLinkedContactsInOneRequestAndOtherwiseMatchOrCreate() {
        assertEquals("direct:contact-changed", route("contact-changed").getInput().getUri());
        assertEquals(List.of(
                "filter ${exchangeProperty.switchboardEvent.source} != '{{switchboard.contact-sync.source}}' "
                        + "[setProperty switchboardSkipped contact sync is configured for source "
                        + "{{switchboard.contact-sync.source}}, not ${exchangeProperty.switchboardEvent.source}, stop]",
                "process readContactLinks",
                "choice [when ${exchangeProperty.switchboardEvent.change} == 'deleted' [process planSourceDelete, "
                        + "split, process forgetSourceContact], "
                        + "when ${exchangeProperty.switchboardContactLinks.size()} > 0 [process planContactUpdates, "
                        + "filter ${exchangeProperty.switchboardContactUpdates.isEmpty()} == false "
                        + "[to salesforce:raw?rawMethod=PATCH&rawPayload=true, process reportContactUpdates]]] "
                        + "otherwise [process matchContacts, choice [when "
                        + "${exchangeProperty.switchboardContactMatches.isEmpty()} [process composeNewContact, "
                        + "to salesforce:createSObject?rawPayload=true&sObjectName=Contact, process linkCreatedContact]] "
                        + "otherwise [process linkContacts]]"), outline("contact-changed"));
    }

    @Test
    void shouldDeliverAContactChangeInOrderSignedAndChooseByTheAnswersStatus() {
        assertEquals("direct:contact-delivery", route("contact-delivery").getInput().getUri());
        assertEquals(List.of(
                "process awaitEarlierDeliveries",
                "process signContactDelivery",
                "toD {{switchboard.contact-sync.url}}?throwExceptionOnFailure=false&connectTimeout=5000"
                        + "&responseTimeout=10000",
                "choice [when ${header.CamelHttpResponseCode} range '200..299' [bean], "
                        + "when ${header.CamelHttpResponseCode} in '408,429' || ${header.CamelHttpResponseCode} >= 500 "
                        + "[bean]] otherwise [bean]"), outline("contact-delivery"));
    }

    @Test
    void shouldSkipAnotherPlatformsContactBeforeAnyLookUp() {
        Exchange sent = send("direct:contact-changed", event(EventType.CONTACT_CHANGED, "contact-changed",
                json -> json.put("source", "xcally")));
        assertEquals("contact sync is configured for source cinnox, not xcally", sent.getProperty(EventOutcome.SKIPPED));
        assertEquals(List.of(), CALLS, "no step after the source's filter ran");
    }

    @Test
    void shouldSkipACallNoTriggerTakesBeforeAnyLookUp() {
        Exchange sent = send("direct:call", event(EventType.CALL, "call-inbound-answered", json -> json.remove("queue")));
        assertEquals("no active trigger matches: direction=inbound, status=answered, queue=(absent)",
                sent.getProperty(EventOutcome.SKIPPED));
        assertEquals(List.of(), CALLS, "no step after the trigger's choice ran");
    }

    @Test
    void shouldSkipAReferralWithoutASalesforceRecordBeforeMappingIt() {
        Exchange sent = send("direct:referral-status-changed",
                event(EventType.REFERRAL_STATUS_CHANGED, "referral-status-changed", json -> json.remove("salesforceRecordId")));
        assertEquals("referral was not sent from Salesforce", sent.getProperty(EventOutcome.SKIPPED));
        assertEquals(List.of(), CALLS);
    }

    private Exchange send(String uri, Record event) {
        ProducerTemplate template = context.createProducerTemplate();
        Exchange sent = template.send(uri, exchange -> {
            exchange.setProperty(EventProperties.EVENT, event);
            exchange.setProperty(EventOutcome.PROPERTY, new EventOutcome());
        });
        assertNull(sent.getException());
        return sent;
    }
}
