package dev.vmodb.core.codec;

/**
 * Thrown at start-up when an event type cannot be serialised, naming the offending component and the fix.
 */
public final class UnsupportedEventTypeException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	// Not serialisable: a Class may belong to a loader the receiving side does not have.
	private final transient Class<?> eventType;

	UnsupportedEventTypeException(Class<?> eventType, String message) {
		super(message);
		this.eventType = eventType;
	}

	/**
	 * The event type whose codec was requested, which may differ from the record holding the unsupported component.
	 * @return the requested type
	 */
	public Class<?> eventType() {
		return this.eventType;
	}

}
