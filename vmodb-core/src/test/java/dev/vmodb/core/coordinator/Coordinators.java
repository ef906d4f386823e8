package dev.vmodb.core.coordinator;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import dev.vmodb.core.protocol.Abort;
import dev.vmodb.core.protocol.BatchDone;
import dev.vmodb.core.protocol.Result;
import dev.vmodb.core.protocol.Submission;
import dev.vmodb.core.protocol.SubmissionRecord;
import dev.vmodb.core.topology.HandlerManifest;
import dev.vmodb.core.topology.Topology;
import dev.vmodb.core.topology.VmsManifest;

/**
 * A topology for coordinator tests, and the records coordinators take: "reserve" runs at stock and audit (two
 * roots), "restock" at stock only.
 */
final class Coordinators {

	static final Topology TOPOLOGY = Topology.of(List.of(
			new VmsManifest("stock", List.of(new HandlerManifest("S.reserve", "reserve", null, false),
					new HandlerManifest("S.restock", "restock", null, false))),
			new VmsManifest("audit", List.of(new HandlerManifest("A.note", "reserve", null, false)))));

	private Coordinators() {
	}

	/**
	 * A coordinator that seals a batch at a number of transactions only (its window is an hour).
	 */
	static BatchCoordinator sealingEvery(int size, RecordingLog log, int keysRetained, Clock clock) {
		return new BatchCoordinator(TOPOLOGY, new BatchPolicy(Duration.ofHours(1), size), log, 100, keysRetained, clock);
	}

	static SubmissionRecord record(long client, long firstSeq, String... events) {
		return new SubmissionRecord(client, firstSeq, java.util.Arrays.stream(events)
			.map(event -> new Submission(event, new byte[] { (byte) firstSeq }))
			.toList());
	}

	static SubmissionRecord keyed(long client, long seq, String event, String key) {
		return new SubmissionRecord(client, seq, List.of(new Submission(event, new byte[] { (byte) seq }, key)));
	}

	static BatchDone done(String vms, long batch) {
		return new BatchDone(vms, batch, 0, List.of(), List.of(), List.of(), List.of());
	}

	static BatchDone done(String vms, long batch, List<Abort> aborts, List<Result> results) {
		return new BatchDone(vms, batch, 0, aborts, results, List.of(), List.of());
	}

}
