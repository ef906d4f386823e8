package dev.vmodb.core.protocol;

import java.util.List;

import dev.vmodb.core.topology.VmsManifest;

/**
 * The manifests the coordinator validated; batches sealed after this record follow the topology derived from
 * them, so every VMS derives the same plans.
 *
 * @param manifests every VMS's manifest
 */
public record TopologyAnnounced(List<VmsManifest> manifests) implements ControlRecord {

	public TopologyAnnounced {
		manifests = List.copyOf(manifests);
	}

}
