package dev.vmodb.core.log;

import java.util.concurrent.CompletableFuture;

/**
 * The engine's view of the unified event log: where each kind of record goes. An implementation (Kafka, in
 * {@code vmodb-kafka-log}) appends the bytes durably and in call order per channel; the futures complete once
 * the record is durable, or exceptionally if it cannot be written. Records are encoded by
 * {@link dev.vmodb.core.protocol.ProtocolCodec}.
 */
public interface LogWriter {

	/**
	 * Appends submissions to the input log, the sequencer.
	 * @param record an encoded {@link dev.vmodb.core.protocol.SubmissionRecord}
	 * @return completed when durable
	 */
	CompletableFuture<Void> appendInput(byte[] record);

	/**
	 * Appends a coordinator decision to the control log.
	 * @param record an encoded {@link dev.vmodb.core.protocol.ControlRecord}
	 * @return completed when durable
	 */
	CompletableFuture<Void> appendControl(byte[] record);

	/**
	 * Appends deliveries to a VMS's event log.
	 * @param vms the receiving VMS
	 * @param record an encoded {@link dev.vmodb.core.protocol.EventBatch}
	 * @return completed when durable
	 */
	CompletableFuture<Void> appendEvents(String vms, byte[] record);

	/**
	 * Tells the coordinator a VMS has finished a batch.
	 * @param record an encoded {@link dev.vmodb.core.protocol.BatchDone}
	 * @return completed when durable
	 */
	CompletableFuture<Void> appendDone(byte[] record);

}
