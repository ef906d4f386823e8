package dev.vmodb.samples.marketplace.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import dev.vmodb.samples.marketplace.audit.AuditReport.CriterionResult;

/**
 * What one criterion found: how many cases it checked, how many broke it, and the first few broken ones described
 * (a hundred thousand examples would drown the report; the counts say how many there are).
 */
final class Violations {

	static final int MAX_EXAMPLES = 5;

	private final List<String> examples = new ArrayList<>();

	private final List<String> notes = new ArrayList<>();

	private long checked;

	private long violated;

	/**
	 * Counts one case, and a violation unless it holds.
	 * @param holds whether the case satisfies the criterion
	 * @param example what went wrong, asked for only when it did and examples are still wanted
	 */
	void check(boolean holds, Supplier<String> example) {
		this.checked++;
		if (!holds) {
			this.violated++;
			if (this.examples.size() < MAX_EXAMPLES) {
				this.examples.add(example.get());
			}
		}
	}

	/**
	 * Counts one case with the problems found in it: it violates the criterion if there is any.
	 * @param subject the case, as the example names it
	 * @param problems what is wrong with it (empty when it holds)
	 */
	void check(String subject, List<String> problems) {
		check(problems.isEmpty(), () -> subject + ": " + String.join("; ", problems));
	}

	/**
	 * Adds a remark to the result: what was tolerated or could not be decided.
	 * @param note the remark
	 */
	void note(String note) {
		this.notes.add(note);
	}

	long checked() {
		return this.checked;
	}

	long violated() {
		return this.violated;
	}

	CriterionResult result(String name) {
		return new CriterionResult(name, this.checked, this.violated, List.copyOf(this.examples), null,
				this.notes.isEmpty() ? null : String.join("; ", this.notes));
	}

	static CriterionResult skipped(String name, String reason) {
		return new CriterionResult(name, 0, 0, List.of(), reason, null);
	}

}
