package dev.vmodb.core.codec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Tests that unsupported event types fail at start-up with a message that says where and what to do.
 */
class RecordCodecValidationUnitTests {

	record ObjectField(String id, Object payload) {
	}

	@SuppressWarnings("rawtypes")
	record RawList(List items) {
	}

	record WildcardList(List<?> items) {
	}

	record BoundedWildcard(List<? extends Number> items) {
	}

	record WildcardValues(Map<String, ?> attributes) {
	}

	record LegacyDate(Date when) {
	}

	record Maybe(Optional<String> name) {
	}

	record ArbitraryClass(Thread thread) {
	}

	record InterfaceField(Runnable task) {
	}

	record IntArray(int[] values) {
	}

	record StringArray(String[] names) {
	}

	record DateList(List<Date> dates) {
	}

	record DeepDate(Map<String, List<Map<Long, Date>>> deep) {
	}

	record ConcreteList(ArrayList<String> items) {
	}

	record CollectionField(Collection<String> items) {
	}

	record Generic<T>(T value) {
	}

	record GenericUse(Generic<String> box) {
	}

	record Inner(String name, Date when) {
	}

	record Outer(String id, Inner inner) {
	}

	record BadNode(BadNode next, Object payload) {
	}

	static Stream<Arguments> unsupported() {
		return Stream.of(
				arguments(ObjectField.class, "payload", "java.lang.Object", "declare a concrete supported type"),
				arguments(RawList.class, "items", "java.util.List", "Add type arguments"),
				arguments(WildcardList.class, "items", "java.util.List<?>", "Replace the wildcard"),
				arguments(BoundedWildcard.class, "items", "List<? extends java.lang.Number>", "Replace the wildcard"),
				arguments(WildcardValues.class, "attributes", "Map<java.lang.String, ?>", "Replace the wildcard"),
				arguments(LegacyDate.class, "when", "java.util.Date", "Use java.time.Instant"),
				arguments(Maybe.class, "name", "java.util.Optional<java.lang.String>", "use null for an absent value"),
				arguments(ArbitraryClass.class, "thread", "java.lang.Thread", "Turn it into a record"),
				arguments(InterfaceField.class, "task", "java.lang.Runnable", "Interfaces and abstract classes"),
				arguments(IntArray.class, "values", "int[]", "byte[] is the only supported array"),
				arguments(StringArray.class, "names", "java.lang.String[]", "byte[] is the only supported array"),
				arguments(DateList.class, "dates", "whose part java.util.Date", "Use java.time.Instant"),
				arguments(DeepDate.class, "deep", "whose part java.util.Date", "Use java.time.Instant"),
				arguments(ConcreteList.class, "items", "ArrayList<java.lang.String>", "as List, Set or Map"),
				arguments(CollectionField.class, "items", "Collection<java.lang.String>", "as List, Set or Map"),
				arguments(Generic.class, "value", "has type T", "Type variables"),
				arguments(GenericUse.class, "box", "Generic<java.lang.String>", "Generic records are not supported"),
				arguments(BadNode.class, "payload", "java.lang.Object", "declare a concrete supported type"));
	}

	@ParameterizedTest
	@MethodSource("unsupported")
	void unsupportedComponentsAreRejectedWithAClearMessage(Class<?> type, String component, String typeText,
			String fix) {
		UnsupportedEventTypeException ex = catchThrowableOfType(UnsupportedEventTypeException.class,
				() -> RecordCodec.requireSupported(type));
		assertThat(ex).as("requireSupported(%s)", type.getSimpleName()).isNotNull();
		assertThat(ex.eventType()).isEqualTo(type);
		assertThat(ex.getMessage())
			.startsWith("Cannot serialise event type " + type.getName() + ": component '" + component + "' of record "
					+ type.getName())
			.contains(typeText)
			.contains(fix)
			.contains("Supported: primitives");
		assertThat(ex).isInstanceOf(IllegalArgumentException.class);
	}

	@ParameterizedTest
	@MethodSource("unsupported")
	@SuppressWarnings({ "unchecked", "rawtypes" })
	void ofRejectsTheSameTypesEveryTime(Class<?> type) {
		for (int i = 0; i < 2; i++) {
			UnsupportedEventTypeException ex = catchThrowableOfType(UnsupportedEventTypeException.class,
					() -> RecordCodec.of((Class) type));
			assertThat(ex).isNotNull();
			assertThat(ex.getMessage()).contains(type.getName());
		}
	}

	@Test
	void nestedRecordsNameTheEventTheRecordAndThePath() {
		UnsupportedEventTypeException ex = catchThrowableOfType(UnsupportedEventTypeException.class,
				() -> RecordCodec.of(Outer.class));
		assertThat(ex.eventType()).isEqualTo(Outer.class);
		assertThat(ex.getMessage())
			.startsWith("Cannot serialise event type " + Outer.class.getName() + ": component 'when' of record "
					+ Inner.class.getName() + " (reached via Outer.inner -> Inner.when) has type java.util.Date")
			.contains("Use java.time.Instant");
	}

	@Test
	void nonRecordsAreRejected() {
		for (Class<?> type : List.of(String.class, Runnable.class, ArrayList.class, Thread.State.class, Record.class)) {
			UnsupportedEventTypeException ex = catchThrowableOfType(UnsupportedEventTypeException.class,
					() -> RecordCodec.requireSupported(type));
			assertThat(ex).as(type.getName()).isNotNull();
			assertThat(ex.eventType()).isEqualTo(type);
			assertThat(ex.getMessage()).contains(type.getName()).contains("events must be Java records");
		}
	}

	@Test
	void supportedTypesPass() {
		assertThatNoException().isThrownBy(() -> {
			RecordCodec.requireSupported(RecordCodecUnitTests.Everything.class);
			RecordCodec.requireSupported(RecordCodecUnitTests.Tree.class);
			RecordCodec.requireSupported(RecordCodecUnitTests.Empty.class);
		});
	}

}
