package dev.vmodb.core.log;

import java.util.Optional;

/**
 * Whether the event log takes writes now, as its implementation sees from the acknowledgements of its writes.
 * The client asks before it accepts each submission, so that submitters learn of an outage at once instead of
 * queuing work the log cannot take.
 */
public interface LogHealth {

	/** A log that always takes writes, for logs that do not track their health. */
	LogHealth ALWAYS_AVAILABLE = new LogHealth() {

		@Override
		public Optional<String> admit() {
			return Optional.empty();
		}

		@Override
		public long unacknowledgedMillis() {
			return 0;
		}

		@Override
		public String advice() {
			return "check the event log";
		}

	};

	/**
	 * Asks whether one more submission may be written now. A log coming back after an outage may admit only a few
	 * until their writes are acknowledged, so each call counts as one submission.
	 * @return empty to admit it; otherwise why not, as a clause completing "The event log ...", for example
	 * "has not acknowledged a write for 5,312 ms"
	 */
	Optional<String> admit();

	/**
	 * How long the oldest write still waiting for the log's acknowledgement has waited.
	 * @return milliseconds; 0 when no write is waiting
	 */
	long unacknowledgedMillis();

	/**
	 * What an operator should check when the log is unavailable: where it is, which setting names it, and its
	 * last failure if any.
	 * @return a sentence
	 */
	String advice();

}
