package dev.vmodb.jpa.checkpoint;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * Moves one column's values between rows and JDBC, turning what the driver returns into the column's Java type.
 */
final class ColumnCodec {

	private static final Map<Class<?>, Integer> SQL_TYPES = Map.ofEntries(Map.entry(String.class, Types.VARCHAR),
			Map.entry(Long.class, Types.BIGINT), Map.entry(Integer.class, Types.INTEGER),
			Map.entry(Short.class, Types.SMALLINT), Map.entry(Byte.class, Types.TINYINT),
			Map.entry(Boolean.class, Types.BOOLEAN), Map.entry(Double.class, Types.DOUBLE),
			Map.entry(Float.class, Types.REAL), Map.entry(Character.class, Types.CHAR),
			Map.entry(BigDecimal.class, Types.NUMERIC), Map.entry(BigInteger.class, Types.NUMERIC),
			Map.entry(Instant.class, Types.TIMESTAMP_WITH_TIMEZONE), Map.entry(LocalDate.class, Types.DATE),
			Map.entry(LocalDateTime.class, Types.TIMESTAMP), Map.entry(LocalTime.class, Types.TIME),
			Map.entry(UUID.class, Types.OTHER), Map.entry(byte[].class, Types.VARBINARY));

	private final Class<?> javaType;

	private final int sqlType;

	/** Drivers may lack {@code getObject(int, Class)} for some types; then values are converted here. */
	private volatile boolean typedGet = true;

	ColumnCodec(Class<?> javaType) {
		this.javaType = javaType;
		this.sqlType = SQL_TYPES.getOrDefault(javaType, Types.NULL);
	}

	void bind(PreparedStatement statement, int index, Object value) throws SQLException {
		if (value == null) {
			statement.setNull(index, this.sqlType);
		}
		else if (value instanceof Character character) {
			// JDBC has no Character mapping; CHAR(1) takes a one-character string everywhere.
			statement.setString(index, character.toString());
		}
		else {
			statement.setObject(index, value);
		}
	}

	Object read(ResultSet resultSet, int index) throws SQLException {
		if (this.typedGet) {
			try {
				return resultSet.getObject(index, this.javaType);
			}
			catch (SQLFeatureNotSupportedException ex) {
				this.typedGet = false;
			}
		}
		return convert(resultSet.getObject(index));
	}

	/** The fallback conversions: what JDBC 4.1 drivers commonly return instead of the declared type. */
	private Object convert(Object value) {
		if (value == null || this.javaType.isInstance(value)) {
			return value;
		}
		if (value instanceof Number number) {
			return convertNumber(number);
		}
		if (value instanceof java.sql.Timestamp timestamp) {
			return (this.javaType == Instant.class) ? timestamp.toInstant() : convertTemporal(timestamp.toLocalDateTime());
		}
		if (value instanceof OffsetDateTime offset) {
			return (this.javaType == Instant.class) ? offset.toInstant() : convertTemporal(offset.toLocalDateTime());
		}
		if (value instanceof java.sql.Date date && this.javaType == LocalDate.class) {
			return date.toLocalDate();
		}
		if (value instanceof java.sql.Time time && this.javaType == LocalTime.class) {
			return time.toLocalTime();
		}
		if (value instanceof String string && this.javaType == Character.class && string.length() == 1) {
			return string.charAt(0);
		}
		if (this.javaType == String.class) {
			return value.toString();
		}
		throw new IllegalArgumentException("Cannot convert " + value.getClass().getName() + " to " + this.javaType.getName());
	}

	private Object convertNumber(Number number) {
		if (this.javaType == Long.class) {
			return number.longValue();
		}
		if (this.javaType == Integer.class) {
			return number.intValue();
		}
		if (this.javaType == Short.class) {
			return number.shortValue();
		}
		if (this.javaType == Byte.class) {
			return number.byteValue();
		}
		if (this.javaType == Double.class) {
			return number.doubleValue();
		}
		if (this.javaType == Float.class) {
			return number.floatValue();
		}
		if (this.javaType == BigDecimal.class) {
			return new BigDecimal(number.toString());
		}
		if (this.javaType == BigInteger.class) {
			return new BigDecimal(number.toString()).toBigIntegerExact();
		}
		if (this.javaType == Boolean.class) {
			return number.intValue() != 0;
		}
		throw new IllegalArgumentException("Cannot convert " + number.getClass().getName() + " to " + this.javaType.getName());
	}

	private Object convertTemporal(LocalDateTime local) {
		if (this.javaType == LocalDateTime.class) {
			return local;
		}
		if (this.javaType == LocalDate.class) {
			return local.toLocalDate();
		}
		throw new IllegalArgumentException("Cannot convert a timestamp to " + this.javaType.getName());
	}

}
