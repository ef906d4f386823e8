package dev.vmodb.samples.marketplace.driver;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Binds a command-line program's {@code @ConfigurationProperties} record with Spring Boot (relaxed names, durations,
 * lists, a refused value reported with its property and origin) and closes the context at once: the program itself
 * runs outside any application context. The driver and the bench start so.
 */
public final class CommandLineSettings {

	private CommandLineSettings() {
	}

	/**
	 * Binds the settings from the arguments, the environment and any {@code application.properties}.
	 * @param source a class annotated with {@code @EnableConfigurationProperties(type)}, and nothing else to start
	 * @param type the settings record
	 * @param args the command line
	 * @return the bound settings
	 * @throws RuntimeException when a value is refused; Spring Boot has logged which and why
	 */
	public static <T> T bind(Class<?> source, Class<T> type, String... args) {
		SpringApplication application = new SpringApplication(source);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setLogStartupInfo(false);
		application.setRegisterShutdownHook(false);
		// the program prints its own progress; Spring's start-up lines would only interleave with it
		// (and a refused setting is reported once, by the failure analysis, not also as a context warning)
		application.setDefaultProperties(Map.of("spring.main.banner-mode", "off", "logging.level.root", "warn",
				"logging.level.org.springframework.context", "error"));
		try (ConfigurableApplicationContext context = application.run(args)) {
			return context.getBean(type);
		}
	}

}
