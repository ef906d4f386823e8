package dev.vmodb.samples.marketplace.driver;

/**
 * What the driver does.
 */
public enum Mode {

	/** Run the workload, report it and audit it. */
	RUN,

	/** Fetch one snapshot of the shop and audit the state alone. */
	AUDIT

}
