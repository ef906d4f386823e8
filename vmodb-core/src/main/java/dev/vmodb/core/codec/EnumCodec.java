package dev.vmodb.core.codec;

import java.util.HashMap;
import java.util.Map;

/**
 * Encodes enum constants by name, so reordering or adding constants never changes the meaning of stored events.
 */
final class EnumCodec implements FieldCodec {

	private final Class<?> type;

	private final Map<String, Object> byName = new HashMap<>();

	EnumCodec(Class<?> type) {
		this.type = type;
		for (Object constant : type.getEnumConstants()) {
			this.byName.put(((Enum<?>) constant).name(), constant);
		}
	}

	@Override
	public void write(EventWriter out, Object value) {
		out.writeString(((Enum<?>) value).name());
	}

	@Override
	public Object read(EventReader in) {
		String name = in.readString();
		Object constant = this.byName.get(name);
		if (constant == null) {
			throw new IllegalStateException("Enum " + this.type.getName() + " has no constant " + name
					+ "; was it renamed or removed after the event was written?");
		}
		return constant;
	}

}
