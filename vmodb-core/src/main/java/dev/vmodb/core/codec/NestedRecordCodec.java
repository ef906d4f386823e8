package dev.vmodb.core.codec;

/**
 * Delegates a record-typed component to that record's codec, linked after the whole type graph is built.
 */
final class NestedRecordCodec implements FieldCodec {

	// Set once by CodecFactory after building, since a self-referencing record needs its codec before it exists.
	private volatile RecordCodec<?> target;

	void link(RecordCodec<?> codec) {
		this.target = codec;
	}

	@Override
	public void write(EventWriter out, Object value) {
		this.target.encodeRecord(value, out);
	}

	@Override
	public Object read(EventReader in) {
		return this.target.decode(in);
	}

}
