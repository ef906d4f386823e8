package dev.vmodb.samples.marketplace.driver;

import dev.vmodb.samples.marketplace.driver.report.ReportFiles;
import dev.vmodb.samples.marketplace.driver.report.RunReport;

/**
 * How a driver run ended.
 *
 * @param exitCode the process exit code it stands for
 * @param report the run's report, {@code null} when it did not get that far (or in audit mode)
 * @param files where the report was written, {@code null} when it was not
 */
public record DriverResult(ExitCode exitCode, RunReport report, ReportFiles files) {

	static DriverResult failed() {
		return new DriverResult(ExitCode.FAILED, null, null);
	}

}
