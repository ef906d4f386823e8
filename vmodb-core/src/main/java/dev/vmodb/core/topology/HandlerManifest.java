package dev.vmodb.core.topology;

import java.util.Objects;

import dev.vmodb.core.metadata.HandlerDefinition;

/**
 * What other processes must know about a handler to route its transaction's events: names only, no code.
 *
 * @param handler a readable name: {@code Class.method}
 * @param inboundEvent the event it handles
 * @param outboundEvent the event it emits, or {@code null}
 * @param terminal whether its outbound event ends the transaction
 */
public record HandlerManifest(String handler, String inboundEvent, String outboundEvent, boolean terminal) {

	public HandlerManifest {
		Objects.requireNonNull(handler, "handler");
		Objects.requireNonNull(inboundEvent, "inboundEvent");
	}

	/**
	 * The manifest of a declared handler.
	 * @param definition the handler
	 * @return its manifest
	 */
	public static HandlerManifest of(HandlerDefinition definition) {
		return new HandlerManifest(definition.name(), definition.inboundEvent(), definition.outboundEvent(),
				definition.terminal());
	}

}
