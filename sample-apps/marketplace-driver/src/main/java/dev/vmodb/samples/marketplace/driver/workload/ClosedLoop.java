package dev.vmodb.samples.marketplace.driver.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;

import dev.vmodb.samples.marketplace.driver.Mix;
import dev.vmodb.samples.marketplace.driver.TransactionType;
import dev.vmodb.samples.marketplace.driver.report.Measurements;

/**
 * The closed loop: a fixed number of slots, each running one transaction at a time; when one completes, its slot
 * draws the next type from the mix and starts it, until the loop is stopped. So the load adapts to the shop's speed
 * and never exceeds the configured number of transactions in flight.
 */
public final class ClosedLoop {

	private final Workload workload;

	private final Mix mix;

	private final Measurements measurements;

	private final Executor executor;

	private volatile boolean stopping;

	/**
	 * @param executor runs each slot's next step, so that a chain of completions never grows the stack
	 */
	public ClosedLoop(Workload workload, Mix mix, Measurements measurements, Executor executor) {
		this.workload = workload;
		this.mix = mix;
		this.measurements = measurements;
		this.executor = executor;
	}

	/**
	 * Starts the slots.
	 * @param slots how many transactions run at once
	 * @param seed seeds the slots' random sources (each slot its own, split from it)
	 * @return completes once every slot has finished its last transaction after {@link #stop()}
	 */
	public CompletableFuture<Void> start(int slots, long seed) {
		SplittableRandom root = new SplittableRandom(seed);
		List<CompletableFuture<Void>> finished = new ArrayList<>();
		for (int slot = 0; slot < slots; slot++) {
			CompletableFuture<Void> done = new CompletableFuture<>();
			finished.add(done);
			SplittableRandom random = root.split();
			this.executor.execute(() -> next(random, done));
		}
		return CompletableFuture.allOf(finished.toArray(CompletableFuture[]::new));
	}

	/** Stops starting transactions; those in flight finish. */
	public void stop() {
		this.stopping = true;
	}

	private void next(RandomGenerator random, CompletableFuture<Void> done) {
		if (this.stopping) {
			done.complete(null);
			return;
		}
		TransactionType type = this.mix.choose(random.nextInt(100));
		CompletableFuture<Void> running;
		try {
			running = this.workload.run(type, random);
		}
		catch (RuntimeException ex) {
			running = CompletableFuture.failedFuture(ex);
		}
		running.whenCompleteAsync((ignored, failure) -> {
			if (failure != null) {
				this.measurements.driverFailure(type, failure);
			}
			next(random, done);
		}, this.executor);
	}

}
