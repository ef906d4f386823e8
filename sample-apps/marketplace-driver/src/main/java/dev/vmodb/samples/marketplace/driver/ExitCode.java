package dev.vmodb.samples.marketplace.driver;

/**
 * The driver's process exit codes (the README lists them).
 */
public enum ExitCode {

	/** The run completed; the audit, when on, found no violation. */
	OK(0),

	/** The run could not be done: bad settings, shop unreachable or empty, audit could not run, requests not drained. */
	FAILED(1),

	/** The audit found at least one violation. */
	VIOLATED(2);

	private final int code;

	ExitCode(int code) {
		this.code = code;
	}

	public int code() {
		return this.code;
	}

}
