package dev.vmodb.autoconfigure.diagnostics;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.vmodb.core.metadata.DeclarationException;

/**
 * Reports a VMS, handler, entity or event declared in a way the runtime cannot honour: the exception's message
 * names the class and member and what is wrong.
 */
class DeclarationFailureAnalyzer extends AbstractFailureAnalyzer<DeclarationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DeclarationException cause) {
		return new FailureAnalysis("A virtual microservice is declared wrongly: " + cause.getMessage(),
				"Fix the declaration of the class and member named above (its annotations, handler signature or "
						+ "entity mapping), or the vmodb.* property it names, as the description says.",
				cause);
	}

}
