package dev.vmodb.core.codec;

/**
 * Writes and reads the non-null values of one component type, resolved once when a record codec is built.
 */
interface FieldCodec {

	void write(EventWriter out, Object value);

	Object read(EventReader in);

}
