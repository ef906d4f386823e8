package dev.vmodb.autoconfigure.metrics;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import dev.vmodb.core.monitor.EngineListener;
import dev.vmodb.core.monitor.Outcome;

/**
 * Records what the engine tells its listener as meters: transactions by input event and outcome, batch sizes and
 * commit latency, re-runs, aborts by reason class and checkpoint durations.
 *
 * <p>It is an {@link EngineListener} before it is bound to a registry: the node is built with every listener, and
 * the registry is bound only once every singleton exists, so taking the registry at construction would make the
 * node wait for the registry and every meter binder. What the engine reports before {@link #bindTo} is not
 * counted; Spring Boot binds before the roles start, so in an application nothing is lost. Bound again, it records
 * into the latest registry only.
 */
public final class EngineEventMeters implements EngineListener, MeterBinder {

	private final boolean transactionHistogram;

	private final boolean coordinates;

	private volatile BoundEngineMeters meters;

	/**
	 * Creates the listener, recording nothing until bound.
	 * @param transactionHistogram whether {@code vmodb.transactions} publishes a percentile histogram
	 * @param coordinates whether this application coordinates (its batch meters then exist from the start, at 0)
	 */
	public EngineEventMeters(boolean transactionHistogram, boolean coordinates) {
		this.transactionHistogram = transactionHistogram;
		this.coordinates = coordinates;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.meters = new BoundEngineMeters(registry, this.transactionHistogram, this.coordinates);
	}

	@Override
	public void transactionFinished(String event, Outcome outcome, long nanos) {
		BoundEngineMeters bound = this.meters;
		if (bound != null) {
			bound.transaction(event, outcome).record(nanos, TimeUnit.NANOSECONDS);
		}
	}

	@Override
	public void batchCommitted(long batch, int transactions, long nanos) {
		BoundEngineMeters bound = this.meters;
		if (bound != null) {
			bound.batchSize().record(transactions);
			bound.batchCommit().record(nanos, TimeUnit.NANOSECONDS);
		}
	}

	@Override
	public void batchRerun(long batch, long transactions) {
		BoundEngineMeters bound = this.meters;
		if (bound != null) {
			bound.reruns().increment();
			bound.rerunTransactions().increment(transactions);
		}
	}

	@Override
	public void transactionAborted(String vms, String handler, String reasonClass) {
		BoundEngineMeters bound = this.meters;
		if (bound != null) {
			bound.aborts(vms, handler, reasonClass).increment();
		}
	}

	@Override
	public void checkpointWritten(String vms, long nanos) {
		BoundEngineMeters bound = this.meters;
		if (bound != null) {
			bound.checkpoint(vms).record(nanos, TimeUnit.NANOSECONDS);
		}
	}

}
