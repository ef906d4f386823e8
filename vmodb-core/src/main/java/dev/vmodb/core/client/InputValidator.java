package dev.vmodb.core.client;

import java.util.List;

/**
 * Checks an input event before {@link TransactionClient} encodes and logs it, so that input the application
 * declares invalid is refused at the edge instead of running (and aborting) a transaction in every VMS.
 *
 * <p>The core knows no validation framework: an adapter implements this, for example over Bean Validation
 * annotations on the event record's components. It runs on the submitting thread, before anything is queued.
 */
@FunctionalInterface
public interface InputValidator {

	/** Accepts every input: the default when the application has no validator. */
	InputValidator NONE = (event, payload) -> List.of();

	/**
	 * Checks one input event.
	 * @param event the event name
	 * @param payload the event record, not null and of the declared type
	 * @return every violation, each as {@code "component: message"}, in a stable order; empty when the input is
	 * valid
	 */
	List<String> validate(String event, Record payload);

}
