package dev.vmodb.core.codec;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayDeque;
import java.util.Calendar;
import java.util.Collection;
import java.util.Date;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Builds the codecs of one event type and of every record it reaches, failing with a precise message on the first
 * component that cannot be serialised.
 */
final class CodecFactory {

	private static final String SUPPORTED = "primitives and their boxes, String, BigDecimal, BigInteger, enums, UUID, "
			+ "Instant, LocalDate, LocalDateTime, Duration, byte[], List, Set and Map of supported types, "
			+ "and records whose components are supported";

	private static final MethodHandle FIELD_WRITE;

	static {
		try {
			FIELD_WRITE = MethodHandles.lookup().findVirtual(FieldCodec.class, "write",
					MethodType.methodType(void.class, EventWriter.class, Object.class));
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private final Class<?> eventType;

	// Records seen so far; a record reached again, even through itself, reuses its codec instead of recursing.
	private final Map<Class<?>, RecordCodec<?>> built = new HashMap<>();

	private final Map<NestedRecordCodec, Class<?>> links = new HashMap<>();

	private final Deque<String> path = new ArrayDeque<>();

	private CodecFactory(Class<?> eventType) {
		this.eventType = eventType;
	}

	/**
	 * Builds the codec of a record type.
	 * @param type the event type, which may be any class so that non-records get the proper message
	 * @return the codec, with every nested record codec linked
	 * @throws UnsupportedEventTypeException if the type is not a record or reaches an unsupported component type
	 */
	static RecordCodec<?> build(Class<?> type) {
		if (!type.isRecord()) {
			throw new UnsupportedEventTypeException(type, "Cannot serialise event type " + type.getName()
					+ ": events must be Java records. Declare it as 'record " + type.getSimpleName()
					+ "(...) {}' with components of supported types: " + SUPPORTED + ".");
		}
		CodecFactory factory = new CodecFactory(type);
		factory.buildRecord(type);
		factory.links.forEach((nested, target) -> nested.link(factory.built.get(target)));
		return factory.built.get(type);
	}

	private <R extends Record> void buildRecord(Class<?> type) {
		this.built.put(type, null);
		MethodHandles.Lookup lookup = lookupIn(type);
		RecordComponent[] components = type.getRecordComponents();
		String[] names = new String[components.length];
		Class<?>[] parameterTypes = new Class<?>[components.length];
		MethodHandle[] writers = new MethodHandle[components.length];
		FieldCodec[] readers = new FieldCodec[components.length];
		for (int i = 0; i < components.length; i++) {
			RecordComponent component = components[i];
			names[i] = component.getName();
			parameterTypes[i] = component.getType();
			FieldCodec codec = resolveComponent(type, component);
			MethodHandle getter = unreflect(lookup, component);
			if (component.getType().isPrimitive()) {
				// Primitives never box on the write path: the accessor feeds EventWriter's typed method directly.
				readers[i] = codec;
				writers[i] = MethodHandles.filterArguments(((ScalarCodec) codec).primitiveWriter(), 1,
						getter.asType(MethodType.methodType(component.getType(), Object.class)));
			}
			else {
				readers[i] = new NullableCodec(codec);
				writers[i] = MethodHandles.filterArguments(FIELD_WRITE.bindTo(readers[i]), 1,
						getter.asType(MethodType.methodType(Object.class, Object.class)));
			}
		}
		MethodHandle constructor;
		try {
			constructor = lookup.findConstructor(type, MethodType.methodType(void.class, parameterTypes))
				.asSpreader(Object[].class, components.length)
				.asType(MethodType.methodType(Object.class, Object[].class));
		}
		catch (ReflectiveOperationException ex) {
			throw inaccessible(type, ex);
		}
		@SuppressWarnings("unchecked")
		Class<R> recordType = (Class<R>) type;
		this.built.put(type, new RecordCodec<>(recordType, names, writers, readers, constructor));
	}

	private FieldCodec resolveComponent(Class<?> record, RecordComponent component) {
		this.path.addLast(record.getSimpleName() + "." + component.getName());
		try {
			return resolve(component.getGenericType());
		}
		catch (Unsupported ex) {
			Type whole = component.getGenericType();
			String where = (this.path.size() > 1) ? " (reached via " + String.join(" -> ", this.path) + ")" : "";
			String what = ex.part.equals(whole) ? ", which is not supported"
					: ", whose part " + ex.part.getTypeName() + " is not supported";
			throw new UnsupportedEventTypeException(this.eventType, "Cannot serialise event type "
					+ this.eventType.getName() + ": component '" + component.getName() + "' of record "
					+ record.getName() + where + " has type " + whole.getTypeName() + what + ". " + ex.getMessage()
					+ ". Supported: " + SUPPORTED + ".");
		}
		finally {
			this.path.removeLast();
		}
	}

	private FieldCodec resolve(Type type) {
		if (type instanceof Class<?> cls) {
			ScalarCodec scalar = ScalarCodec.forType(cls);
			if (scalar != null) {
				return scalar;
			}
			if (cls.isEnum()) {
				return new EnumCodec(cls);
			}
			if (cls.isRecord()) {
				return nestedRecord(cls);
			}
			throw new Unsupported(type, hint(cls));
		}
		if (type instanceof ParameterizedType parameterized) {
			Class<?> raw = (Class<?>) parameterized.getRawType();
			Type[] arguments = parameterized.getActualTypeArguments();
			if (raw == List.class) {
				return CollectionCodec.list(resolve(arguments[0]));
			}
			if (raw == Set.class) {
				return CollectionCodec.set(resolve(arguments[0]));
			}
			if (raw == Map.class) {
				return new MapCodec(resolve(arguments[0]), resolve(arguments[1]));
			}
			throw new Unsupported(type, raw.isRecord()
					? "Generic records are not supported; give the nested record concrete component types" : hint(raw));
		}
		if (type instanceof WildcardType) {
			throw new Unsupported(type, "Replace the wildcard with a concrete type argument, e.g. List<String>");
		}
		if (type instanceof TypeVariable<?>) {
			throw new Unsupported(type, "Type variables cannot be decoded; declare a concrete type instead");
		}
		if (type instanceof GenericArrayType) {
			throw new Unsupported(type, hint(Object[].class));
		}
		throw new Unsupported(type, "Declare a concrete supported type");
	}

	private FieldCodec nestedRecord(Class<?> type) {
		if (!this.built.containsKey(type)) {
			buildRecord(type);
		}
		NestedRecordCodec nested = new NestedRecordCodec();
		this.links.put(nested, type);
		return nested;
	}

	private static String hint(Class<?> type) {
		if (type == Object.class) {
			return "Object could hold anything; declare a concrete supported type";
		}
		if (type == List.class || type == Set.class || type == Map.class) {
			return "Add type arguments, e.g. List<String> or Map<String, Long>";
		}
		if (type.isArray()) {
			return "byte[] is the only supported array; use a List for other element types";
		}
		if (Date.class.isAssignableFrom(type) || Calendar.class.isAssignableFrom(type)) {
			return "Use java.time.Instant, LocalDate or LocalDateTime instead";
		}
		if (type == Optional.class || type == OptionalInt.class || type == OptionalLong.class
				|| type == OptionalDouble.class) {
			return "Declare the plain type and use null for an absent value";
		}
		if (Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)) {
			return "Declare the component as List, Set or Map";
		}
		if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
			return "Interfaces and abstract classes cannot be decoded; use a concrete record type";
		}
		return "Turn it into a record of supported components, or convert it to a supported type";
	}

	private MethodHandles.Lookup lookupIn(Class<?> type) {
		try {
			// Records are often package-private or nested in other packages; a private lookup reaches them, once
			// this module reads theirs (always true on the class path, where the call does nothing).
			CodecFactory.class.getModule().addReads(type.getModule());
			return MethodHandles.privateLookupIn(type, MethodHandles.lookup());
		}
		catch (IllegalAccessException ex) {
			throw inaccessible(type, ex);
		}
	}

	private MethodHandle unreflect(MethodHandles.Lookup lookup, RecordComponent component) {
		try {
			return lookup.unreflect(component.getAccessor());
		}
		catch (IllegalAccessException ex) {
			throw inaccessible(component.getDeclaringRecord(), ex);
		}
	}

	private UnsupportedEventTypeException inaccessible(Class<?> record, Exception cause) {
		UnsupportedEventTypeException ex = new UnsupportedEventTypeException(this.eventType,
				"Cannot serialise event type " + this.eventType.getName() + ": record " + record.getName()
						+ " is not accessible to vmodb-core (" + cause.getMessage() + "). Open its package to "
						+ "vmodb-core's module, or leave both on the class path.");
		ex.initCause(cause);
		return ex;
	}

	/** Carries the offending part of a component type up to the component, which knows enough to explain it. */
	private static final class Unsupported extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final transient Type part;

		Unsupported(Type part, String hint) {
			super(hint, null, false, false);
			this.part = part;
		}

	}

}
