package dev.vmodb.core.coordinator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.vmodb.core.log.LogWriter;
import dev.vmodb.core.protocol.BatchCommitted;
import dev.vmodb.core.protocol.BatchSealed;
import dev.vmodb.core.protocol.ControlRecord;
import dev.vmodb.core.protocol.EventBatch;
import dev.vmodb.core.protocol.ProtocolCodec;

/**
 * A log that keeps what a coordinator writes, decoded, so a test can look at it and hand the control log to
 * another coordinator.
 */
final class RecordingLog implements LogWriter {

	final List<ControlRecord> control = new ArrayList<>();

	/** Event log records with the VMS they were written for. */
	final List<Addressed> events = new ArrayList<>();

	@Override
	public synchronized CompletableFuture<Void> appendInput(byte[] record) {
		throw new UnsupportedOperationException("a coordinator writes no input");
	}

	@Override
	public synchronized CompletableFuture<Void> appendControl(byte[] record) {
		this.control.add(ProtocolCodec.decodeControl(record));
		return CompletableFuture.completedFuture(null);
	}

	@Override
	public synchronized CompletableFuture<Void> appendEvents(String vms, byte[] record) {
		this.events.add(new Addressed(vms, ProtocolCodec.decodeEvents(record)));
		return CompletableFuture.completedFuture(null);
	}

	@Override
	public synchronized CompletableFuture<Void> appendDone(byte[] record) {
		throw new UnsupportedOperationException("a coordinator writes no reports");
	}

	synchronized List<ControlRecord> control() {
		return List.copyOf(this.control);
	}

	synchronized List<BatchSealed> sealed() {
		return this.control.stream().filter(BatchSealed.class::isInstance).map(BatchSealed.class::cast).toList();
	}

	synchronized List<BatchCommitted> committed() {
		return this.control.stream().filter(BatchCommitted.class::isInstance).map(BatchCommitted.class::cast).toList();
	}

	/** The TIDs of input events written, per VMS and batch, as {@code "vms/batch:tid"}. */
	synchronized List<String> inputEvents() {
		List<String> sent = new ArrayList<>();
		for (Addressed addressed : this.events) {
			addressed.batch().deliveries().forEach(delivery -> sent.add(addressed.vms() + "/" + addressed.batch().batch()
					+ ":" + delivery.tid()));
		}
		return sent;
	}

	synchronized void clearEvents() {
		this.events.clear();
	}

	record Addressed(String vms, EventBatch batch) {
	}

}
