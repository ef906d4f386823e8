package dev.vmodb.samples.marketplace.driver.report;

import java.util.List;

import dev.vmodb.samples.marketplace.audit.AuditReport;

/**
 * The audit's part of the report: its verdict per criterion, or why there is none.
 *
 * @param status {@code passed}, {@code violated}, {@code failed} (the audit could not run) or {@code off}
 * @param message why it failed or is off, else {@code null}
 * @param criteria the verdict per criterion, empty when it did not run
 */
public record AuditSummary(String status, String message, List<AuditReport.CriterionResult> criteria) {

	public static AuditSummary of(AuditReport report) {
		return new AuditSummary(report.passed() ? "passed" : "violated", null, report.criteria());
	}

	public static AuditSummary failed(String message) {
		return new AuditSummary("failed", message, List.of());
	}

	public static AuditSummary off(String why) {
		return new AuditSummary("off", why, List.of());
	}

}
