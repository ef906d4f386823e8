package dev.vmodb.core.metadata;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.vmodb.core.api.Inbound;
import dev.vmodb.core.api.Outbound;
import dev.vmodb.core.api.Parallel;
import dev.vmodb.core.api.PartitionBy;
import dev.vmodb.core.api.VirtualMicroservice;
import dev.vmodb.core.codec.RecordCodec;
import dev.vmodb.core.scheduler.ExecutionMode;

/**
 * Reads a VMS's declaration from its annotations, once, at start-up, and rejects what the runtime cannot honour.
 */
public final class VmsDefinitionReader {

	private static final Pattern VMS_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");

	private static final MethodType INVOKER = MethodType.methodType(Object.class, Object.class);

	/**
	 * Reads the declaration of a VMS instance.
	 * @param vms an instance of a class annotated with {@link VirtualMicroservice}
	 * @return the definition, with invokers bound to the instance
	 * @throws DeclarationException naming the class and member at fault
	 */
	public VmsDefinition read(Object vms) {
		Class<?> type = userClass(vms.getClass());
		VirtualMicroservice annotation = type.getAnnotation(VirtualMicroservice.class);
		if (annotation == null) {
			throw new DeclarationException(type.getName() + " is not annotated with @VirtualMicroservice");
		}
		String name = annotation.value();
		if (!VMS_NAME.matcher(name).matches()) {
			throw new DeclarationException(type.getName() + ": VMS name '" + name
					+ "' is invalid; use lower-case letters, digits, '-' and '_', starting with a letter or digit");
		}
		Map<String, HandlerDefinition> handlers = new LinkedHashMap<>();
		for (Method method : type.getMethods()) {
			Inbound inbound = method.getAnnotation(Inbound.class);
			if (inbound == null) {
				if (method.isAnnotationPresent(Outbound.class) || method.isAnnotationPresent(PartitionBy.class)
						|| method.isAnnotationPresent(Parallel.class)) {
					throw new DeclarationException(describe(method)
							+ " has @Outbound, @PartitionBy or @Parallel but no @Inbound; add @Inbound(\"event\")");
				}
				continue;
			}
			HandlerDefinition handler = readHandler(name, vms, method, inbound);
			HandlerDefinition other = handlers.putIfAbsent(handler.inboundEvent(), handler);
			if (other != null) {
				throw new DeclarationException("VMS '" + name + "': " + other.name() + " and " + handler.name()
						+ " both handle event '" + handler.inboundEvent()
						+ "'; a VMS has one handler per inbound event: merge them or rename one event");
			}
		}
		checkNonPublicHandlers(type);
		return new VmsDefinition(name, type, Arrays.asList(annotation.entities()), handlers);
	}

	private HandlerDefinition readHandler(String vms, Object bean, Method method, Inbound inbound) {
		String where = describe(method);
		if (inbound.value().isBlank()) {
			throw new DeclarationException(where + ": @Inbound needs an event name");
		}
		if (method.getParameterCount() != 1) {
			throw new DeclarationException(where + " takes " + method.getParameterCount()
					+ " parameters; a handler takes exactly one: the event record");
		}
		Class<?> inboundType = method.getParameterTypes()[0];
		requireEvent(where + " parameter", inboundType);
		Outbound outbound = method.getAnnotation(Outbound.class);
		Class<?> outboundType = null;
		if (outbound != null) {
			outboundType = method.getReturnType();
			if (outboundType == void.class) {
				throw new DeclarationException(where + " is @Outbound(\"" + outbound.value()
						+ "\") but returns void; return the event record to emit, or remove @Outbound");
			}
			if (outbound.value().isBlank()) {
				throw new DeclarationException(where + ": @Outbound needs an event name");
			}
			requireEvent(where + " return type", outboundType);
		}
		else if (method.getReturnType() != void.class) {
			throw new DeclarationException(where + " returns " + method.getReturnType().getSimpleName()
					+ " but has no @Outbound; add @Outbound(\"event\") to emit it, or return void");
		}
		PartitionBy partitionBy = method.getAnnotation(PartitionBy.class);
		boolean parallel = method.isAnnotationPresent(Parallel.class);
		if (partitionBy != null && parallel) {
			throw new DeclarationException(where + " is both @PartitionBy and @Parallel; choose one");
		}
		MethodHandle[] partitionAccessors = (partitionBy != null) ? partitionAccessors(where, inboundType, partitionBy)
				: new MethodHandle[0];
		ExecutionMode mode = (partitionBy != null) ? ExecutionMode.PARTITIONED
				: parallel ? ExecutionMode.PARALLEL : ExecutionMode.SERIAL;
		MethodHandle invoker = unreflect(where, method).bindTo(bean).asType(INVOKER);
		return new HandlerDefinition(vms, method.getDeclaringClass().getSimpleName() + "." + method.getName(),
				inbound.value(), inboundType, (outbound != null) ? outbound.value() : null, outboundType, outbound != null && outbound.terminal(), inbound.type(),
				mode, invoker, partitionAccessors);
	}

	private MethodHandle[] partitionAccessors(String where, Class<?> eventType, PartitionBy partitionBy) {
		if (partitionBy.value().length == 0) {
			throw new DeclarationException(where + ": @PartitionBy names no component of " + eventType.getSimpleName());
		}
		Map<String, RecordComponent> components = Arrays.stream(eventType.getRecordComponents())
			.collect(Collectors.toMap(RecordComponent::getName, c -> c));
		MethodHandle[] accessors = new MethodHandle[partitionBy.value().length];
		for (int i = 0; i < accessors.length; i++) {
			RecordComponent component = components.get(partitionBy.value()[i]);
			if (component == null) {
				throw new DeclarationException(where + ": @PartitionBy(\"" + partitionBy.value()[i]
						+ "\") names nothing on event " + eventType.getSimpleName() + "; its components are "
						+ components.keySet());
			}
			accessors[i] = unreflect(where, component.getAccessor()).asType(INVOKER);
		}
		return accessors;
	}

	private void requireEvent(String where, Class<?> type) {
		if (!type.isRecord()) {
			throw new DeclarationException(where + " is " + type.getName() + ", not a record; events are Java records");
		}
		try {
			RecordCodec.requireSupported(type);
		}
		catch (IllegalArgumentException ex) {
			throw new DeclarationException(where + ": " + ex.getMessage(), ex);
		}
	}

	/** Non-public methods are invisible to {@link Class#getMethods()}; a forgotten {@code public} must not pass silently. */
	private void checkNonPublicHandlers(Class<?> type) {
		for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
			for (Method method : c.getDeclaredMethods()) {
				if (method.isAnnotationPresent(Inbound.class) && !Modifier.isPublic(method.getModifiers())) {
					throw new DeclarationException(describe(method) + " is @Inbound but not public; make it public");
				}
			}
		}
	}

	/** Classes need not be public: the handle is made once here, so the hot path pays no access check. */
	private static MethodHandle unreflect(String where, Method method) {
		try {
			method.setAccessible(true);
			return MethodHandles.lookup().unreflect(method);
		}
		catch (IllegalAccessException | RuntimeException ex) {
			throw new DeclarationException(where + ": " + method.getDeclaringClass().getName() + "." + method.getName()
					+ " is not accessible (" + ex.getMessage() + "); make it public", ex);
		}
	}

	private static String describe(Method method) {
		return method.getDeclaringClass().getName() + "." + method.getName() + "("
				+ Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(", "))
				+ ")";
	}

	/** The class the user wrote, behind a CGLIB proxy the container may have created. */
	private static Class<?> userClass(Class<?> type) {
		return (type.getName().contains("$$")) ? type.getSuperclass() : type;
	}

}
