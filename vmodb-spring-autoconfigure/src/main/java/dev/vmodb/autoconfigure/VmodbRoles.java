package dev.vmodb.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

import dev.vmodb.kafka.KafkaNode;

/**
 * Starts and stops the application's vMODB roles with the application context.
 *
 * <p>Start connects the roles to the log on a thread of its own, so context refresh never waits for the log: the
 * roles report {@link State#STARTING} meanwhile (readiness is DOWN), then {@link State#RUNNING}. A failed start is
 * reported as Boot reports a failed start-up (its failure analyzers' description and action), breaks liveness and,
 * with {@code vmodb.startup.fail-fast}, closes the context.
 *
 * <p>Stop is graceful: the client takes no new submissions, those in flight reach their outcome (for up to
 * {@code vmodb.shutdown.drain-timeout}), then the roles close and every VMS writes a last checkpoint. It runs in a
 * phase after the web server's graceful shutdown, so HTTP requests waiting for transactions finish first.
 */
public final class VmodbRoles implements SmartLifecycle {

	/** After the web server has stopped (its phases are {@code DEFAULT_PHASE - 1024} and {@code - 2048}). */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private static final Logger logger = Logger.getLogger(VmodbRoles.class.getName());

	/** Where the roles are in their life. */
	public enum State {

		/** Not started yet, or stopped. */
		STOPPED,

		/** Connecting to the log. */
		STARTING,

		/** Every role runs. */
		RUNNING,

		/** Connecting failed; {@link VmodbRoles#failure()} says why. */
		FAILED

	}

	private final KafkaNode node;

	private final VmsRuntimes runtimes;

	private final List<String> inputEvents;

	private final Duration drainTimeout;

	private final StartFailureReporter failureReporter;

	private final ApplicationEventPublisher events;

	private volatile State state = State.STOPPED;

	private volatile FailureAnalysis failure;

	private volatile Thread starter;

	VmodbRoles(KafkaNode node, VmsRuntimes runtimes, List<String> inputEvents,
			Duration drainTimeout, StartFailureReporter failureReporter, ApplicationEventPublisher events) {
		this.node = node;
		this.runtimes = runtimes;
		this.inputEvents = List.copyOf(inputEvents);
		this.drainTimeout = drainTimeout;
		this.failureReporter = failureReporter;
		this.events = events;
	}

	@Override
	public synchronized void start() {
		if (this.state != State.STOPPED) {
			return;
		}
		this.state = State.STARTING;
		Thread thread = new Thread(this::connect, "vmodb-start");
		thread.setDaemon(true);
		this.starter = thread;
		thread.start();
	}

	private void connect() {
		try {
			this.node.connect();
			if (this.node.coordinates()) {
				// VMSs of other applications are part of the topology only now
				this.node.topology().requireInputs(this.inputEvents);
			}
			this.state = State.RUNNING;
			logger.info(() -> "vMODB roles started on " + this.node.topicPrefix() + (this.node.coordinates()
					? " (coordinator)" : ""));
		}
		catch (RuntimeException ex) {
			if (this.state != State.STARTING) {
				return; // stopped while connecting: the failure is the stop's doing
			}
			this.state = State.FAILED;
			AvailabilityChangeEvent.publish(this.events, this, LivenessState.BROKEN);
			this.failure = this.failureReporter.report(ex);
		}
	}

	/**
	 * Waits until the roles run or failed to start.
	 * @param timeout the longest wait
	 * @return the state then
	 * @throws InterruptedException if interrupted
	 */
	public State awaitStarted(Duration timeout) throws InterruptedException {
		Thread thread = this.starter;
		if (thread != null) {
			thread.join(Math.max(1, timeout.toMillis()));
		}
		return this.state;
	}

	/**
	 * Where the roles are.
	 * @return the state
	 */
	public State state() {
		return this.state;
	}

	/**
	 * Why the roles failed to start, as reported: the failure, its description and the action to take.
	 * @return the analysis, or {@code null} unless {@link State#FAILED}
	 */
	public FailureAnalysis failure() {
		return this.failure;
	}

	@Override
	public void stop() {
		Thread thread;
		synchronized (this) {
			if (this.state == State.STOPPED) {
				return;
			}
			thread = this.starter;
			this.state = State.STOPPED;
		}
		if (thread != null && thread.isAlive()) {
			// still connecting: nothing is in flight yet, and closing the node ends the connection attempt
			thread.interrupt();
		}
		else {
			drain();
		}
		this.node.close();
		this.runtimes.destroy();
	}

	private void drain() {
		try {
			int left = this.node.client().drain(this.drainTimeout);
			if (left > 0) {
				logger.warning(() -> left + " transaction(s) had no outcome after vmodb.shutdown.drain-timeout ("
						+ this.drainTimeout.toMillis() + " ms); their submitters get them as in doubt and may resubmit "
						+ "them with their idempotency keys");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			logger.log(Level.WARNING, "Interrupted while waiting for the transactions in flight", ex);
		}
	}

	@Override
	public boolean isRunning() {
		return this.state != State.STOPPED;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
