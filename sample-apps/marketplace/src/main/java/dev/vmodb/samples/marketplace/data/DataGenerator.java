package dev.vmodb.samples.marketplace.data;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;

import dev.vmodb.samples.marketplace.events.IngestionEvents.IngestCustomer;
import dev.vmodb.samples.marketplace.events.IngestionEvents.IngestProduct;
import dev.vmodb.samples.marketplace.events.IngestionEvents.IngestSeller;

/**
 * Generates the shop's rows as ingestion events, deterministically from the seed: sellers first, each followed by
 * its products (a product's seller must exist before a checkout needs it, not before it is ingested, but this
 * order reads well in the log), then customers.
 */
public final class DataGenerator {

	private static final List<String> CITIES = List.of("Copenhagen", "Aarhus", "Odense", "Aalborg", "Esbjerg",
			"Randers", "Kolding", "Vejle");

	private static final List<String> CATEGORIES = List.of("toys", "books", "garden", "kitchen", "sports",
			"electronics", "fashion", "health");

	private static final List<String> NAMES = List.of("Ada", "Bo", "Cai", "Dina", "Erik", "Freja", "Gustav", "Hanne",
			"Ib", "Jens", "Karen", "Lars", "Mette", "Niels", "Oda", "Per");

	private final DataSize size;

	public DataGenerator(DataSize size) {
		this.size = size;
	}

	/** Hands every ingestion event, in load order, with its input event name to the sink. */
	public void generate(BiConsumer<String, Record> sink) {
		Random random = new Random(this.size.seed());
		for (long seller = 1; seller <= this.size.sellers(); seller++) {
			sink.accept("ingest_seller", new IngestSeller(seller, "seller " + seller, pick(random, CITIES)));
			for (long product = 1; product <= this.size.productsPerSeller(); product++) {
				sink.accept("ingest_product", new IngestProduct(seller, product, "product " + seller + "-" + product,
						"sku-" + seller + "-" + product, pick(random, CATEGORIES), price(random), freight(random),
						this.size.stockPerProduct()));
			}
		}
		for (long customer = 1; customer <= this.size.customers(); customer++) {
			sink.accept("ingest_customer", new IngestCustomer(customer, pick(random, NAMES),
					pick(random, NAMES) + "sen", pick(random, CITIES)));
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
