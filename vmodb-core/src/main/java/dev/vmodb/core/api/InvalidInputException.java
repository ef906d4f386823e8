package dev.vmodb.core.api;

import java.util.List;
import java.util.Objects;

/**
 * Tells a submitter its input event was refused before entering the log: it violates constraints declared on the
 * event record, or it cannot be encoded. Thrown by {@link VmsClient#submit} itself, so nothing was queued, no
 * transaction id was spent and no VMS ever sees the event; fix the input and submit again.
 */
public class InvalidInputException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	private final String event;

	private final List<String> violations;

	/**
	 * Creates an exception listing every violation, so a submitter can fix them all at once.
	 * @param event the event name
	 * @param violations what is wrong, each as {@code "component: message"}; not empty
	 */
	public InvalidInputException(String event, List<String> violations) {
		this(event, violations, null);
	}

	/**
	 * Creates an exception for an input that could not be checked or encoded.
	 * @param event the event name
	 * @param violations what is wrong; not empty
	 * @param cause the failure behind it, or {@code null}
	 */
	public InvalidInputException(String event, List<String> violations, Throwable cause) {
		super(message(event, violations), cause);
		this.event = event;
		this.violations = List.copyOf(violations);
	}

	private static String message(String event, List<String> violations) {
		Objects.requireNonNull(violations, "violations");
		if (violations.isEmpty()) {
			throw new IllegalArgumentException("An invalid input needs at least one violation");
		}
		return "Input event '" + event + "' refused: " + String.join("; ", violations);
	}

	/**
	 * The event that was refused.
	 * @return its name
	 */
	public String event() {
		return this.event;
	}

	/**
	 * Every violation found, in a stable order.
	 * @return the violations, each as {@code "component: message"} (or a sentence when the input cannot be encoded)
	 */
	public List<String> violations() {
		return this.violations;
	}

}
