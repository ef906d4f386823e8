package dev.vmodb.core.codec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;

/**
 * Encodes a List or Set as its size followed by its (nullable) elements in iteration order.
 */
final class CollectionCodec implements FieldCodec {

	private final FieldCodec elements;

	private final boolean set;

	private CollectionCodec(FieldCodec elements, boolean set) {
		this.elements = new NullableCodec(elements);
		this.set = set;
	}

	/** Decodes to an ArrayList, which unlike List.of accepts null elements. */
	static CollectionCodec list(FieldCodec elements) {
		return new CollectionCodec(elements, false);
	}

	/** Decodes to a LinkedHashSet, keeping the order the sender iterated in. */
	static CollectionCodec set(FieldCodec elements) {
		return new CollectionCodec(elements, true);
	}

	@Override
	public void write(EventWriter out, Object value) {
		Collection<?> collection = (Collection<?>) value;
		out.writeUnsignedVarInt(collection.size());
		for (Object element : collection) {
			this.elements.write(out, element);
		}
	}

	@Override
	public Object read(EventReader in) {
		int size = in.readLength();
		Collection<Object> collection = this.set ? new LinkedHashSet<>(capacity(size)) : new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			collection.add(this.elements.read(in));
		}
		return collection;
	}

	// Sized so that the hash table never rehashes while it is filled.
	static int capacity(int size) {
		return (int) Math.min(Integer.MAX_VALUE, size * 4L / 3 + 1);
	}

}
