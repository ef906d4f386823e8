package dev.vmodb.samples.marketplace.data;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Random;

import dev.vmodb.samples.marketplace.events.IngestionEvents.IngestCustomer;
import dev.vmodb.samples.marketplace.events.IngestionEvents.IngestProduct;
import dev.vmodb.samples.marketplace.events.IngestionEvents.IngestSeller;

/**
 * Generates the shop's rows as ingestion events, deterministically from the seed (the same seed gives both shops the
 * same rows): sellers first, each followed by its products (a product's seller must exist before a checkout needs it,
 * not before it is ingested, but this order reads well in the log), then customers.
 */
public final class DataGenerator {

	private static final List<String> CITIES = List.of("Copenhagen", "Aarhus", "Odense", "Aalborg", "Esbjerg",
			"Randers", "Kolding", "Vejle");

	private static final List<String> CATEGORIES = List.of("toys", "books", "garden", "kitchen", "sports",
			"electronics", "fashion", "health");

	private static final List<String> NAMES = List.of("Ada", "Bo", "Cai", "Dina", "Erik", "Freja", "Gustav", "Hanne",
			"Ib", "Jens", "Karen", "Lars", "Mette", "Niels", "Oda", "Per");

	private final Size size;

	public DataGenerator(Size size) {
		this.size = size;
	}

	/** Hands every ingestion event to the sink, in load order. */
	public void generate(Sink sink) {
		Random random = new Random(this.size.seed());
		for (long seller = 1; seller <= this.size.sellers(); seller++) {
			sink.seller(new IngestSeller(seller, "seller " + seller, pick(random, CITIES)));
			for (long product = 1; product <= this.size.productsPerSeller(); product++) {
				sink.product(new IngestProduct(seller, product, "product " + seller + "-" + product,
						"sku-" + seller + "-" + product, pick(random, CATEGORIES), price(random), freight(random),
						this.size.stockPerProduct()));
			}
		}
		for (long customer = 1; customer <= this.size.customers(); customer++) {
			sink.customer(new IngestCustomer(customer, pick(random, NAMES), pick(random, NAMES) + "sen",
					pick(random, CITIES)));
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

	/** What to generate: how many rows of each kind, and the seed. */
	public interface Size {

		/** Sellers 1..sellers. */
		int sellers();

		/** Products 1..productsPerSeller of every seller. */
		int productsPerSeller();

		/** Customers 1..customers. */
		int customers();

		/** Units available of every product. */
		int stockPerProduct();

		/** Seeds names, categories and prices: the same seed generates the same rows. */
		long seed();

		/** The ingestion events generated: one per seller, product and customer. */
		default long transactions() {
			return sellers() + (long) sellers() * productsPerSeller() + customers();
		}

	}

	/** Where the generated events go, one call per row. */
	public interface Sink {

		void seller(IngestSeller seller);

		void product(IngestProduct product);

		void customer(IngestCustomer customer);

	}

}
