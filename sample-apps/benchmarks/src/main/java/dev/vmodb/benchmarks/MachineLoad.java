package dev.vmodb.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * The machine may be shared: its load tells how far to trust single runs.
 */
final class MachineLoad {

	private MachineLoad() {
	}

	static void print(String when) {
		System.out.printf(Locale.ROOT, "System load average (1 min) at %s: %.2f%n", when,
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
	}

}
