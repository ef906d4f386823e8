package dev.vmodb.samples.marketplace.audit;

import java.util.List;
import java.util.Locale;

/**
 * The audit's verdict: each criterion with how many things it checked and how many violated it.
 */
public record AuditReport(List<CriterionResult> criteria) {

	/** Whether no criterion was violated. */
	public boolean passed() {
		return this.criteria.stream().allMatch((criterion) -> criterion.violated() == 0);
	}

	/**
	 * One criterion's result by name.
	 * @param name the criterion's name (the constants of {@link Audit})
	 * @return its result
	 * @throws IllegalArgumentException if the report has no such criterion
	 */
	public CriterionResult criterion(String name) {
		return this.criteria.stream()
			.filter((criterion) -> criterion.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No criterion '" + name + "' in the report"));
	}

	/**
	 * The report as text: a verdict line, then one line per criterion with its counts, its examples indented
	 * below it, and its note (what was tolerated or undecidable), or why it was skipped.
	 * @return the lines, each ending with a line break
	 */
	public String format() {
		long failed = this.criteria.stream().filter((criterion) -> criterion.violated() > 0).count();
		StringBuilder text = new StringBuilder();
		text.append(String.format(Locale.ROOT, "Consistency audit: %s (%d criteria, %d violated)%n",
				passed() ? "passed" : "FAILED", this.criteria.size(), failed));
		for (CriterionResult criterion : this.criteria) {
			criterion.format(text);
		}
		return text.toString();
	}

	/**
	 * One criterion's result.
	 * @param name what it demands, as a sentence
	 * @param checked how many cases it looked at
	 * @param violated how many of them broke it
	 * @param examples up to a few of the violations, described
	 * @param skipped why it could not run (for example: no journal), or {@code null}
	 * @param note what it tolerated or could not decide (for example: rows of checkouts whose outcome the driver
	 * does not know), or {@code null}
	 */
	public record CriterionResult(String name, long checked, long violated, List<String> examples, String skipped,
			String note) {

		/** A result without a note. */
		public CriterionResult(String name, long checked, long violated, List<String> examples, String skipped) {
			this(name, checked, violated, examples, skipped, null);
		}

		void format(StringBuilder text) {
			if (this.skipped != null) {
				text.append(String.format(Locale.ROOT, "  skip  %s: skipped, %s%n", this.name, this.skipped));
				return;
			}
			text.append(String.format(Locale.ROOT, "  %-4s  %s: %,d checked, %,d violated%n",
					(this.violated == 0) ? "ok" : "FAIL", this.name, this.checked, this.violated));
			for (String example : this.examples) {
				text.append("          - ").append(example).append(System.lineSeparator());
			}
			if (this.note != null) {
				text.append("          note: ").append(this.note).append(System.lineSeparator());
			}
		}

	}

}
