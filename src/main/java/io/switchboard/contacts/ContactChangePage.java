package io.switchboard.contacts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** One page of changed Contacts as {@code queryAll} answers it, deleted ones included, in SystemModstamp and Id order. */
record ContactChangePage(List<JsonNode> records, boolean full) {
    ContactChangePage {
        records = List.copyOf(records);
    }
}
