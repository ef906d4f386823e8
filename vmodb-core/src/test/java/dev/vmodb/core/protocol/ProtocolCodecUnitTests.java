package dev.vmodb.core.protocol;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.vmodb.core.topology.HandlerManifest;
import dev.vmodb.core.topology.VmsManifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Round trips of every log record through {@link ProtocolCodec}.
 */
class ProtocolCodecUnitTests {

	@Test
	void submissionsRoundTrip() {
		SubmissionRecord record = new SubmissionRecord(-42L, 7,
				List.of(new Submission("transfer", new byte[] { 1, 2, 3 }), new Submission("déposit", new byte[0], "order-7")));
		SubmissionRecord decoded = ProtocolCodec.decodeSubmissions(ProtocolCodec.encode(record));
		assertThat(decoded.clientId()).isEqualTo(-42L);
		assertThat(decoded.firstSeq()).isEqualTo(7);
		assertThat(decoded.submissions()).extracting(Submission::event).containsExactly("transfer", "déposit");
		assertThat(decoded.submissions()).extracting(Submission::idempotencyKey).containsExactly(null, "order-7");
		assertThat(decoded.submissions().get(0).payload()).containsExactly(1, 2, 3);
	}

	@Test
	void controlRecordsRoundTrip() {
		VmsManifest manifest = new VmsManifest("audit", List.of(new HandlerManifest("A.note", "debited", null, false),
				new HandlerManifest("A.done", "credited", "audited", true)));
		TopologyAnnounced topology = (TopologyAnnounced) ProtocolCodec
			.decodeControl(ProtocolCodec.encode(new TopologyAnnounced(List.of(manifest))));
		assertThat(topology.manifests()).containsExactly(manifest);

		BatchSealed sealed = new BatchSealed(3, 1_000_001, new int[] { 0, -1, 2, BatchSealed.REPEAT },
				List.of(new BatchSealed.InputRange(0, 10, 12), new BatchSealed.InputRange(1, 4, 5)),
				List.of(new BatchSealed.Origin(Long.MIN_VALUE, 1, 2), new BatchSealed.Origin(5, 9, 2)), 1_767_225_600_123L,
				List.of(new BatchSealed.Keyed(1_000_001, "k1", 1_000_001), new BatchSealed.Keyed(1_000_004, "k0", 17)));
		BatchSealed decodedSealed = (BatchSealed) ProtocolCodec.decodeControl(ProtocolCodec.encode(sealed));
		assertThat(decodedSealed.types()).containsExactly(0, -1, 2, BatchSealed.REPEAT);
		assertThat(decodedSealed.lastTid()).isEqualTo(1_000_004);
		assertThat(decodedSealed.inputs()).isEqualTo(sealed.inputs());
		assertThat(decodedSealed.origins()).isEqualTo(sealed.origins());
		assertThat(decodedSealed.sealedAt()).isEqualTo(1_767_225_600_123L);
		assertThat(decodedSealed.keyed()).isEqualTo(sealed.keyed());
		assertThat(decodedSealed.keyed()).extracting(BatchSealed.Keyed::repeat).containsExactly(false, true);

		Abort originalAbort = new Abort(12, "stock", "S.reserve", "insufficient stock");
		BatchCommitted committed = new BatchCommitted(3, 1_000_004, List.of(new Abort(1_000_002, "", "", "no VMS")),
				List.of(new Result(1_000_001, "audited", new byte[] { 9 })),
				List.of(new Repeat(1_000_003, 12, 2, originalAbort, List.of()),
						new Repeat(1_000_004, 17, 3, null, List.of(new Result(17, "audited", new byte[] { 8 })))));
		BatchCommitted decodedCommitted = (BatchCommitted) ProtocolCodec.decodeControl(ProtocolCodec.encode(committed));
		assertThat(decodedCommitted.aborts()).isEqualTo(committed.aborts());
		assertThat(decodedCommitted.results()).singleElement()
			.satisfies(result -> assertThat(result.payload()).containsExactly(9));
		assertThat(decodedCommitted.repeats()).extracting(Repeat::tid, Repeat::originalTid, Repeat::originalBatch,
				Repeat::abort)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1_000_003L, 12L, 2L, originalAbort),
					org.assertj.core.groups.Tuple.tuple(1_000_004L, 17L, 3L, null));
		assertThat(decodedCommitted.repeats().get(1).results()).singleElement()
			.satisfies(result -> assertThat(result.payload()).containsExactly(8));

		BatchRerun rerun = new BatchRerun(4, 3, 1_000_002, new long[] { 1_000_000, 1_000_001 });
		assertThat(ProtocolCodec.decodeControl(ProtocolCodec.encode(rerun))).isEqualTo(rerun);
		assertThat(rerun.removes(1_000_001)).isTrue();
		assertThat(rerun.removes(999_999)).isFalse();
		assertThat(rerun.removes(1_000_005)).isTrue();
	}

	@Test
	void eventsAndReportsRoundTrip() {
		EventBatch events = new EventBatch("accounts", 8, 3, List.of(Delivery.event(5, 1, new byte[] { 4 }),
				Delivery.without(6, 2, Delivery.Kind.SKIP), Delivery.without(7, 1, Delivery.Kind.ABORT)));
		EventBatch decoded = ProtocolCodec.decodeEvents(ProtocolCodec.encode(events));
		assertThat(decoded.producer()).isEqualTo("accounts");
		assertThat(decoded.epoch()).isEqualTo(3);
		assertThat(decoded.deliveries()).extracting(Delivery::tid, Delivery::node, Delivery::kind)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(5L, 1, Delivery.Kind.EVENT),
					org.assertj.core.groups.Tuple.tuple(6L, 2, Delivery.Kind.SKIP),
					org.assertj.core.groups.Tuple.tuple(7L, 1, Delivery.Kind.ABORT));
		BatchDone done = new BatchDone("ledger", 8, 2, List.of(new Abort(7, "ledger", "L.credit", "boom")), List.of(),
				List.of(new ReadFrom(9, 7), new ReadFrom(9, 3)), List.of(11L));
		assertThat(ProtocolCodec.decodeDone(ProtocolCodec.encode(done))).isEqualTo(done);
	}

	@Test
	void aRecordOfAnotherFormatVersionIsRefused() {
		byte[] bytes = ProtocolCodec.encode(new BatchDone("x", 1, 0, List.of(), List.of(), List.of(), List.of()));
		bytes[0] = 2;
		assertThatIllegalArgumentException().isThrownBy(() -> ProtocolCodec.decodeDone(bytes))
			.withMessageContaining("format 2 is not supported (expected 3)")
			.withMessageContaining("another version of vMODB");
	}

}
