package dev.vmodb.samples.marketplace.bench;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;

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
		SpringApplication application = new SpringApplication(BenchApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setLogStartupInfo(false);
		application.setRegisterShutdownHook(false);
		application.setDefaultProperties(Map.of("spring.main.banner-mode", "off", "logging.level.root", "warn",
				"logging.level.org.springframework.context", "error"));
		try (ConfigurableApplicationContext context = application.run(args)) {
			return context.getBean(BenchSettings.class);
		}
	}

}
