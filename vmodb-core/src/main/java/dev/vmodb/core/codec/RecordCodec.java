package dev.vmodb.core.codec;

import java.lang.invoke.MethodHandle;
import java.util.Objects;

/**
 * Encodes and decodes one record type as its components in declaration order, through handles resolved once.
 *
 * @param <T> the record type
 */
public final class RecordCodec<T extends Record> {

	// ClassValue rather than a static map, so that caching an event type does not pin its class loader.
	private static final ClassValue<RecordCodec<?>> CACHE = new ClassValue<>() {
		@Override
		protected RecordCodec<?> computeValue(Class<?> type) {
			return CodecFactory.build(type);
		}
	};

	private final Class<T> type;

	private final String[] names;

	// No names or type tags go on the wire, so both sides must agree on the components: renaming one is safe,
	// reordering or retyping one is not. Each handle is (EventWriter, Object)void: an accessor fused with a writer.
	private final MethodHandle[] writers;

	private final FieldCodec[] readers;

	// The canonical constructor, spread to take an Object[] of the components.
	private final MethodHandle constructor;

	// Last encoded size, so encode(T) usually allocates a buffer that fits at once; races only cost a resize.
	private int sizeHint = 64;

	RecordCodec(Class<T> type, String[] names, MethodHandle[] writers, FieldCodec[] readers, MethodHandle constructor) {
		this.type = type;
		this.names = names;
		this.writers = writers;
		this.readers = readers;
		this.constructor = constructor;
	}

	/**
	 * Returns the codec of a record type, building and caching it on first use; safe to call from any thread.
	 * @param <T> the record type
	 * @param type the record type
	 * @return the codec
	 * @throws UnsupportedEventTypeException naming the record, component, type and fix if a component is unsupported
	 */
	@SuppressWarnings("unchecked")
	public static <T extends Record> RecordCodec<T> of(Class<T> type) {
		return (RecordCodec<T>) CACHE.get(Objects.requireNonNull(type, "type"));
	}

	/**
	 * Returns the (cached) codec of a record type known only at run time, such as a handler's declared type.
	 * @param type a record type
	 * @return its codec, reading and writing any record of that type
	 * @throws ClassCastException if the type is not a record
	 */
	@SuppressWarnings("unchecked")
	public static RecordCodec<Record> forType(Class<?> type) {
		return of((Class<Record>) type.asSubclass(Record.class));
	}

	/**
	 * Checks that a type is a record whose components can all be serialised, without caching its codec.
	 * @param type any class, so that callers can validate handler parameter types before knowing they are records
	 * @throws UnsupportedEventTypeException if the type is not a record or a component type is unsupported
	 */
	public static void requireSupported(Class<?> type) {
		CodecFactory.build(Objects.requireNonNull(type, "type"));
	}

	public Class<T> type() {
		return this.type;
	}

	public byte[] encode(T value) {
		EventWriter out = new EventWriter(this.sizeHint);
		encode(value, out);
		this.sizeHint = out.size();
		return out.toByteArray();
	}

	/**
	 * Appends one event to a writer, so that many can be packed into one buffer and read back in order.
	 * @param value the event, not null
	 * @param out the writer to append to
	 */
	public void encode(T value, EventWriter out) {
		encodeRecord(Objects.requireNonNull(value, "value"), out);
	}

	/**
	 * Decodes an array holding exactly one event of this type.
	 * @param bytes the bytes from {@link #encode(Record)}
	 * @return the event
	 * @throws IllegalStateException if the bytes are truncated or longer than one event
	 */
	public T decode(byte[] bytes) {
		EventReader in = new EventReader(bytes);
		T value = decode(in);
		if (in.hasRemaining()) {
			throw new IllegalStateException(in.remaining() + " bytes left after decoding " + this.type.getName()
					+ "; were they written for another type?");
		}
		return value;
	}

	/**
	 * Decodes the next event from a reader, leaving it positioned after that event.
	 * @param in the reader
	 * @return the event
	 */
	@SuppressWarnings("unchecked")
	public T decode(EventReader in) {
		FieldCodec[] readers = this.readers;
		Object[] components = new Object[readers.length];
		for (int i = 0; i < readers.length; i++) {
			components[i] = readers[i].read(in);
		}
		Object value;
		try {
			// Assigned to Object first: a cast to T would make the call site expect (Object[])Record.
			value = this.constructor.invokeExact(components);
		}
		catch (RuntimeException | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new IllegalStateException("Constructor of " + this.type.getName() + " failed", ex);
		}
		return (T) value;
	}

	// Takes Object because nested record codecs only know the type at run time.
	void encodeRecord(Object value, EventWriter out) {
		MethodHandle[] writers = this.writers;
		int i = 0;
		try {
			for (; i < writers.length; i++) {
				writers[i].invokeExact(out, value);
			}
		}
		catch (ClassCastException ex) {
			// Heap pollution, e.g. an Integer smuggled into a List<String>: say which component held it.
			throw new IllegalArgumentException("Cannot encode component '" + this.names[i] + "' of "
					+ this.type.getName() + ": " + ex.getMessage(), ex);
		}
		catch (RuntimeException | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new IllegalStateException("Accessor of " + this.type.getName() + " failed", ex);
		}
	}

	@Override
	public String toString() {
		return "RecordCodec[" + this.type.getName() + "]";
	}

}
