package dev.vmodb.core.metadata;

import java.util.List;
import java.util.Map;

/**
 * A virtual microservice as declared: its name, its entity classes and its handlers by inbound event.
 *
 * @param name the VMS name
 * @param type the class declaring it
 * @param entityClasses the entity classes listed on the annotation (empty: take the package's entities)
 * @param handlers the handlers by the event they handle
 */
public record VmsDefinition(String name, Class<?> type, List<Class<?>> entityClasses,
		Map<String, HandlerDefinition> handlers) {

	public VmsDefinition {
		entityClasses = List.copyOf(entityClasses);
		handlers = Map.copyOf(handlers);
	}

	/**
	 * The handler of an event.
	 * @param event the event name
	 * @return the handler, or {@code null} if this VMS does not handle it
	 */
	public HandlerDefinition handlerOf(String event) {
		return this.handlers.get(event);
	}

}
