package dev.vmodb.core.coordinator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.vmodb.core.protocol.BatchSealed;
import dev.vmodb.core.protocol.Delivery;
import dev.vmodb.core.protocol.SubmissionRecord;
import dev.vmodb.core.topology.PlanNode;
import dev.vmodb.core.topology.Topology;
import dev.vmodb.core.topology.TransactionPlan;

/**
 * What a resuming coordinator re-sends: the input events of batches an earlier coordinator sealed but nobody
 * decided. That coordinator may have crashed after writing a batch's sealing decision and before (all of) its input
 * events, and then the batch would wait forever. So the input log is read again from the first such batch's records,
 * and each record of an undecided batch has its input events rebuilt, from the sealing decision and the topology the
 * batch was sealed under, and sent again; VMSs ignore the ones they already have. Not thread-safe: the coordinator's
 * lock guards it.
 */
final class InputReplay {

	/** Per input partition, the offset after the last record some sealed batch took. */
	private final Map<Integer, Long> sealedEnd = new TreeMap<>();

	/** The input records of undecided batches, by submitting client and first number: k-th origin, k-th record. */
	private final Map<OriginKey, Slot> slots = new HashMap<>();

	/** The undecided batches, with their records. */
	private final Map<Long, Undecided> undecided = new LinkedHashMap<>();

	/**
	 * Notes a sealed batch of the control log, undecided until {@link #decided(long)}.
	 * @param sealed the sealing decision
	 * @param topology the topology it was sealed under
	 */
	void sealed(BatchSealed sealed, Topology topology) {
		sealed.inputs().forEach(range -> this.sealedEnd.merge(range.partition(), range.toOffset(), Math::max));
		List<OriginKey> keys = new ArrayList<>();
		long tid = sealed.firstTid();
		for (BatchSealed.Origin origin : sealed.origins()) {
			OriginKey key = new OriginKey(origin.clientId(), origin.firstSeq());
			this.slots.put(key, new Slot(sealed, topology, tid));
			keys.add(key);
			tid += origin.count();
		}
		this.undecided.put(sealed.batch(), new Undecided(sealed, keys));
	}

	/**
	 * Notes a commit decision of the control log: that batch's records need not be sent again.
	 * @param batch the batch
	 */
	void decided(long batch) {
		Undecided done = this.undecided.remove(batch);
		if (done != null) {
			done.records.forEach(this.slots::remove);
		}
	}

	/**
	 * Where to read each input partition from: the first record of the first undecided batch there, or after the
	 * last sealed record when every batch is decided.
	 * @return the offset per partition
	 */
	Map<Integer, Long> startOffsets() {
		Map<Integer, Long> start = new TreeMap<>(this.sealedEnd);
		for (Undecided batch : this.undecided.values()) {
			batch.sealed.inputs().forEach(range -> start.merge(range.partition(), range.fromOffset(), Math::min));
		}
		return start;
	}

	/**
	 * Whether an input record was taken by a batch sealed before the resume, rather than new.
	 * @param partition its partition
	 * @param offset its offset
	 * @return whether it was sealed already
	 */
	boolean wasSealed(int partition, long offset) {
		Long end = this.sealedEnd.get(partition);
		return end != null && offset < end;
	}

	/**
	 * The input events of a record taken by a batch sealed before the resume, to send again, each record once.
	 * @param record the record
	 * @return its batch and its events per root VMS, or {@code null} when its batch is decided (or it was sent)
	 */
	Resend resend(SubmissionRecord record) {
		Slot slot = this.slots.remove(new OriginKey(record.clientId(), record.firstSeq()));
		if (slot == null) {
			return null;
		}
		Map<String, List<Delivery>> deliveries = new LinkedHashMap<>();
		for (int i = 0; i < record.submissions().size(); i++) {
			long tid = slot.firstTid + i;
			int type = slot.sealed.typeOf(tid);
			if (type < 0) {
				continue; // rejected or a repeated key: nothing runs
			}
			TransactionPlan plan = slot.topology.plan(type);
			for (PlanNode root : plan.roots()) {
				deliveries.computeIfAbsent(root.vms(), vms -> new ArrayList<>())
					.add(Delivery.event(tid, root.index(), record.submissions().get(i).payload()));
			}
		}
		return new Resend(slot.sealed.batch(), deliveries);
	}

	/**
	 * Input events to send again.
	 * @param batch their batch
	 * @param deliveries the events, per root VMS
	 */
	record Resend(long batch, Map<String, List<Delivery>> deliveries) {
	}

	private record OriginKey(long clientId, long firstSeq) {
	}

	/** An input record of an undecided batch: its batch, the topology that batch follows, its first TID. */
	private record Slot(BatchSealed sealed, Topology topology, long firstTid) {
	}

	private record Undecided(BatchSealed sealed, List<OriginKey> records) {
	}

}
