package dev.vmodb.core.checkpoint;

/**
 * Where a VMS restarting from a checkpoint resumes reading its logs, written with the checkpoint's state so the two
 * always agree.
 *
 * <p>Positions are offsets in the log's single-partition channels. Everything a VMS needs to redo the batches after
 * the checkpoint is at or after them: the control log from the sealing of the first batch after the checkpoint, and
 * its event log from the first event of any later batch. The two things it also needs from before are named here:
 * the topology those batches were planned with, and the epoch of the last re-run of an earlier batch, which events of
 * later batches may still carry.
 *
 * @param controlOffset the first control-log record to read again
 * @param topologyOffset the control-log record announcing the topology in force at {@code controlOffset}, or
 * {@code -1} when reading from {@code controlOffset} meets it first
 * @param eventsOffset the first record of the VMS's event log to read again
 * @param epoch the epoch of the last re-run of a batch up to the checkpoint's (0 when there was none)
 */
public record ResumePoint(long controlOffset, long topologyOffset, long eventsOffset, long epoch) {

	/** Read every log from its beginning: for a fresh VMS, or a checkpoint that recorded no positions. */
	public static final ResumePoint BEGINNING = new ResumePoint(0, -1, 0, 0);

	public ResumePoint {
		if (controlOffset < 0 || eventsOffset < 0 || epoch < 0 || topologyOffset < -1) {
			throw new IllegalArgumentException("Log positions cannot be negative: " + controlOffset + ", "
					+ topologyOffset + ", " + eventsOffset + ", epoch " + epoch);
		}
		if (topologyOffset >= controlOffset) {
			throw new IllegalArgumentException("The topology in force at control offset " + controlOffset
					+ " was announced before it, not at " + topologyOffset);
		}
	}

}
