package dev.vmodb.samples.marketplace.bench;

import java.util.List;
import java.util.Optional;

import dev.vmodb.benchmarks.H2Capacity;
import dev.vmodb.benchmarks.KafkaCapacity;

/**
 * Everything one bench produced: the machine, every run, and the raw capacities.
 *
 * @param machine what it ran on and how busy the machine was
 * @param settings the bench's settings as configured
 * @param runs every driver run, the mixes' runs first, in the order they ran
 * @param logCapacities the embedded broker's raw capacity at the mean record size vMODB logged in each mix's run
 * @param h2 H2's raw batched write capacity
 */
record BenchResult(Machine machine, BenchSettings settings, List<RunResult> runs, List<LogCapacity> logCapacities,
		H2Capacity.Figures h2) {

	Optional<RunResult> mixRun(Shop shop, String mix) {
		return this.runs.stream().filter((run) -> !run.sweep() && run.shop() == shop && run.mix().equals(mix)).findFirst();
	}

	Optional<RunResult> sweepRun(Shop shop, int inFlight) {
		return this.runs.stream()
			.filter((run) -> run.sweep() && run.shop() == shop && run.inFlight() == inFlight)
			.findFirst();
	}

	Optional<LogCapacity> logCapacity(String mix) {
		return this.logCapacities.stream().filter((capacity) -> capacity.mix().equals(mix)).findFirst();
	}

	/**
	 * The most requests per second the log could carry at what vMODB logged per committed request in a mix's run:
	 * the broker's raw capacity (the lower of produce and {@code read_committed} consume, in bytes per second) divided
	 * by the bytes logged per committed request.
	 */
	Optional<Double> limit(String mix) {
		Optional<RunResult> run = mixRun(Shop.VMODB, mix);
		Optional<LogCapacity> capacity = logCapacity(mix);
		if (run.isEmpty() || capacity.isEmpty() || !(run.get().loggedBytesPerCommit() > 0)) {
			return Optional.empty();
		}
		return Optional.of(capacity.get().bytesPerSecond() / run.get().loggedBytesPerCommit());
	}

	/**
	 * The raw capacity of the broker for records of one size.
	 *
	 * @param mix the mix whose vMODB run logged records of this mean size
	 * @param recordBytes the record size measured
	 * @param throughput producing, then consuming, such records
	 */
	record LogCapacity(String mix, int recordBytes, KafkaCapacity.Throughput throughput) {

		/** The lower of the produce and consume rates, in bytes per second. */
		double bytesPerSecond() {
			return Math.min(this.throughput.produce().megabytesPerSecond(),
					this.throughput.consume().megabytesPerSecond()) * 1e6;
		}

	}

	/**
	 * The machine the bench ran on.
	 *
	 * @param cores the processors the JVM sees
	 * @param java the Java version
	 * @param os the operating system and architecture
	 * @param started when the bench started (ISO-8601)
	 * @param seconds how long the bench ran
	 * @param loadBefore the one-minute load average when it started (-1 if unknown)
	 * @param loadAfter the one-minute load average when it ended (-1 if unknown)
	 */
	record Machine(int cores, String java, String os, String started, double seconds, double loadBefore,
			double loadAfter) {
	}

}
