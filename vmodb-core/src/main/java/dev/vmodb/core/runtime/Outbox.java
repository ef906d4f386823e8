package dev.vmodb.core.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.vmodb.core.log.LogWriter;
import dev.vmodb.core.protocol.Delivery;
import dev.vmodb.core.protocol.EventBatch;
import dev.vmodb.core.protocol.ProtocolCodec;

/**
 * The deliveries a VMS has produced but not yet written to the log, packed per (receiving VMS, batch, epoch) so one log
 * record carries many events. Not thread-safe: its owner synchronises.
 */
final class Outbox {

	private final String producer;

	private final LogWriter log;

	private final int maxDeliveriesPerRecord;

	private final Map<Key, List<Delivery>> pending = new LinkedHashMap<>();

	Outbox(String producer, LogWriter log, int maxDeliveriesPerRecord) {
		this.producer = producer;
		this.log = log;
		this.maxDeliveriesPerRecord = maxDeliveriesPerRecord;
	}

	void add(String vms, long batch, long epoch, Delivery delivery) {
		Key key = new Key(vms, batch, epoch);
		List<Delivery> deliveries = this.pending.computeIfAbsent(key, k -> new ArrayList<>());
		deliveries.add(delivery);
		if (deliveries.size() >= this.maxDeliveriesPerRecord) {
			this.pending.remove(key);
			send(key, deliveries);
		}
	}

	/** Writes everything pending; the log keeps the order of the calls per receiving VMS. */
	void flush() {
		this.pending.forEach(this::send);
		this.pending.clear();
	}

	private void send(Key key, List<Delivery> deliveries) {
		this.log.appendEvents(key.vms(), ProtocolCodec.encode(new EventBatch(this.producer, key.batch(), key.epoch(), deliveries)));
	}

	private record Key(String vms, long batch, long epoch) {
	}

}
