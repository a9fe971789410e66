package io.switchboard.mapping;

/** The scheduled poll of a Case Xchange endpoint for status changes; off unless enabled. cron is Quartz syntax. */
public record PollSettings(boolean enabled, String cron, String url) {
}
