package dev.vmodb.samples.marketplace.bench;

import org.springframework.boot.context.properties.EnableConfigurationProperties;

import dev.vmodb.samples.marketplace.driver.CommandLineSettings;

/**
 * Starts the bench: Spring Boot binds and checks the {@code bench.*} settings from the command line, then the bench
 * runs outside any application context. Exit code 0 when every run completed, 1 when the bench could not run.
 * Audit violations do not fail the bench: counting the baseline's is part of its job.
 */
@EnableConfigurationProperties(BenchSettings.class)
public class BenchApplication {

	public static void main(String[] args) {
		BenchSettings settings;
		try {
			settings = settings(args);
		}
		catch (RuntimeException ex) {
			// Spring Boot has already reported why (a bad property is named with its value and origin)
			System.exit(1);
			return;
		}
		try {
			BenchResult result = new Bench(settings, System.out).run();
			String table = BenchTable.format(result);
			System.out.println();
			System.out.print(table);
			BenchFiles files = BenchFiles.write(result, table, settings.output());
			System.out.println("Bench: table, chart and figures written to " + files.markdown() + ", " + files.html()
					+ " and " + files.json());
			System.exit(0);
		}
		catch (Exception ex) {
			System.out.println("Bench: failed: " + ex.getMessage());
			ex.printStackTrace(System.out);
			System.exit(1);
		}
	}

	static BenchSettings settings(String... args) {
		return CommandLineSettings.bind(BenchApplication.class, BenchSettings.class, args);
	}

}
