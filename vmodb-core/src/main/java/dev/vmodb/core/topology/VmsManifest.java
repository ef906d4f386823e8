package dev.vmodb.core.topology;

import java.util.Comparator;
import java.util.List;

import dev.vmodb.core.metadata.VmsDefinition;

/**
 * What other processes must know about a VMS: its name and its handlers' manifests. Applications publish the
 * manifests of the VMSs they host, so the coordinator can derive every transaction's DAG without their code.
 *
 * @param vms the VMS name
 * @param handlers its handlers, ordered by inbound event
 */
public record VmsManifest(String vms, List<HandlerManifest> handlers) {

	public VmsManifest {
		handlers = handlers.stream().sorted(Comparator.comparing(HandlerManifest::inboundEvent)).toList();
	}

	/**
	 * The manifest of a declared VMS.
	 * @param definition the VMS
	 * @return its manifest
	 */
	public static VmsManifest of(VmsDefinition definition) {
		return new VmsManifest(definition.name(), definition.handlers().values().stream().map(HandlerManifest::of).toList());
	}

}
