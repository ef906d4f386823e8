package dev.vmodb.samples.marketplace.driver.report;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.IntSupplier;

/**
 * Prints the live progress line, e.g.
 * {@code   12 s: 8,412 committed, 95 aborted, 0 unknown, 701 tx/s (last 1 s), p99 38.0 ms, in flight 64}.
 * Called about once a second; it reports what was committed since its last call.
 */
public final class ProgressLine implements Runnable {

	private final Measurements measurements;

	private final RunWindow window;

	private final IntSupplier inFlight;

	private final PrintStream out;

	private long lastPrinted;

	public ProgressLine(Measurements measurements, RunWindow window, IntSupplier inFlight, PrintStream out) {
		this.measurements = measurements;
		this.window = window;
		this.inFlight = inFlight;
		this.out = out;
		this.lastPrinted = window.start();
	}

	@Override
	public synchronized void run() {
		long now = System.nanoTime();
		double since = Math.max(1e-3, (now - this.lastPrinted) / 1e9);
		this.lastPrinted = now;
		LastSecond.Figures last = this.measurements.takeLastSecond();
		String phase = (now - this.window.measureFrom() < 0) ? " (warm-up)"
				: (now - this.window.measureTo() > 0) ? " (draining)" : "";
		this.out.println(String.format(Locale.ROOT,
				"%5d s: %,d committed, %,d aborted, %,d unknown, %,.0f tx/s (last %s s), p99 %.1f ms, in flight %d%s",
				(now - this.window.start()) / 1_000_000_000L, this.measurements.committed(),
				this.measurements.aborted(), this.measurements.unknown(), last.committed() / since,
				String.format(Locale.ROOT, (since < 0.95) ? "%.1f" : "%.0f", since),
				last.p99Ms(), this.inFlight.getAsInt(), phase));
	}

}
