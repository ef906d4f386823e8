package dev.vmodb.core.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.vmodb.core.api.LogUnavailableException;
import dev.vmodb.core.api.TransactionResult;
import dev.vmodb.core.log.LogHealth;
import dev.vmodb.core.protocol.TopologyAnnounced;
import dev.vmodb.core.topology.HandlerManifest;
import dev.vmodb.core.topology.VmsManifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tests that {@link SubmissionGate} makes {@link TransactionClient#submit} fail fast while the log does not take
 * writes, bounds the submissions waiting for the log, and fails accepted submissions the log refused as in doubt.
 */
class SubmissionGateUnitTests {

	record Add(String name, long delta) {
	}

	private final FakeHealth health = new FakeHealth();

	private final HeldLog log = new HeldLog();

	private final TransactionClient client = new TransactionClient(this.log, Map.of("add", Add.class), 100, 1_000);

	SubmissionGateUnitTests() {
		this.client.onControl(new TopologyAnnounced(List.of(new VmsManifest("counters",
				List.of(new HandlerManifest("Counters.add", "add", null, false))))));
	}

	@AfterEach
	void close() {
		this.client.close();
	}

	@Test
	void submissionsFailAtOnceWhileTheLogRefusesWrites() {
		SubmissionGate gate = new SubmissionGate(this.health, 10);
		this.client.admitThrough(gate);
		this.health.refusal = "has not acknowledged a write for 5,312 ms";
		this.health.silentMillis = 5_312;

		LogUnavailableException refused = catchThrowableOfType(LogUnavailableException.class,
				() -> this.client.submit("add", new Add("a", 1)));

		assertThat(refused).hasMessageStartingWith("The event log has not acknowledged a write for 5,312 ms; 0 accepted "
				+ "submission(s) are waiting for it.")
			.hasMessageContaining("not accepted and nothing was logged")
			.hasMessageEndingWith("Check the cluster.");
		assertThat(refused.unacknowledgedMillis()).isEqualTo(5_312);
		assertThat(refused.inDoubt()).isFalse();
		assertThat(gate.waiting()).isZero();
		assertThat(this.log.appended).isEmpty();

		this.health.refusal = null;
		assertThat(this.client.submit("add", new Add("a", 1))).isNotDone();
		assertThat(gate.waiting()).isOne();
	}

	@Test
	void submissionsWaitingForTheLogAreBoundedUntilItAcknowledgesThem() throws Exception {
		SubmissionGate gate = new SubmissionGate(this.health, 3);
		this.client.admitThrough(gate);
		for (int i = 0; i < 3; i++) {
			this.client.submit("add", new Add("a", i));
		}

		LogUnavailableException refused = catchThrowableOfType(LogUnavailableException.class,
				() -> this.client.submit("add", new Add("a", 9)));

		assertThat(refused).hasMessageContaining("has not yet acknowledged 3 accepted submissions")
			.hasMessageContaining("vmodb.client.max-waiting");
		assertThat(refused.waitingSubmissions()).isEqualTo(3);
		assertThat(gate.waiting()).isEqualTo(3);
		// the log acknowledges everything written so far: room again
		awaitWaiting(gate, this.log::acknowledgeAll, 0);
		assertThat(this.client.submit("add", new Add("a", 9))).isNotDone();
	}

	@Test
	void acceptedSubmissionsTheLogFailsAreInDoubt() throws Exception {
		SubmissionGate gate = new SubmissionGate(this.health, 10);
		this.client.admitThrough(gate);
		CompletableFuture<TransactionResult> accepted = this.client.submit("add", new Add("a", 1));

		awaitWaiting(gate, () -> this.log.failAll(new IllegalStateException("delivery timed out")), 0);

		ExecutionException failed = catchThrowableOfType(ExecutionException.class, () -> accepted.get(5, TimeUnit.SECONDS));
		assertThat(failed.getCause()).isInstanceOfSatisfying(LogUnavailableException.class, ex -> {
			assertThat(ex.inDoubt()).isTrue();
			assertThat(ex).hasMessageContaining("delivery timed out").hasMessageContaining("may still commit");
		});
	}

	@Test
	void atLeastOneSubmissionMayWait() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SubmissionGate(this.health, 0));
	}

	/** Completes the log's pending writes until the gate counts {@code expected} waiting submissions. */
	private static void awaitWaiting(SubmissionGate gate, Runnable complete, int expected) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (gate.waiting() != expected && System.nanoTime() < deadline) {
			complete.run();
			Thread.sleep(10);
		}
		assertThat(gate.waiting()).isEqualTo(expected);
	}

	/** A log health set by the test. */
	private static final class FakeHealth implements LogHealth {

		volatile String refusal;

		volatile long silentMillis;

		@Override
		public Optional<String> admit() {
			return Optional.ofNullable(this.refusal);
		}

		@Override
		public long unacknowledgedMillis() {
			return this.silentMillis;
		}

		@Override
		public String advice() {
			return "Check the cluster.";
		}

	}

	/** A log whose input writes complete when the test says. */
	private static final class HeldLog extends InputLog {

		final BlockingQueue<CompletableFuture<Void>> appended = new LinkedBlockingQueue<>();

		@Override
		public CompletableFuture<Void> appendInput(byte[] record) {
			CompletableFuture<Void> written = new CompletableFuture<>();
			this.appended.add(written);
			return written;
		}

		void acknowledgeAll() {
			for (CompletableFuture<Void> written = this.appended.poll(); written != null; written = this.appended.poll()) {
				written.complete(null);
			}
		}

		void failAll(Throwable failure) {
			for (CompletableFuture<Void> written = this.appended.poll(); written != null; written = this.appended.poll()) {
				written.completeExceptionally(failure);
			}
		}

	}

}
