package io.switchboard.emulator;

import io.switchboard.emulator.api.ApiUsage;
import io.switchboard.emulator.api.RecordSource;
import io.switchboard.emulator.api.RestDispatcher;
import io.switchboard.emulator.api.Transactions;

/** What an endpoint plugged into the emulator may use: the records, the dispatcher, units of work and API usage. */
public record EmulatorServices(RecordSource records, RestDispatcher dispatcher, Transactions transactions,
                               ApiUsage usage) {
}
