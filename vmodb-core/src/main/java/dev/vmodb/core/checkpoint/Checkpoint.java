package dev.vmodb.core.checkpoint;

import java.util.Objects;

import dev.vmodb.core.store.CommitMark;

/**
 * What a VMS's database holds: the committed state of a batch and where to resume reading the logs from it.
 *
 * @param state the batch (and its last TID) whose committed state the database holds
 * @param resume where the logs continue after that batch
 */
public record Checkpoint(CommitMark state, ResumePoint resume) {

	/** A fresh database: no batch yet, every log read from its beginning. */
	public static final Checkpoint INITIAL = new Checkpoint(CommitMark.INITIAL, ResumePoint.BEGINNING);

	public Checkpoint {
		Objects.requireNonNull(state, "state");
		Objects.requireNonNull(resume, "resume");
	}

}
