package dev.vmodb.core.metadata;

/**
 * Thrown at start-up when a VMS, handler, entity or event is declared in a way the runtime cannot honour. The
 * message names the class and member and says what to do.
 */
public class DeclarationException extends RuntimeException {

	public DeclarationException(String message) {
		super(message);
	}

	public DeclarationException(String message, Throwable cause) {
		super(message, cause);
	}

}
