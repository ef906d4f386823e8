package dev.vmodb.samples.marketplace.bench;

import dev.vmodb.samples.marketplace.audit.AuditReport.CriterionResult;
import dev.vmodb.samples.marketplace.driver.report.RunReport;
import dev.vmodb.samples.marketplace.driver.report.TypeFigures;

/**
 * One driver run against one shop, with what the shop's JVM used in its measured window.
 *
 * @param shop the shop
 * @param mix the mix's name
 * @param inFlight the transactions kept in flight
 * @param sweep whether it is a point of the scaling sweep (else a mix's run)
 * @param report the driver's report: figures per type and the audit's verdict
 * @param usage the shop JVM's CPU, allocation, heap and log growth in the measured window
 */
record RunResult(Shop shop, String mix, int inFlight, boolean sweep, RunReport report, ResourceSampler.Usage usage) {

	TypeFigures total() {
		return this.report.total();
	}

	/** Requests committed per second in the measured window. */
	double throughput() {
		return total().throughput();
	}

	/** The audit's status: passed, violated, failed or off. */
	String auditStatus() {
		return this.report.audit().status();
	}

	/** The violations the audit found, over all criteria. */
	long violations() {
		return this.report.audit().criteria().stream().mapToLong(CriterionResult::violated).sum();
	}

	double cpuMillisPerCommit() {
		return perCommit(this.usage.cpuSeconds() * 1000);
	}

	double allocatedKilobytesPerCommit() {
		return perCommit(this.usage.allocatedBytes() / 1024.0);
	}

	double loggedBytesPerCommit() {
		return perCommit(this.usage.logged().bytes());
	}

	double loggedRecordsPerCommit() {
		return perCommit(this.usage.logged().records());
	}

	private double perCommit(double amount) {
		long committed = total().committed();
		return (committed == 0) ? Double.NaN : amount / committed;
	}

}
