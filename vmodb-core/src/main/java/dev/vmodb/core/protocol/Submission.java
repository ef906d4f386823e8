package dev.vmodb.core.protocol;

/**
 * One submitted input event.
 *
 * @param event the event name
 * @param payload the encoded event record
 */
public record Submission(String event, byte[] payload) {
}
