package dev.vmodb.core.monitor;

import java.util.Locale;

/**
 * How a submitted transaction ended for its submitter.
 */
public enum Outcome {

	/** Its batch committed with it. */
	COMMITTED,

	/** Its batch committed without it: a handler failed or asked to abort, or the coordinator rejected it. */
	ABORTED,

	/** The submitter cannot tell: the log refused its input record, or the client closed before the outcome. */
	IN_DOUBT;

	/**
	 * The outcome as a metric tag or JSON value.
	 * @return the lower-case name, with '-' for '_'
	 */
	public String tag() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
