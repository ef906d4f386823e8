package dev.vmodb.core.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads back, in the same order, the values an {@link EventWriter} wrote; not thread-safe.
 */
public final class EventReader {

	private final byte[] bytes;

	private final int limit;

	private int position;

	/**
	 * Reads the whole array.
	 * @param bytes the encoded events, not copied
	 */
	public EventReader(byte[] bytes) {
		this(bytes, 0, bytes.length);
	}

	/**
	 * Reads {@code length} bytes from {@code offset}, so events can be decoded straight out of a larger buffer.
	 * @param bytes the buffer, not copied
	 * @param offset where the first event starts
	 * @param length how many bytes belong to the events
	 */
	public EventReader(byte[] bytes, int offset, int length) {
		if (offset < 0 || length < 0 || offset > bytes.length - length) {
			throw new IndexOutOfBoundsException(
					"offset " + offset + " and length " + length + " do not fit an array of " + bytes.length);
		}
		this.bytes = bytes;
		this.position = offset;
		this.limit = offset + length;
	}

	public byte readByte() {
		require(1);
		return this.bytes[this.position++];
	}

	public boolean readBoolean() {
		byte value = readByte();
		if ((value & ~1) != 0) {
			throw corrupt("boolean byte " + value);
		}
		return value != 0;
	}

	public int readInt() {
		require(4);
		int value = (int) EventWriter.INTS.get(this.bytes, this.position);
		this.position += 4;
		return value;
	}

	public long readLong() {
		require(8);
		long value = (long) EventWriter.LONGS.get(this.bytes, this.position);
		this.position += 8;
		return value;
	}

	public float readFloat() {
		return Float.intBitsToFloat(readInt());
	}

	public double readDouble() {
		return Double.longBitsToDouble(readLong());
	}

	public int readVarInt() {
		int raw = readUnsignedVarInt();
		return (raw >>> 1) ^ -(raw & 1);
	}

	public long readVarLong() {
		long raw = readUnsignedVarLong();
		return (raw >>> 1) ^ -(raw & 1);
	}

	public int readUnsignedVarInt() {
		int value = 0;
		for (int shift = 0; shift < 35; shift += 7) {
			byte b = readByte();
			value |= (b & 0x7F) << shift;
			if (b >= 0) {
				return value;
			}
		}
		throw corrupt("varint longer than 5 bytes");
	}

	public long readUnsignedVarLong() {
		long value = 0;
		for (int shift = 0; shift < 70; shift += 7) {
			byte b = readByte();
			value |= (long) (b & 0x7F) << shift;
			if (b >= 0) {
				return value;
			}
		}
		throw corrupt("varlong longer than 10 bytes");
	}

	public String readString() {
		int length = readLength();
		String value = new String(this.bytes, this.position, length, StandardCharsets.UTF_8);
		this.position += length;
		return value;
	}

	public byte[] readBytes() {
		int length = readLength();
		byte[] value = Arrays.copyOfRange(this.bytes, this.position, this.position + length);
		this.position += length;
		return value;
	}

	/**
	 * Reads a size written with {@link EventWriter#writeUnsignedVarInt(int)} and checks that at least that many bytes
	 * remain, which bounds allocations when the input is corrupt: every element takes at least one byte.
	 * @return the size
	 */
	public int readLength() {
		int length = readUnsignedVarInt();
		if (length < 0 || length > remaining()) {
			throw corrupt("length " + length + " with only " + remaining() + " bytes left");
		}
		return length;
	}

	public boolean hasRemaining() {
		return this.position < this.limit;
	}

	public int remaining() {
		return this.limit - this.position;
	}

	private void require(int count) {
		if (this.limit - this.position < count) {
			throw corrupt("end of input, " + count + " more bytes needed");
		}
	}

	private IllegalStateException corrupt(String detail) {
		return new IllegalStateException("Malformed event bytes at position " + this.position + ": " + detail);
	}

}
