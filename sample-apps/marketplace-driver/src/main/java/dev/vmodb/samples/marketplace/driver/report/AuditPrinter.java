package dev.vmodb.samples.marketplace.driver.report;

import java.util.Locale;

import dev.vmodb.samples.marketplace.audit.AuditReport.CriterionResult;

/**
 * The audit's verdict as text: a headline, then one line per criterion with what it checked and violated, and a few
 * examples of each violation.
 */
public final class AuditPrinter {

	private AuditPrinter() {
	}

	public static String format(AuditSummary audit) {
		StringBuilder text = new StringBuilder("Audit: ").append(audit.status());
		if (audit.message() != null) {
			text.append(": ").append(audit.message());
		}
		text.append('\n');
		for (CriterionResult criterion : audit.criteria()) {
			if (criterion.skipped() != null) {
				text.append("  [skip] ").append(criterion.name()).append(": ").append(criterion.skipped()).append('\n');
				continue;
			}
			text.append((criterion.violated() == 0) ? "  [ok]   " : "  [FAIL] ")
				.append(criterion.name())
				.append(String.format(Locale.ROOT, ": %,d checked, %,d violated", criterion.checked(),
						criterion.violated()))
				.append('\n');
			if (criterion.examples() != null) {
				criterion.examples().forEach((example) -> text.append("         e.g. ").append(example).append('\n'));
			}
		}
		return text.toString();
	}

}
