package dev.vmodb.core.api;

import java.util.Map;

import dev.vmodb.core.codec.RecordCodec;

/**
 * The outcome of a committed transaction.
 *
 * @param tid its transaction id: its place in the serial order
 * @param batch the batch it committed in
 * @param outputs the terminal events it emitted (see {@code @Outbound(terminal = true)}) by name: the record when
 * this application knows the event's type, otherwise its encoded bytes (read them with {@link #output(String, Class)})
 */
public record TransactionResult(long tid, long batch, Map<String, Object> outputs) {

	public TransactionResult {
		outputs = Map.copyOf(outputs);
	}

	/**
	 * The transaction's result when it emitted exactly one terminal event.
	 * @return that event, or {@code null} when it emitted none or several
	 */
	public Object output() {
		return (this.outputs.size() == 1) ? this.outputs.values().iterator().next() : null;
	}

	/**
	 * A terminal event as a record of the given type.
	 * @param <T> the record type
	 * @param event the event name
	 * @param type its record type
	 * @return the event, or {@code null} if the transaction did not emit it
	 */
	public <T extends Record> T output(String event, Class<T> type) {
		Object output = this.outputs.get(event);
		if (output instanceof byte[] bytes) {
			return RecordCodec.of(type).decode(bytes);
		}
		return type.cast(output);
	}

}
