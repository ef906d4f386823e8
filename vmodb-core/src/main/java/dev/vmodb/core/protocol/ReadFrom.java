package dev.vmodb.core.protocol;

/**
 * A transaction saw a version written by another one that had not committed when it ran: if the writer aborts,
 * the reader must run again.
 *
 * @param reader the reading transaction
 * @param writer the transaction that wrote the version seen
 */
public record ReadFrom(long reader, long writer) {
}
