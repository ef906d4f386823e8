package dev.vmodb.core.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.vmodb.core.api.InvalidInputException;
import dev.vmodb.core.api.TransactionAbortedException;
import dev.vmodb.core.api.TransactionResult;
import dev.vmodb.core.codec.RecordCodec;
import dev.vmodb.core.protocol.Abort;
import dev.vmodb.core.protocol.BatchCommitted;
import dev.vmodb.core.protocol.BatchSealed;
import dev.vmodb.core.protocol.ProtocolCodec;
import dev.vmodb.core.protocol.Repeat;
import dev.vmodb.core.protocol.Result;
import dev.vmodb.core.protocol.Submission;
import dev.vmodb.core.protocol.SubmissionRecord;
import dev.vmodb.core.protocol.TopologyAnnounced;
import dev.vmodb.core.topology.HandlerManifest;
import dev.vmodb.core.topology.VmsManifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tests that {@link TransactionClient} refuses bad input on the submitting thread, before anything is queued, logs
 * idempotency keys, and completes a repeated key's submission with the first transaction's outcome.
 */
class TransactionClientInputUnitTests {

	record Add(String name, long delta) {
	}

	record Tagged(List<String> tags) {
	}

	record Opaque(Object value) {
	}

	private final BlockingQueue<byte[]> appended = new LinkedBlockingQueue<>();

	private final TransactionClient client = new TransactionClient(new InputOnlyLog(this.appended),
			Map.of("add", Add.class, "tag", Tagged.class), 100, 1_000);

	TransactionClientInputUnitTests() {
		this.client.onControl(new TopologyAnnounced(List.of(new VmsManifest("counters",
				List.of(new HandlerManifest("Counters.add", "add", null, false),
						new HandlerManifest("Counters.tag", "tag", null, false),
						new HandlerManifest("Counters.opaque", "opaque", null, false))))));
	}

	@AfterEach
	void close() {
		this.client.close();
	}

	@Test
	void violationsAreThrownToTheSubmitterAndNothingIsLogged() throws Exception {
		this.client.validateInputsWith((event, payload) -> ((Add) payload).delta() > 0 ? List.of()
				: List.of("delta: must be greater than 0", "name: must not be blank"));
		InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
				() -> this.client.submit("add", new Add("", -1)));
		assertThat(refused.event()).isEqualTo("add");
		assertThat(refused.violations()).containsExactly("delta: must be greater than 0", "name: must not be blank");
		assertThat(refused).hasMessage(
				"Input event 'add' refused: delta: must be greater than 0; name: must not be blank");
		// the next submission is the client's first: the refused one took no number and was never queued
		CompletableFuture<?> accepted = this.client.submit("add", new Add("a", 1));
		SubmissionRecord logged = ProtocolCodec.decodeSubmissions(this.appended.poll(5, TimeUnit.SECONDS));
		assertThat(logged.firstSeq()).isEqualTo(1);
		assertThat(logged.submissions()).singleElement().satisfies(submission -> assertThat(submission.event()).isEqualTo("add"));
		assertThat(this.appended).isEmpty();
		assertThat(accepted).isNotDone();
	}

	@Test
	void aPayloadThatCannotBeEncodedIsInvalidInput() throws Exception {
		@SuppressWarnings({ "unchecked", "rawtypes" })
		List<String> polluted = (List) List.of(42);
		InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
				() -> this.client.submit("tag", new Tagged(polluted)));
		assertThat(refused).hasMessageContaining("Input event 'tag' refused")
			.hasMessageContaining(Tagged.class.getName() + " cannot be encoded")
			.hasMessageContaining("'tags'")
			.hasCauseInstanceOf(IllegalArgumentException.class);
		// an event declared elsewhere, whose type this application does not know, with an unencodable type
		assertThat(catchThrowableOfType(InvalidInputException.class,
				() -> this.client.submit("opaque", new Opaque("x")))).hasMessageContaining("'value'");
		assertThat(this.appended.poll(200, TimeUnit.MILLISECONDS)).isNull();
	}

	@Test
	void badIdempotencyKeysAreRefusedAtSubmit() throws Exception {
		assertThatIllegalArgumentException().isThrownBy(() -> this.client.submit("add", new Add("a", 1), null))
			.withMessageContaining("must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> this.client.submit("add", new Add("a", 1), " \t"))
			.withMessageContaining("must not be blank");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.client.submit("add", new Add("a", 1), "k".repeat(201)))
			.withMessage("An idempotency key has at most 200 characters, got 201");
		assertThat(this.appended.poll(200, TimeUnit.MILLISECONDS)).isNull();
		this.client.submit("add", new Add("a", 1), "k".repeat(200));
		assertThat(ProtocolCodec.decodeSubmissions(this.appended.poll(5, TimeUnit.SECONDS)).submissions())
			.extracting(Submission::idempotencyKey)
			.containsExactly("k".repeat(200));
	}

	@Test
	void aRepeatedKeyCompletesWithTheFirstTransactionsOutcome() throws Exception {
		CompletableFuture<TransactionResult> committed = this.client.submit("add", new Add("a", 1), "order-1");
		CompletableFuture<TransactionResult> aborted = this.client.submit("add", new Add("a", 2), "order-2");
		List<SubmissionRecord> records = new ArrayList<>();
		while (records.stream().mapToInt(record -> record.submissions().size()).sum() < 2) {
			records.add(ProtocolCodec.decodeSubmissions(this.appended.poll(5, TimeUnit.SECONDS)));
		}
		assertThat(records).flatExtracting(SubmissionRecord::submissions)
			.extracting(Submission::idempotencyKey)
			.containsExactly("order-1", "order-2");
		long clientId = records.get(0).clientId();
		// both repeat keys the coordinator sequenced before (TIDs 12 and 13, batch 3), as for a restarted submitter
		this.client.onControl(new BatchSealed(9, 40, new int[] { BatchSealed.REPEAT, BatchSealed.REPEAT }, List.of(),
				List.of(new BatchSealed.Origin(clientId, 1, 2)), 0,
				List.of(new BatchSealed.Keyed(40, "order-1", 12), new BatchSealed.Keyed(41, "order-2", 13))));
		byte[] tagged = RecordCodec.of(Tagged.class).encode(new Tagged(List.of("first")));
		this.client.onControl(new BatchCommitted(9, 41, List.of(), List.of(),
				List.of(new Repeat(40, 12, 3, null, List.of(new Result(12, "tag", tagged))),
						new Repeat(41, 13, 3, new Abort(13, "counters", "Counters.add", "too big"), List.of()))));

		TransactionResult result = committed.get(5, TimeUnit.SECONDS);
		assertThat(result.tid()).isEqualTo(12);
		assertThat(result.batch()).isEqualTo(3);
		assertThat(result.output("tag", Tagged.class)).isEqualTo(new Tagged(List.of("first")));
		Throwable failure = aborted.handle((r, ex) -> ex).get(5, TimeUnit.SECONDS);
		assertThat(failure).isInstanceOf(TransactionAbortedException.class);
		TransactionAbortedException abort = (TransactionAbortedException) failure;
		assertThat(abort.tid()).isEqualTo(13);
		assertThat(abort.vms()).isEqualTo("counters");
		assertThat(abort.handler()).isEqualTo("Counters.add");
		assertThat(abort.reason()).isEqualTo("too big");
	}

	/** A log that only records input. */
	private static final class InputOnlyLog extends InputLog {

		private final BlockingQueue<byte[]> appended;

		InputOnlyLog(BlockingQueue<byte[]> appended) {
			this.appended = appended;
		}

		@Override
		public CompletableFuture<Void> appendInput(byte[] record) {
			this.appended.add(record);
			return CompletableFuture.completedFuture(null);
		}

	}

}
