package dev.vmodb.core.protocol;

/**
 * A terminal event a transaction emitted: its result, for the submitter.
 *
 * @param tid the transaction
 * @param event the event name
 * @param payload the encoded event record
 */
public record Result(long tid, String event, byte[] payload) {
}
