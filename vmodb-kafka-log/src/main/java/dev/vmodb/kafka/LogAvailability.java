package dev.vmodb.kafka;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;

import dev.vmodb.core.log.LogHealth;
import dev.vmodb.core.monitor.EngineListener;

/**
 * Judges from the acknowledgements of the producer's writes whether the log takes writes, so that submissions fail
 * fast during an outage.
 *
 * <p>The producer retries a write for {@link LogResilience#deliveryTimeout()} (an hour by default) before failing
 * it, so during an outage writes neither succeed nor fail: they wait. The signal is therefore the age of the oldest
 * write still waiting: once it reaches {@link LogResilience#ackTimeout()}, a Resilience4j circuit breaker is opened
 * and submissions are refused for as long as that write waits. Failed writes open it too (half of the last 20, once
 * 10 are known), for {@link LogResilience#maxRetryBackoff()}. When nothing has waited too long any more (the
 * cluster is back and the waiting writes went out), the breaker lets one probe submission through (half-open) and
 * closes on the next acknowledged write, or opens again if that write waits too long or fails.
 * Only the breaker's state decides; its events are logged, and a watchdog thread opens it even when nobody
 * submits, and says every 30 s that the log is still silent.
 *
 * <p>A protocol record (control, events, done, registry) that the producer finally fails cannot be written again
 * out of order, and the role that wrote it cannot make progress without it: from then on every submission is
 * refused with a message saying the application must be restarted.
 */
final class LogAvailability implements LogHealth, AutoCloseable {

	private static final Logger logger = Logger.getLogger(LogAvailability.class.getName());

	private static final long REPORT_EVERY_NANOS = TimeUnit.SECONDS.toNanos(30);

	/** The breaker's name in its registry, and so in its metrics. */
	static final String BREAKER = "vmodb-log";

	private final String bootstrapServers;

	private final LogResilience resilience;

	private final long ackTimeoutNanos;

	private final LongSupplier nanoTime;

	private final CircuitBreaker circuit;

	/** Writes the log has not acknowledged yet: write number → when it was handed to the producer. */
	private final ConcurrentSkipListMap<Long, Long> waiting = new ConcurrentSkipListMap<>();

	private final AtomicLong nextWrite = new AtomicLong();

	private final ScheduledExecutorService watchdog;

	private volatile Throwable lastFailure;

	private volatile String lostRecord;

	private volatile boolean closed;

	private volatile EngineListener listener = EngineListener.NONE;

	private long nextReport;

	/**
	 * Creates the judge of one producer's writes and starts its watchdog.
	 * @param bootstrapServers the cluster, for messages
	 * @param resilience the timeouts
	 */
	LogAvailability(String bootstrapServers, LogResilience resilience, CircuitBreakerRegistry breakers) {
		this(bootstrapServers, resilience, System::nanoTime, Clock.systemUTC(), true, breakers);
	}

	/**
	 * Creates a judge on given clocks, for tests.
	 * @param bootstrapServers the cluster, for messages
	 * @param resilience the timeouts
	 * @param nanoTime the clock write ages are measured with
	 * @param clock the clock the breaker's open state is timed with
	 * @param watch whether to start the watchdog thread
	 */
	LogAvailability(String bootstrapServers, LogResilience resilience, LongSupplier nanoTime, Clock clock, boolean watch) {
		this(bootstrapServers, resilience, nanoTime, clock, watch, CircuitBreakerRegistry.ofDefaults());
	}

	/**
	 * Creates a judge on given clocks whose breaker is registered in a registry, where its metrics are bound.
	 * @param bootstrapServers the cluster, for messages
	 * @param resilience the timeouts
	 * @param nanoTime the clock write ages are measured with
	 * @param clock the clock the breaker's open state is timed with
	 * @param watch whether to start the watchdog thread
	 * @param breakers where the breaker is registered, as {@value #BREAKER}
	 */
	LogAvailability(String bootstrapServers, LogResilience resilience, LongSupplier nanoTime, Clock clock, boolean watch,
			CircuitBreakerRegistry breakers) {
		this.bootstrapServers = bootstrapServers;
		this.resilience = resilience;
		this.ackTimeoutNanos = resilience.ackTimeout().toNanos();
		this.nanoTime = nanoTime;
		this.nextReport = nanoTime.getAsLong();
		// a fresh breaker with this judge's settings, even where the registry knew one of that name before
		breakers.remove(BREAKER);
		this.circuit = breakers.circuitBreaker(BREAKER, CircuitBreakerConfig.custom()
			.slidingWindow(20, 10, SlidingWindowType.COUNT_BASED)
			.failureRateThreshold(50)
			.slowCallDurationThreshold(resilience.ackTimeout())
			.slowCallRateThreshold(100)
			// a record the cluster refuses for its size says nothing about the cluster
			.ignoreExceptions(RecordTooLargeException.class, RecordBatchTooLargeException.class)
			.waitDurationInOpenState(resilience.maxRetryBackoff())
			.permittedNumberOfCallsInHalfOpenState(1)
			.writableStackTraceEnabled(false)
			.clock(clock)
			.build());
		this.circuit.getEventPublisher().onStateTransition(event -> reportTransition(event.getStateTransition()));
		if (watch) {
			long period = Math.max(50, Math.min(1000, resilience.ackTimeout().toMillis() / 4));
			this.watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
				Thread thread = new Thread(runnable, "vmodb-log-watchdog");
				thread.setDaemon(true);
				return thread;
			});
			this.watchdog.scheduleWithFixedDelay(this::watch, period, period, TimeUnit.MILLISECONDS);
		}
		else {
			this.watchdog = null;
		}
	}

	/**
	 * Sets what is told when a protocol record is lost.
	 * @param listener the listener
	 */
	void reportTo(EngineListener listener) {
		this.listener = listener;
	}

	/**
	 * Notes a write handed to the producer.
	 * @return its number, to report its outcome with
	 */
	long writeStarted() {
		long write = this.nextWrite.incrementAndGet();
		this.waiting.put(write, this.nanoTime.getAsLong());
		return write;
	}

	/**
	 * Notes that the log acknowledged a write.
	 * @param write its number
	 */
	void writeAcknowledged(long write) {
		Long started = this.waiting.remove(write);
		if (started != null && !this.closed) {
			this.circuit.onSuccess(this.nanoTime.getAsLong() - started, TimeUnit.NANOSECONDS);
		}
	}

	/**
	 * Notes that the producer failed a write for good.
	 * @param write its number
	 * @param failure why
	 * @param protocol whether it was a protocol record, which cannot be written again in order
	 */
	void writeFailed(long write, Throwable failure, boolean protocol) {
		Long started = this.waiting.remove(write);
		if (started == null || this.closed) {
			return;
		}
		this.lastFailure = failure;
		if (protocol && this.lostRecord == null) {
			this.lostRecord = failure.toString();
			logger.severe(() -> "The event log at " + this.bootstrapServers + " did not take a protocol record ("
					+ failure + "); this application cannot make progress until it is restarted, and refuses "
					+ "submissions until then");
			this.listener.roleStalled("log", "the log refused a protocol record for good (" + failure + ")");
		}
		this.circuit.onError(this.nanoTime.getAsLong() - started, TimeUnit.NANOSECONDS, failure);
	}

	@Override
	public Optional<String> admit() {
		if (this.lostRecord != null) {
			return Optional.of("lost a protocol record (" + this.lostRecord + "); this application cannot make "
					+ "progress until it is restarted");
		}
		long silent = openIfSilent();
		if (silent >= 0) {
			return Optional.of(String.format("has not acknowledged a write for %,d ms (%,d write(s) waiting; "
					+ "vmodb.kafka.ack-timeout is %,d ms)", TimeUnit.NANOSECONDS.toMillis(silent), this.waiting.size(),
					this.resilience.ackTimeout().toMillis()));
		}
		if (this.circuit.tryAcquirePermission()) {
			return Optional.empty();
		}
		if (this.circuit.getState() == State.HALF_OPEN) {
			return Optional.of("is coming back after an outage and takes one probe submission until the log "
					+ "acknowledges a write");
		}
		return Optional.of("failed recent writes and is tried again within "
				+ this.resilience.maxRetryBackoff().toMillis() + " ms");
	}

	/** Opens the breaker when a write has waited too long; returns how long it waited, or -1 when none has. */
	private long openIfSilent() {
		Map.Entry<Long, Long> oldest = this.waiting.firstEntry();
		if (oldest == null) {
			return -1;
		}
		long silent = this.nanoTime.getAsLong() - oldest.getValue();
		if (silent < this.ackTimeoutNanos) {
			return -1;
		}
		synchronized (this) {
			if (this.circuit.getState() != State.OPEN) {
				// open for as long as the write waits (checked before the breaker is asked), not a moment more
				this.circuit.transitionToOpenStateFor(Duration.ZERO);
			}
		}
		return silent;
	}

	@Override
	public long unacknowledgedMillis() {
		Map.Entry<Long, Long> oldest = this.waiting.firstEntry();
		return (oldest != null) ? TimeUnit.NANOSECONDS.toMillis(this.nanoTime.getAsLong() - oldest.getValue()) : 0;
	}

	@Override
	public String advice() {
		Throwable failure = this.lastFailure;
		return "Check that the Kafka cluster at " + this.bootstrapServers + " (vmodb.kafka.bootstrap-servers) is running "
				+ "and reachable from this application" + ((failure != null) ? "; the last write failed with " + failure : "")
				+ ".";
	}

	/**
	 * The breaker's state, for tests and diagnostics.
	 * @return the state
	 */
	State state() {
		return this.circuit.getState();
	}

	/**
	 * What the log's writes look like now; answers at once.
	 * @return the state
	 */
	LogState snapshot() {
		return new LogState(this.circuit.getState().name(), unacknowledgedMillis(), this.waiting.size(), this.lostRecord);
	}

	/** Runs on the watchdog: opens the breaker when nobody submits, and keeps saying the log is silent. */
	private void watch() {
		try {
			long silent = openIfSilent();
			long now = this.nanoTime.getAsLong();
			if (silent >= 0 && now - this.nextReport >= 0) {
				this.nextReport = now + REPORT_EVERY_NANOS;
				logger.warning(String.format("The event log at %s has not acknowledged a write for %,d ms; %,d write(s) "
						+ "wait and are retried for up to %,d s (vmodb.kafka.delivery-timeout). Submissions are refused "
						+ "meanwhile.", this.bootstrapServers, TimeUnit.NANOSECONDS.toMillis(silent), this.waiting.size(),
						this.resilience.deliveryTimeout().toSeconds()));
			}
		}
		catch (RuntimeException ex) {
			logger.log(Level.WARNING, "Checking the event log's health failed", ex);
		}
	}

	private void reportTransition(CircuitBreaker.StateTransition transition) {
		if (this.closed) {
			return;
		}
		switch (transition.getToState()) {
			case OPEN -> {
				if (transition.getFromState() == State.CLOSED) {
					logger.warning(() -> "The event log at " + this.bootstrapServers + " stopped taking writes; "
							+ "submissions fail with LogUnavailableException until it is back. " + advice());
				}
			}
			case CLOSED -> logger.info(() -> "The event log at " + this.bootstrapServers
					+ " acknowledges writes again; submissions are accepted");
			default -> logger.fine(() -> "Event log circuit: " + transition);
		}
	}

	@Override
	public void close() {
		this.closed = true;
		if (this.watchdog != null) {
			this.watchdog.shutdownNow();
		}
	}

}
