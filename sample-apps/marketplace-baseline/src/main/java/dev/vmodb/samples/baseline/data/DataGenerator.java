package dev.vmodb.samples.baseline.data;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Random;

/**
 * Generates the shop's rows deterministically from the seed, exactly as the vMODB shop's {@code DataGenerator} does
 * (same draws in the same order, so the same seed gives both shops the same rows): sellers first, each followed by
 * its products, then customers.
 */
public final class DataGenerator {

	private static final List<String> CITIES = List.of("Copenhagen", "Aarhus", "Odense", "Aalborg", "Esbjerg",
			"Randers", "Kolding", "Vejle");

	private static final List<String> CATEGORIES = List.of("toys", "books", "garden", "kitchen", "sports",
			"electronics", "fashion", "health");

	private static final List<String> NAMES = List.of("Ada", "Bo", "Cai", "Dina", "Erik", "Freja", "Gustav", "Hanne",
			"Ib", "Jens", "Karen", "Lars", "Mette", "Niels", "Oda", "Per");

	/** Where the generated rows go, in load order. */
	public interface Sink {

		void seller(long sellerId, String name, String city);

		void product(long sellerId, long productId, String name, String sku, String category, BigDecimal price,
				BigDecimal freightValue, int qtyAvailable);

		void customer(long customerId, String firstName, String lastName, String city);

	}

	private final DataSize size;

	public DataGenerator(DataSize size) {
		this.size = size;
	}

	public void generate(Sink sink) {
		Random random = new Random(this.size.seed());
		for (long seller = 1; seller <= this.size.sellers(); seller++) {
			sink.seller(seller, "seller " + seller, pick(random, CITIES));
			for (long product = 1; product <= this.size.productsPerSeller(); product++) {
				sink.product(seller, product, "product " + seller + "-" + product, "sku-" + seller + "-" + product,
						pick(random, CATEGORIES), price(random), freight(random), this.size.stockPerProduct());
			}
		}
		for (long customer = 1; customer <= this.size.customers(); customer++) {
			sink.customer(customer, pick(random, NAMES), pick(random, NAMES) + "sen", pick(random, CITIES));
		}
	}

	private static String pick(Random random, List<String> values) {
		return values.get(random.nextInt(values.size()));
	}

	/** 1.00 to 500.00. */
	private static BigDecimal price(Random random) {
		return BigDecimal.valueOf(100 + random.nextInt(49_901)).movePointLeft(2).setScale(2, RoundingMode.UNNECESSARY);
	}

	/** 0.00 to 30.00. */
	private static BigDecimal freight(Random random) {
		return BigDecimal.valueOf(random.nextInt(3_001)).movePointLeft(2).setScale(2, RoundingMode.UNNECESSARY);
	}

}
