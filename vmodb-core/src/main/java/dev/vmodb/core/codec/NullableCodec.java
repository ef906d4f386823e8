package dev.vmodb.core.codec;

/**
 * Prefixes a reference value with a presence byte, so null survives the round trip.
 */
final class NullableCodec implements FieldCodec {

	private final FieldCodec values;

	NullableCodec(FieldCodec values) {
		this.values = values;
	}

	@Override
	public void write(EventWriter out, Object value) {
		if (value == null) {
			out.writeByte(0);
		}
		else {
			out.writeByte(1);
			this.values.write(out, value);
		}
	}

	@Override
	public Object read(EventReader in) {
		return in.readBoolean() ? this.values.read(in) : null;
	}

}
