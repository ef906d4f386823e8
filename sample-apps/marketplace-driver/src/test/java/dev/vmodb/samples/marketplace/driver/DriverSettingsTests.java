package dev.vmodb.samples.marketplace.driver;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

class DriverSettingsTests {

	@Test
	void defaultsAreTheDocumentedOnes() {
		DriverSettings settings = bind(Map.of());
		assertThat(settings.mode()).isEqualTo(Mode.RUN);
		assertThat(settings.baseUrl()).isEqualTo("http://localhost:8080");
		assertThat(settings.duration()).isEqualTo(Duration.ofSeconds(60));
		assertThat(settings.warmUp()).isEqualTo(Duration.ofSeconds(5));
		assertThat(settings.inFlight()).isEqualTo(64);
		assertThat(settings.mix().name()).isEqualTo("sigmod");
		assertThat(settings.keys()).isEqualTo(KeyDistribution.UNIFORM);
		assertThat(settings.zipfTheta()).isEqualTo(0.99);
		assertThat(settings.declinedShare()).isEqualTo(0.01);
		assertThat(settings.output()).isEqualTo(Path.of("target/driver-report"));
		assertThat(settings.audit()).isTrue();
	}

	@Test
	void relaxedNamesDurationsMixesAndEnumsBind() {
		DriverSettings settings = bind(Map.of("driver.url", "http://shop:8181/", "driver.duration", "2m",
				"driver.in-flight", "8", "driver.mix", "vmodb-local", "driver.keys", "zipfian", "driver.mode", "audit"));
		assertThat(settings.baseUrl()).isEqualTo("http://shop:8181");
		assertThat(settings.duration()).isEqualTo(Duration.ofMinutes(2));
		assertThat(settings.inFlight()).isEqualTo(8);
		assertThat(settings.mix().percent(TransactionType.CHECKOUT)).isEqualTo(70);
		assertThat(settings.keys()).isEqualTo(KeyDistribution.ZIPFIAN);
		assertThat(settings.mode()).isEqualTo(Mode.AUDIT);
	}

	@Test
	void badValuesFailNamingTheProperty() {
		assertRefused(Map.of("driver.duration", "-5s"), "driver.duration must be positive");
		assertRefused(Map.of("driver.warm-up", "-1s"), "driver.warm-up must not be negative");
		assertRefused(Map.of("driver.in-flight", "0"), "driver.in-flight must be between 1 and 10000");
		assertRefused(Map.of("driver.zipf-theta", "1"), "driver.zipf-theta must be in [0, 1)");
		assertRefused(Map.of("driver.declined-share", "5"), "driver.declined-share must be in [0, 1]");
		assertRefused(Map.of("driver.url", "localhost:8080"), "driver.url must be an http(s) URL");
		assertRefused(Map.of("driver.mix", "checkout=60,delivery=60"), "mix percentages sum to 120, not 100");
		assertRefused(Map.of("driver.mix", "tpcc"), "unknown mix 'tpcc'");
	}

	@Test
	void theApplicationRefusesABadValueBeforeRunning() {
		assertThatException().isThrownBy(() -> DriverApplication.settings("--driver.mix=checkout=99"))
			.withStackTraceContaining("mix percentages sum to 99, not 100");
		assertThat(DriverApplication.settings("--driver.in-flight=3").inFlight()).isEqualTo(3);
	}

	private static void assertRefused(Map<String, String> properties, String message) {
		assertThatException().isThrownBy(() -> bind(properties)).withStackTraceContaining(message);
	}

	/** Binds as the application does, from properties. */
	static DriverSettings bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("driver", DriverSettings.class);
	}

}
