package dev.vmodb.autoconfigure.actuate;

import java.util.List;
import java.util.Map;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * What the {@code vmodb} endpoint shows of an application.
 *
 * @param application the vMODB application (the topic prefix its log uses)
 * @param roles whether the roles run, and whether this process holds the coordinator role
 * @param vms the hosted VMSs, by name
 * @param transactions the DAG of every input event, by input event (empty until the topology is known)
 * @param batches where batches are
 * @param log how this application reads and writes the log
 * @param aborts aborted transactions, when this process is the coordinator (which decides every abort);
 * {@code null} elsewhere
 */
public record VmodbDescriptor(String application, Roles roles, Map<String, VmsDescriptor> vms,
		Map<String, TransactionDescriptor> transactions, Batches batches, Log log, Aborts aborts)
		implements OperationResponseBody {

	/**
	 * The application's roles.
	 * @param state {@code STARTING}, {@code RUNNING}, {@code FAILED} or {@code STOPPED}
	 * @param coordinator whether this process holds the coordinator role
	 * @param failure why the roles failed to start, or {@code null}
	 */
	public record Roles(String state, boolean coordinator, String failure) {
	}

	/**
	 * Where batches are: the coordinator's figures in the coordinator's process, else what this process has read of
	 * the control log.
	 * @param lastSealed the last sealed batch
	 * @param lastCommitted the last committed batch
	 * @param inFlight sealed batches not committed yet
	 * @param pendingSubmissions this process's submissions without an outcome
	 * @param submissionsWaitingForLog this process's submissions the log has not acknowledged
	 */
	public record Batches(long lastSealed, long lastCommitted, long inFlight, int pendingSubmissions,
			int submissionsWaitingForLog) {
	}

	/**
	 * The log as this application sees it.
	 * @param breaker the circuit breaker admitting submissions ({@code CLOSED} while the log takes writes)
	 * @param unacknowledgedMillis how long the oldest unacknowledged write has waited
	 * @param waitingWrites writes not acknowledged yet
	 * @param lostRecord a protocol record the log refused for good, or {@code null}
	 * @param readersAlive whether the reader threads run
	 * @param lag records behind, by partition
	 */
	public record Log(String breaker, long unacknowledgedMillis, int waitingWrites, String lostRecord,
			boolean readersAlive, Map<String, Long> lag) {
	}

	/**
	 * Aborted transactions counted by the coordinator since it started.
	 * @param total all of them
	 * @param reruns batch re-runs that removed the effects of aborted transactions from their readers
	 * @param top the most frequent places and causes, most frequent first
	 */
	public record Aborts(long total, long reruns, List<AbortCount> top) {
	}

	/**
	 * Aborts of one transaction type at one handler for one cause.
	 * @param transaction the input event
	 * @param vms the VMS ({@code ""} for the coordinator's rejections)
	 * @param handler the handler ({@code ""} for the coordinator's rejections)
	 * @param cause the exception type or the reason given
	 * @param count how many
	 */
	public record AbortCount(String transaction, String vms, String handler, String cause, long count) {
	}

}
