package dev.vmodb.samples.marketplace.driver;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The share of each transaction type in percent, summing to 100: a named mix of the benchmark's configurations or a
 * custom list such as {@code checkout=50,price=10,product=10,dashboard=10,delivery=20}.
 */
public final class Mix {

	/** The SIGMOD configuration of the public driver. */
	public static final String SIGMOD = "sigmod";

	/** The vMODB paper's local configuration: no deliveries. */
	public static final String VMODB_LOCAL = "vmodb-local";

	private final String name;

	private final Map<TransactionType, Integer> percent;

	private Mix(String name, Map<TransactionType, Integer> percent) {
		this.name = name;
		this.percent = Collections.unmodifiableMap(new EnumMap<>(percent));
	}

	/**
	 * Parses a mix: {@value #SIGMOD}, {@value #VMODB_LOCAL} or {@code type=percent,...} with the types
	 * {@code checkout}, {@code price} ({@code price_update}), {@code product} ({@code product_update}),
	 * {@code dashboard} and {@code delivery}; types left out get 0.
	 * @param text the mix as configured
	 * @return the mix
	 * @throws IllegalArgumentException naming what is wrong: an unknown name or type, a bad or negative number, a
	 * type listed twice, or percentages not summing to 100
	 */
	public static Mix of(String text) {
		String trimmed = (text != null) ? text.trim().toLowerCase(Locale.ROOT) : "";
		if (trimmed.equals(SIGMOD)) {
			return new Mix(SIGMOD, Map.of(TransactionType.CHECKOUT, 30, TransactionType.DASHBOARD, 5,
					TransactionType.PRICE_UPDATE, 3, TransactionType.PRODUCT_UPDATE, 2, TransactionType.DELIVERY, 60));
		}
		if (trimmed.equals(VMODB_LOCAL)) {
			return new Mix(VMODB_LOCAL, Map.of(TransactionType.CHECKOUT, 70, TransactionType.PRICE_UPDATE, 10,
					TransactionType.PRODUCT_UPDATE, 10, TransactionType.DASHBOARD, 10));
		}
		if (!trimmed.contains("=")) {
			throw new IllegalArgumentException("unknown mix '" + text + "': use " + SIGMOD + ", " + VMODB_LOCAL
					+ " or type=percent,... (checkout, price, product, dashboard, delivery)");
		}
		return new Mix("custom", parseCustom(trimmed));
	}

	private static Map<TransactionType, Integer> parseCustom(String text) {
		Map<TransactionType, Integer> percent = new EnumMap<>(TransactionType.class);
		for (String part : text.split(",", -1)) {
			String[] pair = part.split("=", -1);
			if (pair.length != 2) {
				throw new IllegalArgumentException("mix entry '" + part.trim() + "' is not type=percent");
			}
			TransactionType type = type(pair[0].trim());
			int share = share(pair[0].trim(), pair[1].trim());
			if (percent.put(type, share) != null) {
				throw new IllegalArgumentException("mix lists " + type.label() + " twice");
			}
		}
		int sum = percent.values().stream().mapToInt(Integer::intValue).sum();
		if (sum != 100) {
			throw new IllegalArgumentException("mix percentages sum to " + sum + ", not 100: " + text);
		}
		return percent;
	}

	private static TransactionType type(String key) {
		return switch (key) {
			case "checkout" -> TransactionType.CHECKOUT;
			case "price", "price_update", "price-update" -> TransactionType.PRICE_UPDATE;
			case "product", "product_update", "product-update" -> TransactionType.PRODUCT_UPDATE;
			case "dashboard" -> TransactionType.DASHBOARD;
			case "delivery" -> TransactionType.DELIVERY;
			default -> throw new IllegalArgumentException(
					"unknown transaction type '" + key + "' in mix: use checkout, price, product, dashboard, delivery");
		};
	}

	private static int share(String key, String value) {
		try {
			int share = Integer.parseInt(value);
			if (share < 0) {
				throw new IllegalArgumentException("mix share of " + key + " is negative: " + value);
			}
			return share;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("mix share of " + key + " is not a whole number: '" + value + "'");
		}
	}

	/**
	 * Chooses a type for a uniform draw in [0, 100): each type takes as many of the hundred points as its percent.
	 * @param point a draw in [0, 100)
	 * @return the type whose range holds the point
	 */
	public TransactionType choose(int point) {
		int upTo = 0;
		for (Map.Entry<TransactionType, Integer> share : this.percent.entrySet()) {
			upTo += share.getValue();
			if (point < upTo) {
				return share.getKey();
			}
		}
		throw new IllegalArgumentException("draw " + point + " is outside [0, 100)");
	}

	/** The percent of a type, 0 when the mix leaves it out. */
	public int percent(TransactionType type) {
		return this.percent.getOrDefault(type, 0);
	}

	/** {@code sigmod}, {@code vmodb-local} or {@code custom}. */
	public String name() {
		return this.name;
	}

	@Override
	public String toString() {
		StringJoiner joiner = new StringJoiner(",");
		this.percent.forEach((type, share) -> {
			if (share > 0) {
				joiner.add(type.label() + "=" + share);
			}
		});
		return this.name + " (" + joiner + ")";
	}

}
