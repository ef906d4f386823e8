package dev.vmodb.core.codec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * Tests that records survive encoding unchanged, compactly, and packed many to a buffer.
 */
class RecordCodecUnitTests {

	enum Color { RED, GREEN, BLUE }

	/** The same names as {@link Color}, reordered and extended, as a later version of the enum might be. */
	enum ReorderedColor { PURPLE, BLUE, RED, GREEN }

	record Primitives(boolean z, byte b, short s, char c, int i, long l, float f, double d) {
	}

	record Boxes(Boolean z, Byte b, Short s, Character c, Integer i, Long l, Float f, Double d) {
	}

	record Values(String text, BigDecimal decimal, BigInteger integer, Color color, UUID id, Instant at,
			LocalDate day, LocalDateTime local, Duration took) {
	}

	record Line(String sku, int quantity, BigDecimal price) {
	}

	record Everything(Primitives primitives, Boxes boxes, Values values, List<String> tags, Set<Integer> numbers,
			Map<String, List<Long>> series, List<Map<Color, Set<UUID>>> nested, List<Line> lines,
			Map<UUID, Line> byId) {
	}

	record Blob(byte[] data, List<byte[]> chunks) {
	}

	record Node(String value, Node next) {
	}

	record Tree(String label, List<Tree> children) {
	}

	record Ping(String id, Pong pong) {
	}

	record Pong(int hops, Ping ping) {
	}

	record Painted(Color color) {
	}

	record Repainted(ReorderedColor color) {
	}

	record Empty() {
	}

	record Small(int a, long b, String c) {
	}

	record Positive(int value) {
		Positive {
			if (value <= 0) {
				throw new IllegalArgumentException("value must be positive: " + value);
			}
		}
	}

	private record Hidden(String secret, int level) {
	}

	@Test
	void randomRecordsRoundTripExactly() {
		Random random = new Random(20240611);
		RecordCodec<Everything> codec = RecordCodec.of(Everything.class);
		int nulls = 0;
		for (int i = 0; i < 3000; i++) {
			Everything original = everything(random);
			byte[] bytes = codec.encode(original);
			Everything decoded = codec.decode(bytes);
			assertThat(decoded).isEqualTo(original);
			assertSameOrder(decoded.numbers(), original.numbers());
			assertSameOrder(decoded.tags(), original.tags());
			if (original.series() != null) {
				assertSameOrder(decoded.series().keySet(), original.series().keySet());
			}
			// Re-encoding gives the same bytes, so nothing was normalised on the way.
			assertThat(codec.encode(decoded)).isEqualTo(bytes);
			nulls += (original.values() == null || original.boxes() == null) ? 1 : 0;
		}
		assertThat(nulls).as("the generator should have produced null components").isPositive();
	}

	@Test
	void decodedCollectionsAcceptNullsAndKeepOrder() {
		List<String> tags = new ArrayList<>(Arrays.asList("b", null, "a", ""));
		Set<Integer> numbers = new LinkedHashSet<>(Arrays.asList(3, null, 1, 2));
		Map<String, List<Long>> series = new LinkedHashMap<>();
		series.put("z", List.of());
		series.put(null, null);
		series.put("a", Arrays.asList(Long.MIN_VALUE, null));
		Everything original = new Everything(null, null, null, tags, numbers, series, List.of(Map.of()), List.of(),
				Map.of());
		RecordCodec<Everything> codec = RecordCodec.of(Everything.class);
		Everything decoded = codec.decode(codec.encode(original));
		assertThat(decoded.tags()).containsExactly("b", null, "a", "");
		assertThat(decoded.numbers()).isInstanceOf(LinkedHashSet.class).containsExactly(3, null, 1, 2);
		assertThat(decoded.series()).isInstanceOf(LinkedHashMap.class).containsExactly(Map.entry("z", List.of()),
				new AbstractMap.SimpleEntry<>(null, null), Map.entry("a", Arrays.asList(Long.MIN_VALUE, null)));
		assertThat(decoded.nested()).containsExactly(Map.of());
		assertThat(decoded.lines()).isEmpty();
		assertThat(decoded.byId()).isEmpty();
	}

	@Test
	void byteArraysRoundTrip() {
		Random random = new Random(7);
		RecordCodec<Blob> codec = RecordCodec.of(Blob.class);
		for (int i = 0; i < 500; i++) {
			Blob original = new Blob(RandomValues.nullable(random, () -> RandomValues.bytes(random)),
					RandomValues.nullable(random, () -> RandomValues.list(random, () -> RandomValues.bytes(random))));
			Blob decoded = codec.decode(codec.encode(original));
			assertThat(decoded.data()).isEqualTo(original.data());
			if (original.chunks() == null) {
				assertThat(decoded.chunks()).isNull();
			}
			else {
				assertThat(decoded.chunks()).hasSameSizeAs(original.chunks());
				for (int c = 0; c < original.chunks().size(); c++) {
					assertThat(decoded.chunks().get(c)).isEqualTo(original.chunks().get(c));
				}
			}
		}
	}

	@Test
	void selfReferencingRecordsRoundTrip() {
		Node chain = null;
		for (int i = 0; i < 100; i++) {
			chain = new Node("n" + i, chain);
		}
		assertThat(RecordCodec.of(Node.class).decode(RecordCodec.of(Node.class).encode(chain))).isEqualTo(chain);

		Tree tree = new Tree("root", List.of(new Tree("leaf", List.of()), new Tree("branch",
				List.of(new Tree("twig", null)))));
		assertThat(RecordCodec.of(Tree.class).decode(RecordCodec.of(Tree.class).encode(tree))).isEqualTo(tree);

		Ping ping = new Ping("a", new Pong(1, new Ping("b", new Pong(2, null))));
		assertThat(RecordCodec.of(Ping.class).decode(RecordCodec.of(Ping.class).encode(ping))).isEqualTo(ping);
		RecordCodec.requireSupported(Pong.class);
	}

	@Test
	void enumsTravelByNameSoReorderingConstantsIsSafe() {
		byte[] bytes = RecordCodec.of(Painted.class).encode(new Painted(Color.GREEN));
		assertThat(RecordCodec.of(Repainted.class).decode(bytes)).isEqualTo(new Repainted(ReorderedColor.GREEN));

		byte[] unknown = RecordCodec.of(Repainted.class).encode(new Repainted(ReorderedColor.PURPLE));
		assertThatIllegalStateException().isThrownBy(() -> RecordCodec.of(Painted.class).decode(unknown))
			.withMessageContaining("PURPLE")
			.withMessageContaining(Color.class.getName());
	}

	@Test
	void manyEventsPackIntoOneBufferAndReadBackInOrder() {
		Random random = new Random(99);
		List<Record> events = new ArrayList<>();
		EventWriter out = new EventWriter(16);
		for (int i = 0; i < 2000; i++) {
			if (random.nextBoolean()) {
				Small event = new Small(RandomValues.anyInt(random), RandomValues.anyLong(random),
						RandomValues.nullable(random, () -> RandomValues.string(random)));
				out.writeVarInt(0);
				RecordCodec.of(Small.class).encode(event, out);
				events.add(event);
			}
			else {
				Line event = new Line(RandomValues.string(random), random.nextInt(), RandomValues.bigDecimal(random));
				out.writeVarInt(1);
				RecordCodec.of(Line.class).encode(event, out);
				events.add(event);
			}
		}
		byte[] framed = new byte[out.size() + 6];
		System.arraycopy(out.toByteArray(), 0, framed, 3, out.size());
		EventReader in = new EventReader(framed, 3, out.size());
		List<Record> decoded = new ArrayList<>();
		while (in.hasRemaining()) {
			int tag = in.readVarInt();
			decoded.add((tag == 0) ? RecordCodec.of(Small.class).decode(in) : RecordCodec.of(Line.class).decode(in));
		}
		assertThat(decoded).containsExactlyElementsOf(events);
	}

	@Test
	void smallEventsEncodeToFewBytes() {
		RecordCodec<Small> codec = RecordCodec.of(Small.class);
		// One byte per small number, a presence byte, a length byte and the characters.
		assertThat(codec.encode(new Small(1, -2, "ab"))).hasSize(1 + 1 + 1 + 1 + 2);
		assertThat(codec.encode(new Small(0, 0, null))).containsExactly(0, 0, 0);
		assertThat(RecordCodec.of(Empty.class).encode(new Empty())).isEmpty();
		assertThat(RecordCodec.of(Empty.class).decode(new byte[0])).isEqualTo(new Empty());
	}

	@Test
	void primitiveExtremesRoundTrip() {
		RecordCodec<Primitives> codec = RecordCodec.of(Primitives.class);
		Primitives max = new Primitives(true, Byte.MAX_VALUE, Short.MAX_VALUE, Character.MAX_VALUE, Integer.MAX_VALUE,
				Long.MAX_VALUE, Float.MAX_VALUE, Double.MAX_VALUE);
		Primitives min = new Primitives(false, Byte.MIN_VALUE, Short.MIN_VALUE, Character.MIN_VALUE, Integer.MIN_VALUE,
				Long.MIN_VALUE, -Float.MAX_VALUE, Double.NEGATIVE_INFINITY);
		assertThat(codec.decode(codec.encode(max))).isEqualTo(max);
		assertThat(codec.decode(codec.encode(min))).isEqualTo(min);
	}

	@Test
	void nonPublicRecordsAreReachable() {
		Hidden hidden = new Hidden("pssst", 3);
		assertThat(RecordCodec.of(Hidden.class).decode(RecordCodec.of(Hidden.class).encode(hidden))).isEqualTo(hidden);
	}

	@Test
	void decodingRunsTheCanonicalConstructorsValidation() {
		byte[] zero = RecordCodec.of(Small.class).encode(new Small(0, 0, null));
		byte[] justTheInt = Arrays.copyOf(zero, 1);
		assertThatIllegalArgumentException().isThrownBy(() -> RecordCodec.of(Positive.class).decode(justTheInt))
			.withMessage("value must be positive: 0");
	}

	@Test
	void malformedInputIsRejected() {
		RecordCodec<Small> codec = RecordCodec.of(Small.class);
		byte[] bytes = codec.encode(new Small(5, 6, "seven"));
		assertThatIllegalStateException().isThrownBy(() -> codec.decode(Arrays.copyOf(bytes, bytes.length - 1)))
			.withMessageContaining("Malformed event bytes");
		assertThatIllegalStateException().isThrownBy(() -> codec.decode(Arrays.copyOf(bytes, bytes.length + 1)))
			.withMessageContaining("1 bytes left after decoding " + Small.class.getName());
	}

	@Test
	void nullEventsAreRefused() {
		assertThatNullPointerException().isThrownBy(() -> RecordCodec.of(Small.class).encode(null));
	}

	@Test
	void pollutedCollectionsNameTheComponent() {
		@SuppressWarnings({ "unchecked", "rawtypes" })
		List<String> polluted = (List) List.of(42);
		Everything event = new Everything(null, null, null, polluted, null, null, null, null, null);
		assertThatIllegalArgumentException().isThrownBy(() -> RecordCodec.of(Everything.class).encode(event))
			.withMessageContaining("'tags'")
			.withMessageContaining(Everything.class.getName());
	}

	@Test
	void codecsAreCachedOncePerTypeAcrossThreads() throws Exception {
		record Racy(String value, List<Racy> more) {
		}
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Callable<RecordCodec<Racy>>> calls = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				calls.add(() -> RecordCodec.of(Racy.class));
			}
			Set<RecordCodec<Racy>> codecs = new LinkedHashSet<>();
			for (Future<RecordCodec<Racy>> codec : pool.invokeAll(calls)) {
				codecs.add(codec.get());
			}
			assertThat(codecs).hasSize(1).containsExactly(RecordCodec.of(Racy.class));
			assertThat(codecs.iterator().next().type()).isEqualTo(Racy.class);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static <E> void assertSameOrder(Collection<E> decoded, Collection<E> original) {
		if (original == null) {
			assertThat(decoded).isNull();
		}
		else {
			assertThat(decoded).containsExactlyElementsOf(original);
		}
	}

	private static Everything everything(Random random) {
		return new Everything(
				RandomValues.nullable(random, () -> primitives(random)),
				RandomValues.nullable(random, () -> boxes(random)),
				RandomValues.nullable(random, () -> values(random)),
				RandomValues.nullable(random, () -> RandomValues.list(random, () -> RandomValues.string(random))),
				RandomValues.nullable(random, () -> RandomValues.set(random, () -> RandomValues.anyInt(random))),
				RandomValues.nullable(random, () -> RandomValues.map(random, () -> RandomValues.string(random),
						() -> RandomValues.list(random, () -> RandomValues.anyLong(random)))),
				RandomValues.nullable(random, () -> RandomValues.list(random, () -> RandomValues.map(random,
						() -> color(random), () -> RandomValues.set(random, () -> RandomValues.uuid(random))))),
				RandomValues.nullable(random, () -> RandomValues.list(random,
						() -> RandomValues.nullable(random, () -> line(random)))),
				RandomValues.nullable(random, () -> RandomValues.map(random, () -> RandomValues.uuid(random),
						() -> new Line(null, 0, null))));
	}

	private static Primitives primitives(Random random) {
		return new Primitives(random.nextBoolean(), (byte) random.nextInt(), (short) random.nextInt(),
				(char) random.nextInt(), RandomValues.anyInt(random), RandomValues.anyLong(random),
				RandomValues.anyFloat(random), RandomValues.anyDouble(random));
	}

	private static Boxes boxes(Random random) {
		return new Boxes(RandomValues.nullable(random, random::nextBoolean),
				RandomValues.nullable(random, () -> (byte) random.nextInt()),
				RandomValues.nullable(random, () -> (short) random.nextInt()),
				RandomValues.nullable(random, () -> (char) random.nextInt()),
				RandomValues.nullable(random, () -> RandomValues.anyInt(random)),
				RandomValues.nullable(random, () -> RandomValues.anyLong(random)),
				RandomValues.nullable(random, () -> RandomValues.anyFloat(random)),
				RandomValues.nullable(random, () -> RandomValues.anyDouble(random)));
	}

	private static Values values(Random random) {
		return new Values(RandomValues.nullable(random, () -> RandomValues.string(random)),
				RandomValues.nullable(random, () -> RandomValues.bigDecimal(random)),
				RandomValues.nullable(random, () -> RandomValues.bigInteger(random)),
				RandomValues.nullable(random, () -> color(random)),
				RandomValues.nullable(random, () -> RandomValues.uuid(random)),
				RandomValues.nullable(random, () -> RandomValues.instant(random)),
				RandomValues.nullable(random, () -> RandomValues.localDate(random)),
				RandomValues.nullable(random, () -> RandomValues.localDateTime(random)),
				RandomValues.nullable(random, () -> RandomValues.duration(random)));
	}

	private static Line line(Random random) {
		return new Line(RandomValues.string(random), RandomValues.anyInt(random), RandomValues.bigDecimal(random));
	}

	private static Color color(Random random) {
		return Color.values()[random.nextInt(Color.values().length)];
	}

}
