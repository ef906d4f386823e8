package dev.vmodb.samples.marketplace.audit;

import java.util.List;

/**
 * The audit's verdict: each criterion with how many things it checked and how many violated it.
 */
public record AuditReport(List<CriterionResult> criteria) {

	/** Whether no criterion was violated. */
	public boolean passed() {
		return this.criteria.stream().allMatch((criterion) -> criterion.violated() == 0);
	}

	/**
	 * One criterion's result.
	 * @param name what it demands, as a sentence
	 * @param checked how many cases it looked at
	 * @param violated how many of them broke it
	 * @param examples up to a few of the violations, described
	 * @param skipped why it could not run (for example: no journal), or {@code null}
	 */
	public record CriterionResult(String name, long checked, long violated, List<String> examples, String skipped) {
	}

}
