package dev.vmodb.core.codec;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The codecs of the fixed set of value types, each boxed type sharing the wire format of its primitive.
 */
enum ScalarCodec implements FieldCodec {

	BOOLEAN(boolean.class, Boolean.class, "writeBoolean"),
	BYTE(byte.class, Byte.class, "writeByte"),
	SHORT(short.class, Short.class, "writeVarInt"),
	CHAR(char.class, Character.class, "writeUnsignedVarInt"),
	INT(int.class, Integer.class, "writeVarInt"),
	LONG(long.class, Long.class, "writeVarLong"),
	FLOAT(float.class, Float.class, "writeFloat"),
	DOUBLE(double.class, Double.class, "writeDouble"),
	STRING(String.class),
	BYTES(byte[].class),
	BIG_INTEGER(BigInteger.class),
	BIG_DECIMAL(BigDecimal.class),
	UUID_VALUE(UUID.class),
	INSTANT(Instant.class),
	DURATION(Duration.class),
	LOCAL_DATE(LocalDate.class),
	LOCAL_DATE_TIME(LocalDateTime.class);

	private static final Map<Class<?>, ScalarCodec> BY_TYPE = new HashMap<>();

	static {
		for (ScalarCodec codec : values()) {
			BY_TYPE.put(codec.boxed, codec);
			if (codec.primitive != null) {
				BY_TYPE.put(codec.primitive, codec);
			}
		}
	}

	private final Class<?> primitive;

	private final Class<?> boxed;

	private final String writerName;

	ScalarCodec(Class<?> type) {
		this(null, type, null);
	}

	ScalarCodec(Class<?> primitive, Class<?> boxed, String writerName) {
		this.primitive = primitive;
		this.boxed = boxed;
		this.writerName = writerName;
	}

	@Override
	public void write(EventWriter out, Object value) {
		// One switch instead of a class per constant: a table jump, and half the code.
		switch (this) {
			case BOOLEAN -> out.writeBoolean((Boolean) value);
			case BYTE -> out.writeByte((Byte) value);
			case SHORT -> out.writeVarInt((Short) value);
			case CHAR -> out.writeUnsignedVarInt((Character) value);
			case INT -> out.writeVarInt((Integer) value);
			case LONG -> out.writeVarLong((Long) value);
			case FLOAT -> out.writeFloat((Float) value);
			case DOUBLE -> out.writeDouble((Double) value);
			case STRING -> out.writeString((String) value);
			case BYTES -> out.writeBytes((byte[]) value);
			case BIG_INTEGER -> out.writeBytes(((BigInteger) value).toByteArray());
			case BIG_DECIMAL -> {
				// The scale travels too, so 1.0 and 1.00 stay distinct as BigDecimal.equals expects.
				BigDecimal decimal = (BigDecimal) value;
				out.writeVarInt(decimal.scale());
				out.writeBytes(decimal.unscaledValue().toByteArray());
			}
			case UUID_VALUE -> {
				// Random UUIDs use all 64 bits, so varints would only make them longer.
				UUID uuid = (UUID) value;
				out.writeLong(uuid.getMostSignificantBits());
				out.writeLong(uuid.getLeastSignificantBits());
			}
			case INSTANT -> {
				Instant instant = (Instant) value;
				out.writeVarLong(instant.getEpochSecond());
				out.writeUnsignedVarInt(instant.getNano());
			}
			case DURATION -> {
				Duration duration = (Duration) value;
				out.writeVarLong(duration.getSeconds());
				out.writeUnsignedVarInt(duration.getNano());
			}
			case LOCAL_DATE -> out.writeVarLong(((LocalDate) value).toEpochDay());
			case LOCAL_DATE_TIME -> {
				LocalDateTime dateTime = (LocalDateTime) value;
				out.writeVarLong(dateTime.toLocalDate().toEpochDay());
				out.writeUnsignedVarLong(dateTime.toLocalTime().toNanoOfDay());
			}
		}
	}

	@Override
	public Object read(EventReader in) {
		return switch (this) {
			case BOOLEAN -> in.readBoolean();
			case BYTE -> in.readByte();
			case SHORT -> (short) in.readVarInt();
			case CHAR -> (char) in.readUnsignedVarInt();
			case INT -> in.readVarInt();
			case LONG -> in.readVarLong();
			case FLOAT -> in.readFloat();
			case DOUBLE -> in.readDouble();
			case STRING -> in.readString();
			case BYTES -> in.readBytes();
			case BIG_INTEGER -> new BigInteger(in.readBytes());
			case BIG_DECIMAL -> {
				int scale = in.readVarInt();
				yield new BigDecimal(new BigInteger(in.readBytes()), scale);
			}
			case UUID_VALUE -> new UUID(in.readLong(), in.readLong());
			case INSTANT -> Instant.ofEpochSecond(in.readVarLong(), in.readUnsignedVarInt());
			case DURATION -> Duration.ofSeconds(in.readVarLong(), in.readUnsignedVarInt());
			case LOCAL_DATE -> LocalDate.ofEpochDay(in.readVarLong());
			case LOCAL_DATE_TIME -> LocalDateTime.of(LocalDate.ofEpochDay(in.readVarLong()),
					LocalTime.ofNanoOfDay(in.readUnsignedVarLong()));
		};
	}

	/**
	 * Finds the codec of a primitive, boxed or other value type.
	 * @param type a component or type-argument class
	 * @return the codec, or null when the type is not a scalar
	 */
	static ScalarCodec forType(Class<?> type) {
		return BY_TYPE.get(type);
	}

	/**
	 * Returns the {@link EventWriter} method that writes this primitive unboxed, typed {@code (EventWriter, p)void},
	 * so that primitive components are written without allocating a box.
	 * @return the handle
	 */
	MethodHandle primitiveWriter() {
		try {
			MethodHandle writer = MethodHandles.publicLookup().findVirtual(EventWriter.class, this.writerName,
					MethodType.methodType(void.class, widened(this.primitive)));
			return writer.asType(MethodType.methodType(void.class, EventWriter.class, this.primitive));
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("EventWriter lacks " + this.writerName, ex);
		}
	}

	// byte, short and char share the int writers; asType widens them.
	private static Class<?> widened(Class<?> primitive) {
		return (primitive == byte.class || primitive == short.class || primitive == char.class) ? int.class : primitive;
	}

}
