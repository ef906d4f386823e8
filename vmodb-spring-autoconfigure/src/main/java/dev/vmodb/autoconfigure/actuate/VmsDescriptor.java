package dev.vmodb.autoconfigure.actuate;

import java.util.List;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;

import dev.vmodb.core.metadata.HandlerDefinition;
import dev.vmodb.core.monitor.VmsStatus;
import dev.vmodb.core.runtime.VmsRuntime;

/**
 * One VMS hosted by the application, as the endpoint shows it.
 *
 * @param name the VMS
 * @param handlers its handlers
 * @param lastAppliedTid the last TID whose effects are visible here
 * @param plannedBatch the last sealed batch it has read
 * @param committedBatch the last batch committed here
 * @param checkpointedBatch the last batch in its database
 * @param batchesBehindCheckpoint committed batches not in its database yet
 * @param replaying whether it still reads or applies what was logged before the application started
 * @param checkpointFailures consecutive failed checkpoints
 * @param lastCheckpointFailure the last checkpoint's failure, or {@code null}
 * @param stalled why it can no longer make progress, or {@code null}
 */
public record VmsDescriptor(String name, List<Handler> handlers, long lastAppliedTid, long plannedBatch,
		long committedBatch, long checkpointedBatch, long batchesBehindCheckpoint, boolean replaying,
		int checkpointFailures, String lastCheckpointFailure, String stalled) implements OperationResponseBody {

	static VmsDescriptor of(VmsRuntime runtime, VmsStatus status, boolean replaying) {
		List<Handler> handlers = runtime.definition().handlers().values().stream().map(Handler::of).toList();
		return new VmsDescriptor(status.vms(), handlers, status.lastAppliedTid(), status.plannedBatch(),
				status.committedBatch(), status.checkpointedBatch(), status.batchesBehindCheckpoint(), replaying,
				status.checkpointFailures(), status.lastCheckpointFailure(), status.stalled());
	}

	/**
	 * A handler of the VMS.
	 * @param name {@code Class.method}
	 * @param inboundEvent the event it handles
	 * @param outboundEvent the event it emits, or {@code null}
	 * @param type what it does with the state ({@code R}, {@code W}, {@code RW})
	 * @param mode how it overlaps with neighbouring transactions
	 */
	public record Handler(String name, String inboundEvent, String outboundEvent, String type, String mode) {

		static Handler of(HandlerDefinition definition) {
			return new Handler(definition.name(), definition.inboundEvent(), definition.outboundEvent(),
					definition.type().name(), definition.mode().name());
		}

	}

}
