package dev.vmodb.samples.marketplace.driver;

import dev.vmodb.samples.marketplace.driver.report.ReportFiles;
import dev.vmodb.samples.marketplace.driver.report.RunReport;
import dev.vmodb.samples.marketplace.driver.report.RunWindow;

/**
 * How a driver run ended.
 *
 * @param exitCode the process exit code it stands for
 * @param report the run's report, {@code null} when it did not get that far (or in audit mode)
 * @param files where the report was written, {@code null} when it was not
 * @param window the run's warm-up and measured window on this JVM's {@link System#nanoTime()} clock, so that a caller
 * sampling something else meanwhile (the shop's CPU, say) can cut its samples to the same window; {@code null} when
 * the load did not run
 */
public record DriverResult(ExitCode exitCode, RunReport report, ReportFiles files, RunWindow window) {

	static DriverResult failed() {
		return new DriverResult(ExitCode.FAILED, null, null, null);
	}

}
