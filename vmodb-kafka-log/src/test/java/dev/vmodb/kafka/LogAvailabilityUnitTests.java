package dev.vmodb.kafka;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests how {@link LogAvailability} judges the log from its writes' acknowledgements, on a clock the test moves.
 */
class LogAvailabilityUnitTests {

	private final TestClock clock = new TestClock();

	private final LogAvailability availability = new LogAvailability("broker-1:9092",
			new LogResilience(Duration.ofSeconds(1), Duration.ofHours(1), Duration.ofSeconds(30), Duration.ofSeconds(2)),
			this.clock::nanos, this.clock, false);

	@AfterEach
	void close() {
		this.availability.close();
	}

	@Test
	void aWriteWaitingLongerThanTheAckTimeoutRefusesSubmissionsUntilTheLogAcknowledgesAgain() {
		long stalled = this.availability.writeStarted();
		this.clock.advance(Duration.ofMillis(999));
		assertThat(this.availability.admit()).isEmpty();

		this.clock.advance(Duration.ofMillis(1));
		assertThat(this.availability.admit()).hasValueSatisfying(refusal -> assertThat(refusal)
			.isEqualTo("has not acknowledged a write for 1,000 ms (1 write(s) waiting; vmodb.kafka.ack-timeout is 1,000 ms)"));
		assertThat(this.availability.state()).isEqualTo(State.OPEN);
		assertThat(this.availability.unacknowledgedMillis()).isEqualTo(1_000);
		assertThat(this.availability.advice()).isEqualTo("Check that the Kafka cluster at broker-1:9092 "
				+ "(vmodb.kafka.bootstrap-servers) is running and reachable from this application.");

		// the outage lasts: still refused, however long the breaker has been open
		this.clock.advance(Duration.ofSeconds(60));
		assertThat(this.availability.admit()).isPresent();
		assertThat(this.availability.state()).isEqualTo(State.OPEN);

		// the cluster is back and acknowledges the stalled write: one probe submission goes through
		this.availability.writeAcknowledged(stalled);
		assertThat(this.availability.unacknowledgedMillis()).isZero();
		assertThat(this.availability.admit()).isEmpty();
		assertThat(this.availability.state()).isEqualTo(State.HALF_OPEN);
		assertThat(this.availability.admit()).hasValueSatisfying(refusal -> assertThat(refusal).contains("probe"));

		// the next acknowledged write closes the breaker
		this.availability.writeAcknowledged(this.availability.writeStarted());
		assertThat(this.availability.state()).isEqualTo(State.CLOSED);
		assertThat(this.availability.admit()).isEmpty();
	}

	@Test
	void aProbeWhoseWriteStallsOpensTheBreakerAgain() {
		long stalled = this.availability.writeStarted();
		this.clock.advance(Duration.ofSeconds(5));
		assertThat(this.availability.admit()).isPresent();
		this.availability.writeAcknowledged(stalled);
		this.clock.advance(Duration.ofMillis(1));
		assertThat(this.availability.admit()).isEmpty();
		assertThat(this.availability.state()).isEqualTo(State.HALF_OPEN);
		this.availability.writeStarted();

		this.clock.advance(Duration.ofSeconds(1));

		assertThat(this.availability.admit()).isPresent();
		assertThat(this.availability.state()).isEqualTo(State.OPEN);
	}

	@Test
	void failedWritesOpenTheBreakerForTheRetryBackoff() {
		for (int i = 0; i < 5; i++) {
			this.availability.writeAcknowledged(this.availability.writeStarted());
		}
		for (int i = 0; i < 4; i++) {
			this.availability.writeFailed(this.availability.writeStarted(), new TimeoutException("expired"), false);
		}
		assertThat(this.availability.state()).isEqualTo(State.CLOSED);

		this.availability.writeFailed(this.availability.writeStarted(), new TimeoutException("expired"), false);

		assertThat(this.availability.state()).isEqualTo(State.OPEN);
		assertThat(this.availability.admit()).hasValueSatisfying(refusal -> assertThat(refusal)
			.isEqualTo("failed recent writes and is tried again within 2000 ms"));
		assertThat(this.availability.advice()).endsWith("; the last write failed with "
				+ "org.apache.kafka.common.errors.TimeoutException: expired.");
		this.clock.advance(Duration.ofMillis(2_001));
		assertThat(this.availability.admit()).isEmpty();
		assertThat(this.availability.state()).isEqualTo(State.HALF_OPEN);
	}

	@Test
	void aRecordTooLargeSaysNothingAboutTheCluster() {
		for (int i = 0; i < 20; i++) {
			this.availability.writeFailed(this.availability.writeStarted(), new RecordTooLargeException("8 MB"), false);
		}
		assertThat(this.availability.state()).isEqualTo(State.CLOSED);
		assertThat(this.availability.admit()).isEmpty();
	}

	@Test
	void aLostProtocolRecordRefusesSubmissionsUntilRestart() {
		this.availability.writeFailed(this.availability.writeStarted(), new TimeoutException("expired"), true);
		this.availability.writeAcknowledged(this.availability.writeStarted());

		assertThat(this.availability.admit()).hasValueSatisfying(refusal -> assertThat(refusal)
			.contains("lost a protocol record").contains("until it is restarted"));
	}

	@Test
	void writesAbandonedByAClosingProducerAreNotFailuresOfTheLog() {
		long write = this.availability.writeStarted();
		this.availability.close();
		this.availability.writeFailed(write, new TimeoutException("closing"), true);
		assertThat(this.availability.advice()).doesNotContain("closing");
	}

	/** A clock the test moves; the same time for write ages (nanoseconds) and the breaker (instants). */
	private static final class TestClock extends Clock {

		private final AtomicLong nanos = new AtomicLong(TimeUnit.SECONDS.toNanos(1_000));

		long nanos() {
			return this.nanos.get();
		}

		void advance(Duration duration) {
			this.nanos.addAndGet(duration.toNanos());
		}

		@Override
		public Instant instant() {
			return Instant.ofEpochSecond(0, this.nanos.get());
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
