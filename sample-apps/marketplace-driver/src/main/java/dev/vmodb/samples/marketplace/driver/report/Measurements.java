package dev.vmodb.samples.marketplace.driver.report;

import java.io.PrintStream;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import dev.vmodb.samples.marketplace.audit.Journal.Outcome;
import dev.vmodb.samples.marketplace.driver.TransactionType;
import dev.vmodb.samples.marketplace.driver.shop.Answer;

/**
 * Everything measured while the run goes: each answer per type, running totals for the progress line, errors by kind
 * (the first few printed as they happen) and the highest TID the shop answered with. Thread-safe: every slot records
 * here.
 */
public final class Measurements {

	/** Errors printed as they happen; the rest are only counted. */
	private static final int ERRORS_PRINTED = 5;

	private final Map<TransactionType, LatencyLog> logs = new EnumMap<>(TransactionType.class);

	private final LongAdder committed = new LongAdder();

	private final LongAdder aborted = new LongAdder();

	private final LongAdder unknown = new LongAdder();

	private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

	private final AtomicInteger errorsPrinted = new AtomicInteger();

	private final AtomicLong highestTid = new AtomicLong(-1);

	private final LastSecond lastSecond = new LastSecond();

	private final PrintStream out;

	public Measurements(PrintStream out) {
		this.out = out;
		for (TransactionType type : TransactionType.values()) {
			this.logs.put(type, new LatencyLog());
		}
	}

	/** Records one answer of a transaction of the given type. */
	public void record(TransactionType type, Answer answer) {
		Outcome outcome = answer.outcome();
		this.logs.get(type).add(answer.at().answered(), answer.latency(), outcome);
		switch (outcome) {
			case COMMITTED -> {
				this.committed.increment();
				this.lastSecond.add(answer.latency());
			}
			case ABORTED -> this.aborted.increment();
			case UNKNOWN -> {
				this.unknown.increment();
				error(type, (answer.status() == 0) ? "no answer" : "HTTP " + answer.status(), answer.describe());
			}
		}
		// a dashboard is a read and names no TID; its body is large, so it is not parsed for one
		if (outcome != Outcome.UNKNOWN && type != TransactionType.DASHBOARD) {
			long tid = answer.tid();
			this.highestTid.accumulateAndGet(tid, Math::max);
		}
	}

	/** Records a failure of the driver itself while running a transaction (a bug or an unreadable answer). */
	public void driverFailure(TransactionType type, Throwable failure) {
		error(type, "driver error", failure.toString());
	}

	private void error(TransactionType type, String kind, String message) {
		this.errors.computeIfAbsent(type.label() + ": " + kind, (key) -> new LongAdder()).increment();
		if (this.errorsPrinted.getAndIncrement() < ERRORS_PRINTED) {
			this.out.println("  error: " + type.label() + ": " + message);
		}
	}

	/** The answers of one type so far. */
	public LatencyLog.Entries entries(TransactionType type) {
		return this.logs.get(type).entries();
	}

	public long committed() {
		return this.committed.sum();
	}

	public long aborted() {
		return this.aborted.sum();
	}

	public long unknown() {
		return this.unknown.sum();
	}

	/** Errors so far by type and kind, for example {@code checkout: HTTP 503}. */
	public Map<String, Long> errors() {
		Map<String, Long> counts = new TreeMap<>();
		this.errors.forEach((kind, count) -> counts.put(kind, count.sum()));
		return counts;
	}

	/** The highest TID any answer named, {@code -1} if none did. */
	public long highestTid() {
		return this.highestTid.get();
	}

	/** The commits since the last call (the progress line's "last second"). */
	LastSecond.Figures takeLastSecond() {
		return this.lastSecond.take();
	}

}
