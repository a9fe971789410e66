/**
 * Salesforce look-ups the behaviours make before they write: people by phone (SOSL, with the search lag covered
 * by recent matches), users by email or username, and the queries' escaping. The mapping package says what to
 * write; this one asks the org what is there.
 */
package io.switchboard.lookup;
