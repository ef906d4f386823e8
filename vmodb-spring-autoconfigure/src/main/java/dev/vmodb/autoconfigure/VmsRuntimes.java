package dev.vmodb.autoconfigure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.ClassUtils;

import dev.vmodb.core.api.VirtualMicroservice;
import dev.vmodb.core.metadata.HandlerDefinition;
import dev.vmodb.core.metadata.VmsDefinition;
import dev.vmodb.core.metadata.VmsDefinitionReader;
import dev.vmodb.core.runtime.RuntimeSettings;
import dev.vmodb.core.runtime.VmsRuntime;

/**
 * The running VMSs of an application: each VMS bean's handlers bound to its store, scheduler and checkpointer.
 */
public final class VmsRuntimes implements DisposableBean {

	private final Map<String, VmsRuntime> runtimes = new LinkedHashMap<>();

	VmsRuntimes(VmsStorage storage, ListableBeanFactory beanFactory, RuntimeSettings settings) {
		VmsDefinitionReader reader = new VmsDefinitionReader();
		try {
			for (Object bean : beanFactory.getBeansWithAnnotation(VirtualMicroservice.class).values()) {
				VmsDefinition definition = reader.read(bean);
				VmsStorage.Unit unit = storage.unit(definition.name());
				if (unit.type() != ClassUtils.getUserClass(bean)) {
					throw new IllegalStateException("Two beans declare VMS '" + definition.name() + "': "
							+ unit.type().getName() + " and " + ClassUtils.getUserClass(bean).getName());
				}
				this.runtimes.put(definition.name(), new VmsRuntime(definition, unit.store(), unit.sink(), settings));
			}
		}
		catch (RuntimeException ex) {
			destroy();
			throw ex;
		}
	}

	/**
	 * A running VMS by name.
	 * @param name the VMS name
	 * @return the runtime
	 */
	public VmsRuntime get(String name) {
		VmsRuntime runtime = this.runtimes.get(name);
		if (runtime == null) {
			throw new IllegalArgumentException("No VMS named '" + name + "'; VMSs: " + this.runtimes.keySet());
		}
		return runtime;
	}

	/**
	 * The record type of every event the hosted VMSs handle or emit, by event name.
	 * @return the types
	 */
	public Map<String, Class<?>> eventTypes() {
		Map<String, Class<?>> types = new LinkedHashMap<>();
		for (VmsRuntime runtime : this.runtimes.values()) {
			for (HandlerDefinition handler : runtime.definition().handlers().values()) {
				types.put(handler.inboundEvent(), handler.inboundType());
				if (handler.outboundEvent() != null) {
					types.put(handler.outboundEvent(), handler.outboundType());
				}
			}
		}
		return types;
	}

	public List<VmsRuntime> all() {
		return List.copyOf(this.runtimes.values());
	}

	/** Stops every VMS after a last checkpoint of its committed state. */
	@Override
	public void destroy() {
		for (VmsRuntime runtime : this.runtimes.values()) {
			runtime.close();
		}
		this.runtimes.clear();
	}

}
