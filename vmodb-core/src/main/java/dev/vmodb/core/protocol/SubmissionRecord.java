package dev.vmodb.core.protocol;

import java.util.List;

/**
 * One record of the input log: consecutive submissions of one client, numbered {@code firstSeq, firstSeq + 1, …}
 * so the client can recognise them in the sealed batches.
 *
 * @param clientId the submitting client
 * @param firstSeq the client's sequence number of the first submission
 * @param submissions the submissions, in order
 */
public record SubmissionRecord(long clientId, long firstSeq, List<Submission> submissions) {

	public SubmissionRecord {
		submissions = List.copyOf(submissions);
	}

}
