package dev.vmodb.core.codec;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Encodes a Map as its size followed by (nullable) key-value pairs, decoding to a LinkedHashMap in the sender's order.
 */
final class MapCodec implements FieldCodec {

	private final FieldCodec keys;

	private final FieldCodec values;

	MapCodec(FieldCodec keys, FieldCodec values) {
		this.keys = new NullableCodec(keys);
		this.values = new NullableCodec(values);
	}

	@Override
	public void write(EventWriter out, Object value) {
		Map<?, ?> map = (Map<?, ?>) value;
		out.writeUnsignedVarInt(map.size());
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			this.keys.write(out, entry.getKey());
			this.values.write(out, entry.getValue());
		}
	}

	@Override
	public Object read(EventReader in) {
		int size = in.readLength();
		Map<Object, Object> map = new LinkedHashMap<>(CollectionCodec.capacity(size));
		for (int i = 0; i < size; i++) {
			map.put(this.keys.read(in), this.values.read(in));
		}
		return map;
	}

}
