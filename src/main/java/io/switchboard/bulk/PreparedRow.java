package io.switchboard.bulk;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A row that passed its checks: its key for the results file and the record, as sObject collections take it. */
public record PreparedRow(int line, String key, ObjectNode record) {
}
