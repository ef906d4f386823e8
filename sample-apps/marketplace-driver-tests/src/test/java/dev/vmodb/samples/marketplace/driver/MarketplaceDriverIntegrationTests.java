package dev.vmodb.samples.marketplace.driver;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.context.ConfigurableApplicationContext;

import dev.vmodb.samples.marketplace.MarketplaceApplication;
import dev.vmodb.samples.marketplace.driver.report.RunReport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The driver against a real shop started in-process on its embedded broker (a small data set loaded at start-up):
 * 8 s of a mix holding every type, with a fifth of the payments declined, then the report files and the audit of the
 * run.
 */
class MarketplaceDriverIntegrationTests {

	@Test
	void drivesEveryTransactionTypeAgainstARealShopAndTheRunPassesTheAudit(@TempDir Path output) throws Exception {
		try (ConfigurableApplicationContext shop = new SpringApplicationBuilder(MarketplaceApplication.class)
			// arguments, not default properties: the shop's application.yml would override those
			.run("--server.port=0", "--vmodb.application-name=marketplace-driver-test", "--marketplace.load=true",
					"--marketplace.sellers=20", "--marketplace.products-per-seller=5", "--marketplace.customers=200")) {
			String url = "http://localhost:" + shop.getEnvironment().getProperty("local.server.port");
			DriverSettings settings = bind(Map.of("driver.url", url, "driver.duration", "8s",
					"driver.warm-up", "1s", "driver.in-flight", "32", "driver.mix",
					"checkout=40,price=10,product=10,dashboard=15,delivery=25", "driver.declined-share", "0.2",
					"driver.seed", "7", "driver.output", output.toString()));
			ByteArrayOutputStream printed = new ByteArrayOutputStream();

			DriverResult result = new Driver(settings, new PrintStream(new Tee(printed, System.out), true)).execute();

			RunReport report = result.report();
			assertThat(report).as(printed.toString()).isNotNull();
			for (TransactionType type : TransactionType.values()) {
				assertThat(report.type(type.label()).committed()).as("%s committed", type.label()).isPositive();
			}
			// declined cards and carts holding a replaced version abort; nothing goes unanswered
			assertThat(report.type("checkout").aborted()).isPositive();
			assertThat(report.total().unknown()).isZero();
			assertThat(report.errors()).isEmpty();
			assertThat(report.timeline()).hasSizeGreaterThanOrEqualTo(9);
			assertThat(printed.toString()).contains("committed", "tx/s (last 1 s)", "p99 ms", "report written to");

			assertThat(Files.readString(result.files().json())).contains("\"checkout\"", "\"timeline\"");
			assertThat(Files.readString(result.files().html())).contains("<table>", "<svg");

			assertThat(report.audit().criteria()).as(report.audit().message()).isNotEmpty();
			assertThat(report.audit().status()).as(printed.toString()).isEqualTo("passed");
			assertThat(result.exitCode()).isEqualTo(ExitCode.OK);

			// a second run on the state the first left: carts still hold the lines of its aborted checkouts, which
			// the driver must take from the snapshot (the first real 60-s rerun failed the audit without that)
			DriverSettings again = bind(Map.of("driver.url", url, "driver.duration", "4s", "driver.warm-up", "0s",
					"driver.in-flight", "32", "driver.mix", "checkout=80,price=10,product=10", "driver.keys", "zipfian",
					"driver.seed", "8", "driver.output", output.resolve("again").toString()));
			ByteArrayOutputStream printedAgain = new ByteArrayOutputStream();
			DriverResult second = new Driver(again, new PrintStream(new Tee(printedAgain, System.out), true)).execute();
			assertThat(second.report().type("checkout").committed()).isPositive();
			assertThat(second.report().audit().status()).as(printedAgain.toString()).isEqualTo("passed");
		}
	}

	/** Binds the settings as the driver application does, from properties. */
	private static DriverSettings bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("driver", DriverSettings.class);
	}

	/** Keeps what the driver prints for the assertions and still shows it in the test's output. */
	private static final class Tee extends OutputStream {

		private final OutputStream first;

		private final OutputStream second;

		Tee(OutputStream first, OutputStream second) {
			this.first = first;
			this.second = second;
		}

		@Override
		public void write(int b) throws java.io.IOException {
			this.first.write(b);
			this.second.write(b);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws java.io.IOException {
			this.first.write(bytes, offset, length);
			this.second.write(bytes, offset, length);
		}

	}

}
