package dev.vmodb.core.codec;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tests the wire primitives that every field codec is built from.
 */
class EventWriterReaderUnitTests {

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, -1, 63, -64, 64, -65, 8191, 8192, Integer.MAX_VALUE, Integer.MIN_VALUE })
	void varIntRoundTripsAndIsZigZagSized(int value) {
		EventWriter out = new EventWriter(0);
		out.writeVarInt(value);
		long zigZag = ((long) value << 1) ^ (value >> 31);
		int significantBits = 64 - Long.numberOfLeadingZeros(zigZag);
		int expectedSize = Math.max(1, (significantBits + 6) / 7);
		assertThat(out.size()).isEqualTo(expectedSize);
		EventReader in = new EventReader(out.toByteArray());
		assertThat(in.readVarInt()).isEqualTo(value);
		assertThat(in.hasRemaining()).isFalse();
	}

	@ParameterizedTest
	@ValueSource(longs = { 0, 1, -1, 127, -128, 1L << 35, -(1L << 35), Long.MAX_VALUE, Long.MIN_VALUE })
	void varLongRoundTrips(long value) {
		EventWriter out = new EventWriter();
		out.writeVarLong(value);
		out.writeUnsignedVarLong(value);
		EventReader in = new EventReader(out.toByteArray());
		assertThat(in.readVarLong()).isEqualTo(value);
		assertThat(in.readUnsignedVarLong()).isEqualTo(value);
		assertThat(in.hasRemaining()).isFalse();
	}

	@Test
	void smallNegativeNumbersTakeOneByte() {
		EventWriter out = new EventWriter();
		out.writeVarInt(-1);
		out.writeVarLong(-64);
		assertThat(out.size()).isEqualTo(2);
		// Without zig-zag, -1 would need all five bytes.
		out.writeUnsignedVarInt(-1);
		assertThat(out.size()).isEqualTo(7);
	}

	@Test
	void fixedWidthValuesRoundTripBitExactly() {
		EventWriter out = new EventWriter(1);
		out.writeInt(Integer.MIN_VALUE);
		out.writeLong(0x0102030405060708L);
		out.writeFloat(Float.NaN);
		out.writeDouble(-0.0);
		out.writeBoolean(true);
		out.writeByte(-7);
		assertThat(out.size()).isEqualTo(4 + 8 + 4 + 8 + 1 + 1);
		EventReader in = new EventReader(out.toByteArray());
		assertThat(in.readInt()).isEqualTo(Integer.MIN_VALUE);
		assertThat(in.readLong()).isEqualTo(0x0102030405060708L);
		assertThat(Float.floatToRawIntBits(in.readFloat())).isEqualTo(Float.floatToRawIntBits(Float.NaN));
		assertThat(Double.doubleToRawLongBits(in.readDouble())).isEqualTo(Double.doubleToRawLongBits(-0.0));
		assertThat(in.readBoolean()).isTrue();
		assertThat(in.readByte()).isEqualTo((byte) -7);
		assertThat(in.hasRemaining()).isFalse();
	}

	@Test
	void stringsAreEncodedAsTheJdkEncodesUtf8() {
		Random random = new Random(42);
		for (int i = 0; i < 2000; i++) {
			String value = RandomValues.string(random);
			EventWriter out = new EventWriter(0);
			out.writeString(value);
			byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
			EventReader in = new EventReader(out.toByteArray());
			assertThat(in.readLength()).isEqualTo(utf8.length);
			assertThat(out.toByteArray()).endsWith(utf8);
			assertThat(new EventReader(out.toByteArray()).readString()).isEqualTo(value);
		}
	}

	@Test
	void unpairedSurrogatesBecomeQuestionMarksLikeTheJdk() {
		String value = "a\uD800b\uDC00" + "\uD83D";
		EventWriter out = new EventWriter();
		out.writeString(value);
		String decoded = new EventReader(out.toByteArray()).readString();
		String jdk = new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
		assertThat(decoded).isEqualTo("a?b??").isEqualTo(jdk);
	}

	@Test
	void bytesAreLengthPrefixedAndCopied() {
		byte[] value = { 1, 2, 3 };
		EventWriter out = new EventWriter();
		out.writeBytes(value);
		out.writeBytes(new byte[0]);
		byte[] encoded = out.toByteArray();
		assertThat(encoded).containsExactly(3, 1, 2, 3, 0);
		EventReader in = new EventReader(encoded);
		byte[] decoded = in.readBytes();
		assertThat(decoded).containsExactly(1, 2, 3);
		encoded[1] = 9;
		assertThat(decoded[0]).isEqualTo((byte) 1);
		assertThat(in.readBytes()).isEmpty();
	}

	@Test
	void resetReusesTheWriter() {
		EventWriter out = new EventWriter(2);
		out.writeString("a longer value than two bytes");
		out.reset();
		assertThat(out.size()).isZero();
		out.writeVarInt(5);
		assertThat(out.toByteArray()).containsExactly(10);
	}

	@Test
	void readerHonoursOffsetAndLength() {
		byte[] bytes = { 99, 2, 4, 99 };
		EventReader in = new EventReader(bytes, 1, 2);
		assertThat(in.remaining()).isEqualTo(2);
		assertThat(in.readVarInt()).isEqualTo(1);
		assertThat(in.readVarInt()).isEqualTo(2);
		assertThat(in.hasRemaining()).isFalse();
		assertThatIllegalStateException().isThrownBy(in::readByte).withMessageContaining("end of input");
		assertThatThrownBy(() -> new EventReader(bytes, 3, 2)).isInstanceOf(IndexOutOfBoundsException.class);
	}

	@Test
	void truncatedOrMalformedInputIsReported() {
		assertThatIllegalStateException().isThrownBy(() -> new EventReader(new byte[] { 1, 2 }).readLong())
			.withMessageContaining("end of input");
		assertThatIllegalStateException().isThrownBy(() -> new EventReader(new byte[] { 5, 'a' }).readString())
			.withMessageContaining("length 5");
		byte[] endless = { (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 1 };
		assertThatIllegalStateException().isThrownBy(() -> new EventReader(endless).readVarInt())
			.withMessageContaining("longer than 5 bytes");
		assertThatIllegalStateException().isThrownBy(() -> new EventReader(new byte[] { 2 }).readBoolean())
			.withMessageContaining("boolean");
	}

}
