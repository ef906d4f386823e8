package dev.vmodb.samples.marketplace.driver.report;

import java.util.List;
import java.util.Map;

/**
 * What a run produced, as written to {@code report.json} and shown in {@code report.html}.
 *
 * @param settings the run's configuration by property name
 * @param started when the run started (ISO-8601)
 * @param warmUpSeconds the warm-up, left out of the figures
 * @param measuredSeconds the measured window the figures cover
 * @param types the figures per transaction type
 * @param total the figures of all types together
 * @param errors errors by type and kind
 * @param timeline every second of the run
 * @param audit the audit's verdict
 */
public record RunReport(Map<String, Object> settings, String started, double warmUpSeconds, double measuredSeconds,
		List<TypeFigures> types, TypeFigures total, Map<String, Long> errors, List<TimelineSecond> timeline,
		AuditSummary audit) {

	/** The figures of one type by its label. */
	public TypeFigures type(String label) {
		return this.types.stream().filter((figures) -> figures.type().equals(label)).findFirst().orElseThrow();
	}

}
