package dev.vmodb.core.api;

/**
 * The outcome of a committed transaction.
 *
 * @param tid its transaction id: its place in the serial order
 * @param batch the batch it committed in
 * @param outputEvent the name of the event its last handler emitted, or {@code null}
 * @param output that event, or {@code null}
 */
public record TransactionResult(long tid, long batch, String outputEvent, Object output) {

}
