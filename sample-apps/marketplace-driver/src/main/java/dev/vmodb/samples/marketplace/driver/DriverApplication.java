package dev.vmodb.samples.marketplace.driver;

import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Starts the driver: Spring Boot binds and checks the {@code driver.*} settings (from the command line, the
 * environment or a properties file), then the driver runs outside any application context and the process exits
 * with its {@link ExitCode}.
 *
 * <p>Deliberately not a {@code @Configuration}: the shop's component scan covers this package when both are on one
 * class path (the integration test), and must not pick the driver up.
 */
@EnableConfigurationProperties(DriverSettings.class)
public class DriverApplication {

	public static void main(String[] args) {
		DriverSettings settings;
		try {
			settings = settings(args);
		}
		catch (RuntimeException ex) {
			// Spring Boot has already reported why (a bad property is named with its value and origin)
			System.exit(ExitCode.FAILED.code());
			return;
		}
		System.exit(new Driver(settings, System.out).run().code());
	}

	/**
	 * Binds the settings from the arguments, the environment and any {@code application.properties}.
	 * @throws RuntimeException when a value is missing its mark; Spring Boot has logged which and why
	 */
	static DriverSettings settings(String... args) {
		return CommandLineSettings.bind(DriverApplication.class, DriverSettings.class, args);
	}

}
