package dev.vmodb.autoconfigure.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.vmodb.core.monitor.Outcome;

/**
 * The meters of {@link EngineEventMeters} in one registry. Meters whose tags are known only when the engine reports
 * (event, VMS, handler, reason) are registered on first use and kept, so the listener, called on the engine's
 * threads, builds no meter after the first time.
 */
final class BoundEngineMeters {

	/** The tag value standing for the coordinator where a VMS or handler is named: it rejected the transaction. */
	static final String NONE = "none";

	private final MeterRegistry registry;

	private final boolean transactionHistogram;

	private final Map<TransactionKey, Timer> transactions = new ConcurrentHashMap<>();

	private final Map<AbortKey, Counter> aborts = new ConcurrentHashMap<>();

	private final Map<String, Timer> checkpoints = new ConcurrentHashMap<>();

	private volatile BatchMeters batches;

	BoundEngineMeters(MeterRegistry registry, boolean transactionHistogram, boolean coordinates) {
		this.registry = registry;
		this.transactionHistogram = transactionHistogram;
		if (coordinates) {
			// a counter present at 0 lets a rate be computed before the first re-run
			this.batches = new BatchMeters(registry);
		}
	}

	Timer transaction(String event, Outcome outcome) {
		return this.transactions.computeIfAbsent(new TransactionKey(event, outcome), key -> Timer
			.builder("vmodb.transactions")
			.description("Submitted transactions from submission to outcome, at the submitting client")
			.tag("event", key.event())
			.tag("outcome", key.outcome().tag())
			.publishPercentileHistogram(this.transactionHistogram)
			.register(this.registry));
	}

	DistributionSummary batchSize() {
		return batches().size();
	}

	Timer batchCommit() {
		return batches().commit();
	}

	Counter reruns() {
		return batches().reruns();
	}

	Counter rerunTransactions() {
		return batches().rerunTransactions();
	}

	Counter aborts(String vms, String handler, String reasonClass) {
		return this.aborts.computeIfAbsent(new AbortKey(vms, handler, reasonClass), key -> Counter
			.builder("vmodb.aborts")
			.description("Transactions aborted in committed batches, by where they failed and the class of reason")
			.tag("vms", key.vms().isEmpty() ? NONE : key.vms())
			.tag("handler", key.handler().isEmpty() ? NONE : key.handler())
			.tag("reason", key.reasonClass())
			.register(this.registry));
	}

	Timer checkpoint(String vms) {
		return this.checkpoints.computeIfAbsent(vms, name -> Timer.builder("vmodb.checkpoint")
			.description("Checkpoints written: committed batches materialised into a VMS's database")
			.tag("vms", name)
			.register(this.registry));
	}

	/** The coordinator's meters, registered when the first batch is decided in an application not known to coordinate. */
	private BatchMeters batches() {
		BatchMeters current = this.batches;
		if (current == null) {
			synchronized (this) {
				current = this.batches;
				if (current == null) {
					current = new BatchMeters(this.registry);
					this.batches = current;
				}
			}
		}
		return current;
	}

	private record TransactionKey(String event, Outcome outcome) {
	}

	private record AbortKey(String vms, String handler, String reasonClass) {
	}

	/** The meters only a coordinator records. */
	private record BatchMeters(DistributionSummary size, Timer commit, Counter reruns, Counter rerunTransactions) {

		BatchMeters(MeterRegistry registry) {
			this(DistributionSummary.builder("vmodb.batch.size")
				.description("Transactions per committed batch, committed and aborted")
				.baseUnit("transactions")
				.register(registry),
					Timer.builder("vmodb.batch.commit")
						.description("Batches from sealing to the coordinator's commit decision")
						.register(registry),
					Counter.builder("vmodb.batch.reruns")
						.description("Batches run again from a transaction that read a version of an aborted one")
						.register(registry),
					Counter.builder("vmodb.batch.rerun.transactions")
						.description("Transactions run again by batch re-runs")
						.baseUnit("transactions")
						.register(registry));
		}

	}

}
