package dev.vmodb.core.client;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.vmodb.core.api.InvalidInputException;
import dev.vmodb.core.log.LogWriter;
import dev.vmodb.core.protocol.ProtocolCodec;
import dev.vmodb.core.protocol.SubmissionRecord;
import dev.vmodb.core.protocol.TopologyAnnounced;
import dev.vmodb.core.topology.HandlerManifest;
import dev.vmodb.core.topology.VmsManifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tests that {@link TransactionClient} refuses bad input on the submitting thread, before anything is queued.
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

	/** A log that only records input. */
	private record InputOnlyLog(BlockingQueue<byte[]> appended) implements LogWriter {

		@Override
		public CompletableFuture<Void> appendInput(byte[] record) {
			this.appended.add(record);
			return CompletableFuture.completedFuture(null);
		}

		@Override
		public CompletableFuture<Void> appendControl(byte[] record) {
			throw new UnsupportedOperationException();
		}

		@Override
		public CompletableFuture<Void> appendEvents(String vms, byte[] record) {
			throw new UnsupportedOperationException();
		}

		@Override
		public CompletableFuture<Void> appendDone(byte[] record) {
			throw new UnsupportedOperationException();
		}

	}

}
