package dev.vmodb.jpa.mapping;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;

import dev.vmodb.core.metadata.DeclarationException;

/**
 * Method handles for a field and a no-argument constructor, made once at start-up so that reading and writing
 * entities on the hot path uses no reflection.
 */
final class FieldAccess {

	private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);

	private static final MethodType SETTER = MethodType.methodType(void.class, Object.class, Object.class);

	private static final MethodType FACTORY = MethodType.methodType(Object.class);

	final Field field;

	private final MethodHandle getter;

	private final MethodHandle setter;

	FieldAccess(Class<?> owner, String name) {
		this.field = findField(owner, name);
		try {
			this.field.setAccessible(true);
			this.getter = MethodHandles.lookup().unreflectGetter(this.field).asType(GETTER);
			this.setter = MethodHandles.lookup().unreflectSetter(this.field).asType(SETTER);
		}
		catch (IllegalAccessException | RuntimeException ex) {
			throw new DeclarationException(owner.getName() + "." + name + " cannot be accessed (" + ex.getMessage()
					+ "); entity attributes must be non-final fields", ex);
		}
	}

	Object get(Object target) {
		try {
			return (Object) this.getter.invokeExact(target);
		}
		catch (Throwable ex) {
			throw new IllegalStateException("Cannot read " + this.field, ex);
		}
	}

	void set(Object target, Object value) {
		try {
			this.setter.invokeExact(target, value);
		}
		catch (Throwable ex) {
			throw new IllegalStateException("Cannot write " + this.field + " with " + value, ex);
		}
	}

	static MethodHandle constructor(Class<?> type) {
		try {
			Constructor<?> constructor = type.getDeclaredConstructor();
			constructor.setAccessible(true);
			return MethodHandles.lookup().unreflectConstructor(constructor).asType(FACTORY);
		}
		catch (NoSuchMethodException ex) {
			throw new DeclarationException(type.getName() + " has no no-argument constructor; JPA entities and "
					+ "embeddables need one (it may be protected)", ex);
		}
		catch (IllegalAccessException | RuntimeException ex) {
			throw new DeclarationException(type.getName() + ": its no-argument constructor is not accessible", ex);
		}
	}

	static Object instantiate(MethodHandle constructor) {
		try {
			return (Object) constructor.invokeExact();
		}
		catch (Throwable ex) {
			throw new IllegalStateException("Cannot instantiate with " + constructor, ex);
		}
	}

	static Field findField(Class<?> owner, String name) {
		for (Class<?> c = owner; c != null && c != Object.class; c = c.getSuperclass()) {
			try {
				return c.getDeclaredField(name);
			}
			catch (NoSuchFieldException ex) {
				// keep looking in the superclass: mapped superclasses declare inherited attributes
			}
		}
		throw new DeclarationException(owner.getName() + " has no field '" + name
				+ "'; map entities with field access (annotations on fields)");
	}

}
