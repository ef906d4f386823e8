package dev.vmodb.core.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A growable byte buffer that events are encoded into, reusable via {@link #reset()} and not thread-safe.
 */
public final class EventWriter {

	// Little-endian matches the common CPUs, so the view handles compile to plain stores.
	static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

	static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	private byte[] buffer;

	private int position;

	/** Creates a writer with room for a few small events before it has to grow. */
	public EventWriter() {
		this(256);
	}

	/**
	 * Creates a writer with the given initial capacity.
	 * @param initialCapacity bytes to allocate up front, at least 0
	 */
	public EventWriter(int initialCapacity) {
		if (initialCapacity < 0) {
			throw new IllegalArgumentException("initialCapacity must not be negative: " + initialCapacity);
		}
		this.buffer = new byte[initialCapacity];
	}

	public void writeByte(int value) {
		ensure(1);
		this.buffer[this.position++] = (byte) value;
	}

	public void writeBoolean(boolean value) {
		writeByte(value ? 1 : 0);
	}

	/** Writes four bytes, little-endian, for values whose magnitude makes a varint no shorter. */
	public void writeInt(int value) {
		ensure(4);
		INTS.set(this.buffer, this.position, value);
		this.position += 4;
	}

	/** Writes eight bytes, little-endian, for values whose magnitude makes a varint no shorter. */
	public void writeLong(long value) {
		ensure(8);
		LONGS.set(this.buffer, this.position, value);
		this.position += 8;
	}

	public void writeFloat(float value) {
		writeInt(Float.floatToRawIntBits(value));
	}

	public void writeDouble(double value) {
		writeLong(Double.doubleToRawLongBits(value));
	}

	/** Writes a signed int in 1 to 5 bytes, zig-zag encoded so that -1 takes one byte. */
	public void writeVarInt(int value) {
		writeUnsignedVarInt((value << 1) ^ (value >> 31));
	}

	/** Writes a signed long in 1 to 10 bytes, zig-zag encoded so that -1 takes one byte. */
	public void writeVarLong(long value) {
		writeUnsignedVarLong((value << 1) ^ (value >> 63));
	}

	/** Writes an int as unsigned in 1 to 5 bytes, 7 bits per byte with the least significant group first. */
	public void writeUnsignedVarInt(int value) {
		ensure(5);
		byte[] buf = this.buffer;
		int pos = this.position;
		while ((value & ~0x7F) != 0) {
			buf[pos++] = (byte) ((value & 0x7F) | 0x80);
			value >>>= 7;
		}
		buf[pos++] = (byte) value;
		this.position = pos;
	}

	/** Writes a long as unsigned in 1 to 10 bytes; meant for non-negative values. */
	public void writeUnsignedVarLong(long value) {
		ensure(10);
		byte[] buf = this.buffer;
		int pos = this.position;
		while ((value & ~0x7FL) != 0) {
			buf[pos++] = (byte) ((value & 0x7F) | 0x80);
			value >>>= 7;
		}
		buf[pos++] = (byte) value;
		this.position = pos;
	}

	/**
	 * Writes the UTF-8 byte length, then the UTF-8 bytes; encoded in place to avoid an intermediate array.
	 * Unpaired surrogates become {@code '?'}, as with {@link String#getBytes(java.nio.charset.Charset)}.
	 */
	public void writeString(String value) {
		int length = value.length();
		int utf8Length = utf8Length(value);
		writeUnsignedVarInt(utf8Length);
		ensure(utf8Length);
		byte[] buf = this.buffer;
		int pos = this.position;
		for (int i = 0; i < length; i++) {
			char c = value.charAt(i);
			if (c < 0x80) {
				buf[pos++] = (byte) c;
			}
			else if (c < 0x800) {
				buf[pos++] = (byte) (0xC0 | (c >> 6));
				buf[pos++] = (byte) (0x80 | (c & 0x3F));
			}
			else if (Character.isSurrogate(c)) {
				if (isPairAt(value, i)) {
					int cp = Character.toCodePoint(c, value.charAt(++i));
					buf[pos++] = (byte) (0xF0 | (cp >> 18));
					buf[pos++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
					buf[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
					buf[pos++] = (byte) (0x80 | (cp & 0x3F));
				}
				else {
					buf[pos++] = '?';
				}
			}
			else {
				buf[pos++] = (byte) (0xE0 | (c >> 12));
				buf[pos++] = (byte) (0x80 | ((c >> 6) & 0x3F));
				buf[pos++] = (byte) (0x80 | (c & 0x3F));
			}
		}
		this.position = pos;
	}

	/** Writes the length, then the bytes. */
	public void writeBytes(byte[] value) {
		writeUnsignedVarInt(value.length);
		ensure(value.length);
		System.arraycopy(value, 0, this.buffer, this.position, value.length);
		this.position += value.length;
	}

	/** Returns a copy of the bytes written since creation or the last {@link #reset()}. */
	public byte[] toByteArray() {
		return Arrays.copyOf(this.buffer, this.position);
	}

	/** Returns the number of bytes written since creation or the last {@link #reset()}. */
	public int size() {
		return this.position;
	}

	/** Forgets the written bytes but keeps the buffer, so a writer can be reused without allocating. */
	public void reset() {
		this.position = 0;
	}

	private static int utf8Length(String value) {
		int length = value.length();
		int bytes = length;
		for (int i = 0; i < length; i++) {
			char c = value.charAt(i);
			if (c >= 0x80) {
				if (c < 0x800) {
					bytes += 1;
				}
				else if (!Character.isSurrogate(c)) {
					bytes += 2;
				}
				else if (isPairAt(value, i)) {
					// Two chars become four bytes.
					bytes += 2;
					i++;
				}
			}
		}
		return bytes;
	}

	private static boolean isPairAt(String value, int i) {
		return Character.isHighSurrogate(value.charAt(i)) && i + 1 < value.length()
				&& Character.isLowSurrogate(value.charAt(i + 1));
	}

	private void ensure(int bytes) {
		if (this.buffer.length - this.position < bytes) {
			long needed = (long) this.position + bytes;
			if (needed > Integer.MAX_VALUE - 8) {
				throw new IllegalStateException("Event buffer would exceed 2 GB");
			}
			int grown = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(needed, 2L * this.buffer.length));
			this.buffer = Arrays.copyOf(this.buffer, grown);
		}
	}

}
