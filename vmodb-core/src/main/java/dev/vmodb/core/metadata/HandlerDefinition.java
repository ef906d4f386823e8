package dev.vmodb.core.metadata;

import java.lang.invoke.MethodHandle;

import dev.vmodb.core.api.TransactionType;
import dev.vmodb.core.scheduler.ExecutionMode;
import dev.vmodb.core.schema.CompositeKey;

/**
 * A handler of a VMS as declared, with a cached invoker so the hot path needs no reflection.
 *
 * @param vms the VMS name
 * @param name a readable name: {@code Class.method}
 * @param inboundEvent the event it handles
 * @param inboundType the record type of that event
 * @param outboundEvent the event it emits, or {@code null}
 * @param outboundType the record type it returns, or {@code null}
 * @param terminal whether its outbound event ends the transaction (handed to the submitter, consumed by no VMS)
 * @param type what it does with the VMS state
 * @param mode how it may overlap with neighbouring transactions
 * @param invoker {@code (Object event) -> Object result}, bound to the VMS instance
 * @param partitionAccessors {@code (Object event) -> Object} per partition component; empty unless partitioned
 */
public record HandlerDefinition(String vms, String name, String inboundEvent, Class<?> inboundType,
		String outboundEvent, Class<?> outboundType, boolean terminal, TransactionType type, ExecutionMode mode, MethodHandle invoker,
		MethodHandle[] partitionAccessors) {

	/**
	 * Runs the handler.
	 * @param event the input event
	 * @return the emitted event, or {@code null} when the handler emits none
	 * @throws Throwable what the handler threw
	 */
	public Object invoke(Object event) throws Throwable {
		return this.invoker.invokeExact(event);
	}

	/**
	 * The partition an event belongs to.
	 * @param event the input event
	 * @return the partition key (one value or a composite key), or {@code null} unless the handler is partitioned
	 */
	public Object partitionKeyOf(Object event) {
		if (this.partitionAccessors.length == 0) {
			return null;
		}
		try {
			if (this.partitionAccessors.length == 1) {
				return (Object) this.partitionAccessors[0].invokeExact(event);
			}
			Object[] values = new Object[this.partitionAccessors.length];
			for (int i = 0; i < values.length; i++) {
				values[i] = (Object) this.partitionAccessors[i].invokeExact(event);
			}
			return CompositeKey.of(values);
		}
		catch (Throwable ex) {
			throw new IllegalStateException("Cannot read the partition key of " + this.inboundEvent, ex);
		}
	}

}
