package dev.vmodb.samples.marketplace.driver;

import java.io.PrintStream;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import dev.vmodb.samples.marketplace.driver.report.LatencyLog;
import dev.vmodb.samples.marketplace.driver.report.Measurements;
import dev.vmodb.samples.marketplace.driver.report.ProgressLine;
import dev.vmodb.samples.marketplace.driver.report.ReportTable;
import dev.vmodb.samples.marketplace.driver.report.RunFigures;
import dev.vmodb.samples.marketplace.driver.report.RunWindow;
import dev.vmodb.samples.marketplace.driver.shop.ShopClient;
import dev.vmodb.samples.marketplace.driver.workload.ClosedLoop;
import dev.vmodb.samples.marketplace.driver.workload.Workload;

/**
 * The timed part of a run: the closed loop through the warm-up and the measured window with a progress line every
 * second, then no new transaction and a bounded wait for those in flight. Ctrl-C during it prints what was measured.
 */
final class LoadPhase {

	private final DriverSettings settings;

	private final PrintStream out;

	LoadPhase(DriverSettings settings, PrintStream out) {
		this.settings = settings;
		this.out = out;
	}

	/**
	 * Runs the workload until the window closes and the requests in flight are answered (or the wait ends).
	 * @return the run's window and whether every request was answered
	 */
	Result run(Workload workload, ShopClient shop, Measurements measurements) {
		DriverSettings s = this.settings;
		ExecutorService loopThreads = Executors
			.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), daemonThreads("driver-loop"));
		ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemonThreads("driver-progress"));
		ClosedLoop loop = new ClosedLoop(workload, s.mix(), measurements, loopThreads);
		long start = System.nanoTime();
		RunWindow window = new RunWindow(start, start + s.warmUp().toNanos(),
				start + s.warmUp().plus(s.duration()).toNanos());
		Thread interrupted = new Thread(() -> printSoFar(loop, measurements, window), "driver-interrupted");
		Runtime.getRuntime().addShutdownHook(interrupted);
		try {
			ProgressLine progress = new ProgressLine(measurements, window, shop::outstanding, this.out);
			ticker.scheduleAtFixedRate(progress, 1, 1, TimeUnit.SECONDS);
			CompletableFuture<Void> finished = loop.start(s.inFlight(), s.seed());
			sleepUntil(window.measureTo());
			loop.stop();
			boolean drained = await(finished, drainTimeout());
			ticker.shutdownNow();
			progress.run();
			if (!drained) {
				this.out.printf("Driver: %d requests still unanswered after %d s%n", shop.outstanding(),
						drainTimeout().toSeconds());
			}
			return new Result(window, drained);
		}
		finally {
			ticker.shutdownNow();
			loopThreads.shutdownNow();
			removeHook(interrupted);
		}
	}

	/** A checkout in flight may still have a cart to fill: allow it a few request time-outs. */
	Duration drainTimeout() {
		return this.settings.requestTimeout().multipliedBy(3);
	}

	/** Every answer so far, per type. */
	static Map<TransactionType, LatencyLog.Entries> answers(Measurements measurements) {
		Map<TransactionType, LatencyLog.Entries> answers = new EnumMap<>(TransactionType.class);
		for (TransactionType type : TransactionType.values()) {
			answers.put(type, measurements.entries(type));
		}
		return answers;
	}

	/** On Ctrl-C during the run: stop issuing and print what was measured up to now. */
	private void printSoFar(ClosedLoop loop, Measurements measurements, RunWindow window) {
		loop.stop();
		long now = System.nanoTime();
		RunWindow soFar = new RunWindow(window.start(), Math.min(window.measureFrom(), now),
				Math.min(window.measureTo(), now));
		RunFigures figures = RunFigures.of(answers(measurements), soFar);
		this.out.println();
		this.out.println("Driver: interrupted; what was measured so far (no audit):");
		this.out.print(ReportTable.format(figures.types(), figures.total()));
	}

	private static void removeHook(Thread hook) {
		try {
			Runtime.getRuntime().removeShutdownHook(hook);
		}
		catch (IllegalStateException ex) {
			// the JVM is already shutting down: the hook runs and prints what it has
		}
	}

	private static boolean await(CompletableFuture<Void> finished, Duration timeout) {
		try {
			finished.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (TimeoutException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (ExecutionException ex) {
			// the slots' futures never fail: a transaction's failure is recorded inside the loop
			return true;
		}
	}

	private static void sleepUntil(long deadline) {
		long left;
		while ((left = deadline - System.nanoTime()) > 0) {
			try {
				TimeUnit.NANOSECONDS.sleep(left);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private static ThreadFactory daemonThreads(String name) {
		AtomicInteger count = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	/** The run's window and whether every request was answered at its end. */
	record Result(RunWindow window, boolean drained) {
	}

}
