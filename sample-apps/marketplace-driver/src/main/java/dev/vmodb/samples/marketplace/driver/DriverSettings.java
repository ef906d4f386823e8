package dev.vmodb.samples.marketplace.driver;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The driver's settings ({@code driver.*}); a bad value fails the start with a message naming the property.
 *
 * @param mode run the workload, or audit one snapshot of the shop alone
 * @param url the shop's base URL
 * @param duration how long the measured part of the run lasts (after the warm-up)
 * @param warmUp how long the driver runs before measuring: transactions answered during it are journaled and
 * audited but left out of the figures
 * @param inFlight transactions running at once (the closed loop's slots)
 * @param mix the share of each transaction type: {@code sigmod}, {@code vmodb-local} or
 * {@code checkout=50,price=10,...}
 * @param keys how sellers and products are chosen
 * @param zipfTheta the skew of the zipfian choice, in [0, 1): 0 is uniform, 0.99 the usual YCSB skew
 * @param seed seeds each slot's choices
 * @param declinedShare the share of checkouts paid with a card the shop declines (so they abort), in [0, 1]
 * @param output the directory to write {@code report.json} and {@code report.html} to
 * @param audit whether to audit the run against the shop's state before and after it
 * @param requestTimeout how long one request may take before it counts as unknown
 * @param waitForShop how long to wait for the shop to answer and finish loading (and for a snapshot)
 */
@ConfigurationProperties("driver")
public record DriverSettings(@DefaultValue("run") Mode mode, @DefaultValue("http://localhost:8080") URI url,
		@DefaultValue("60s") Duration duration, @DefaultValue("5s") Duration warmUp, @DefaultValue("64") int inFlight,
		@DefaultValue(Mix.SIGMOD) Mix mix, @DefaultValue("uniform") KeyDistribution keys,
		@DefaultValue("0.99") double zipfTheta, @DefaultValue("1") long seed,
		@DefaultValue("0.01") double declinedShare, @DefaultValue("target/driver-report") Path output,
		@DefaultValue("true") boolean audit, @DefaultValue("30s") Duration requestTimeout,
		@DefaultValue("5m") Duration waitForShop) {

	public DriverSettings {
		require(url.getScheme() != null && url.getScheme().startsWith("http") && url.getHost() != null,
				"driver.url must be an http(s) URL such as http://localhost:8080, not " + url);
		require(!duration.isNegative() && !duration.isZero(), "driver.duration must be positive, not " + duration);
		require(!warmUp.isNegative(), "driver.warm-up must not be negative, not " + warmUp);
		require(inFlight >= 1 && inFlight <= 10_000, "driver.in-flight must be between 1 and 10000, not " + inFlight);
		require(zipfTheta >= 0 && zipfTheta < 1, "driver.zipf-theta must be in [0, 1), not " + zipfTheta);
		require(declinedShare >= 0 && declinedShare <= 1,
				"driver.declined-share must be in [0, 1] (0.01 is 1 %), not " + declinedShare);
		require(!requestTimeout.isNegative() && !requestTimeout.isZero(),
				"driver.request-timeout must be positive, not " + requestTimeout);
		require(!waitForShop.isNegative(), "driver.wait-for-shop must not be negative, not " + waitForShop);
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException(message);
		}
	}

	/** The settings by property name, as the report shows them. */
	public Map<String, Object> byPropertyName() {
		Map<String, Object> byName = new LinkedHashMap<>();
		byName.put("driver.url", baseUrl());
		byName.put("driver.duration", text(this.duration));
		byName.put("driver.warm-up", text(this.warmUp));
		byName.put("driver.in-flight", this.inFlight);
		byName.put("driver.mix", this.mix.toString());
		byName.put("driver.keys", this.keys.name().toLowerCase(Locale.ROOT));
		byName.put("driver.zipf-theta", this.zipfTheta);
		byName.put("driver.seed", this.seed);
		byName.put("driver.declined-share", this.declinedShare);
		byName.put("driver.audit", this.audit);
		byName.put("driver.request-timeout", text(this.requestTimeout));
		return byName;
	}

	/** A duration as it would be configured: {@code 60s}, or {@code 1500ms} when not whole seconds. */
	private static String text(Duration duration) {
		return (duration.toMillisPart() == 0) ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
	}

	/** The URL without a trailing slash, so that paths can be appended. */
	public String baseUrl() {
		String text = this.url.toString();
		return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
	}

}
