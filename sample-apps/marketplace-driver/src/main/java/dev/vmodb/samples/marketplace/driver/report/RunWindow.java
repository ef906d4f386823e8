package dev.vmodb.samples.marketplace.driver.report;

/**
 * The run's points on the driver's clock (nanoseconds): it starts, the warm-up ends and the measured window opens,
 * the window closes and the driver stops issuing.
 */
public record RunWindow(long start, long measureFrom, long measureTo) {

	private static final double NANOS_PER_SECOND = 1_000_000_000.0;

	/** Whether an answer at this time counts for the figures. */
	public boolean measured(long answeredAt) {
		return answeredAt - this.measureFrom >= 0 && answeredAt - this.measureTo <= 0;
	}

	/** The measured window in seconds. */
	public double measuredSeconds() {
		return (this.measureTo - this.measureFrom) / NANOS_PER_SECOND;
	}

	/** The warm-up in seconds. */
	public double warmUpSeconds() {
		return (this.measureFrom - this.start) / NANOS_PER_SECOND;
	}

	/** The whole second of the run a time falls in, from 0. */
	public int second(long time) {
		return (int) Math.max(0, (time - this.start) / 1_000_000_000L);
	}

}
