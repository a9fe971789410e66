/**
 * {@code bulk-update}: historical records updated from a CSV or JSON-lines file, every row checked before anything
 * is sent, written through sObject collections on a connection's camel-salesforce component, and each row's outcome
 * reported in a results file.
 */
package io.switchboard.bulk;
