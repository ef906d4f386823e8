package dev.vmodb.core.codec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Generates random values that favour the edges: extremes, empties, nulls and characters outside ASCII.
 */
final class RandomValues {

	private static final int[] INT_EDGES = { 0, 1, -1, 63, -64, 64, Integer.MAX_VALUE, Integer.MIN_VALUE };

	private static final long[] LONG_EDGES = { 0, 1, -1, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE };

	private static final double[] DOUBLE_EDGES = { 0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY,
			Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE };

	private static final float[] FLOAT_EDGES = { 0.0f, -0.0f, Float.NaN, Float.NEGATIVE_INFINITY, Float.MIN_VALUE,
			Float.MAX_VALUE };

	private RandomValues() {
	}

	static <T> T nullable(Random random, Supplier<T> value) {
		return (random.nextInt(6) == 0) ? null : value.get();
	}

	static int anyInt(Random random) {
		return random.nextBoolean() ? INT_EDGES[random.nextInt(INT_EDGES.length)] : random.nextInt();
	}

	static long anyLong(Random random) {
		// Shifting spreads values over every varint length rather than mostly the longest.
		return random.nextBoolean() ? LONG_EDGES[random.nextInt(LONG_EDGES.length)]
				: random.nextLong() >> random.nextInt(64);
	}

	static double anyDouble(Random random) {
		return random.nextBoolean() ? DOUBLE_EDGES[random.nextInt(DOUBLE_EDGES.length)] : random.nextGaussian() * 1e6;
	}

	static float anyFloat(Random random) {
		return random.nextBoolean() ? FLOAT_EDGES[random.nextInt(FLOAT_EDGES.length)] : random.nextFloat() - 0.5f;
	}

	/** Mixes ASCII, Latin-1, the rest of the BMP and supplementary code points such as emoji; no lone surrogates. */
	static String string(Random random) {
		int length = random.nextInt(4) == 0 ? 0 : random.nextInt(40);
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < length; i++) {
			int cp = switch (random.nextInt(4)) {
				case 0 -> random.nextInt(0x80);
				case 1 -> 0x80 + random.nextInt(0x780);
				case 2 -> {
					int bmp = 0x800 + random.nextInt(0x10000 - 0x800);
					yield Character.isSurrogate((char) bmp) ? 'x' : bmp;
				}
				default -> 0x10000 + random.nextInt(Character.MAX_CODE_POINT - 0xFFFF);
			};
			text.appendCodePoint(cp);
		}
		return text.toString();
	}

	static BigInteger bigInteger(Random random) {
		BigInteger value = new BigInteger(random.nextInt(300), random);
		return random.nextBoolean() ? value.negate() : value;
	}

	static BigDecimal bigDecimal(Random random) {
		return new BigDecimal(bigInteger(random), random.nextInt(80) - 40);
	}

	static UUID uuid(Random random) {
		return new UUID(random.nextLong(), random.nextLong());
	}

	static Instant instant(Random random) {
		return switch (random.nextInt(4)) {
			case 0 -> Instant.MIN;
			case 1 -> Instant.MAX;
			default -> Instant.ofEpochSecond(random.nextInt(), random.nextInt(1_000_000_000));
		};
	}

	static LocalDate localDate(Random random) {
		return switch (random.nextInt(4)) {
			case 0 -> LocalDate.MIN;
			case 1 -> LocalDate.MAX;
			default -> LocalDate.ofEpochDay(random.nextInt(2_000_000) - 1_000_000);
		};
	}

	static LocalDateTime localDateTime(Random random) {
		return switch (random.nextInt(4)) {
			case 0 -> LocalDateTime.MIN;
			case 1 -> LocalDateTime.MAX;
			default -> LocalDateTime.of(localDate(random),
					LocalTime.ofNanoOfDay(random.nextLong(LocalTime.MAX.toNanoOfDay())));
		};
	}

	static Duration duration(Random random) {
		return switch (random.nextInt(4)) {
			case 0 -> Duration.ofSeconds(Long.MIN_VALUE);
			case 1 -> Duration.ofSeconds(Long.MAX_VALUE, 999_999_999);
			default -> Duration.ofNanos(random.nextLong());
		};
	}

	static byte[] bytes(Random random) {
		byte[] bytes = new byte[random.nextInt(3) == 0 ? 0 : random.nextInt(100)];
		random.nextBytes(bytes);
		return bytes;
	}

	static <T> List<T> list(Random random, Supplier<T> element) {
		List<T> list = new ArrayList<>();
		int size = random.nextInt(3) == 0 ? 0 : random.nextInt(6);
		for (int i = 0; i < size; i++) {
			list.add(element.get());
		}
		return list;
	}

	/** Insertion-ordered, so decoding can be checked to preserve the sender's order. */
	static <T> Set<T> set(Random random, Supplier<T> element) {
		return new LinkedHashSet<>(list(random, element));
	}

	static <K, V> Map<K, V> map(Random random, Supplier<K> key, Supplier<V> value) {
		Map<K, V> map = new LinkedHashMap<>();
		for (K k : list(random, key)) {
			map.put(k, value.get());
		}
		return map;
	}

}
