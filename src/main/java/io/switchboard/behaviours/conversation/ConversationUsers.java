package io.switchboard.behaviours.conversation;

/**
 * The Salesforce users a conversation is written as: the agent's (Case owner, author of outbound comments) and the
 * customer-comment user (author of inbound comments).
 */
record ConversationUsers(String agentUserId, String customerUserId) {
    static final String PROPERTY = "conversationUsers";

    String authorOf(boolean fromCustomer) {
        return fromCustomer ? customerUserId : agentUserId;
    }
}
