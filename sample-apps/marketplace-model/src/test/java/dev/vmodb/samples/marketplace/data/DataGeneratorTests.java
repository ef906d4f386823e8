package dev.vmodb.samples.marketplace.data;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.vmodb.samples.marketplace.events.IngestionEvents.IngestCustomer;
import dev.vmodb.samples.marketplace.events.IngestionEvents.IngestProduct;
import dev.vmodb.samples.marketplace.events.IngestionEvents.IngestSeller;

import static org.assertj.core.api.Assertions.assertThat;

class DataGeneratorTests {

	static final Tiny TINY = new Tiny(3, 2, 5, 10, 7);

	@Test
	void sameSeedGeneratesTheSameRows() {
		assertThat(generate(TINY)).hasSize(14).isEqualTo(generate(TINY));
	}

	@Test
	void anotherSeedDrawsOtherValues() {
		assertThat(generate(new Tiny(3, 2, 5, 10, 8))).hasSize(14).isNotEqualTo(generate(TINY));
	}

	@Test
	void sellersComeWithTheirProductsThenCustomers() {
		List<Record> rows = generate(TINY);
		assertThat(rows.subList(0, 3)).extracting(Record::getClass)
			.containsExactly(IngestSeller.class, IngestProduct.class, IngestProduct.class);
		assertThat(rows.subList(9, 14)).allSatisfy((row) -> assertThat(row).isInstanceOf(IngestCustomer.class));
		assertThat(rows).filteredOn(IngestProduct.class::isInstance)
			.map(IngestProduct.class::cast)
			.allSatisfy((product) -> assertThat(product.qtyAvailable()).isEqualTo(10))
			.extracting((product) -> product.sellerId() + "/" + product.productId())
			.containsExactly("1/1", "1/2", "2/1", "2/2", "3/1", "3/2");
		assertThat(TINY.transactions()).isEqualTo(rows.size());
	}

	private static List<Record> generate(DataGenerator.Size size) {
		List<Record> rows = new ArrayList<>();
		new DataGenerator(size).generate(new DataGenerator.Sink() {
			@Override
			public void seller(IngestSeller seller) {
				rows.add(seller);
			}

			@Override
			public void product(IngestProduct product) {
				rows.add(product);
			}

			@Override
			public void customer(IngestCustomer customer) {
				rows.add(customer);
			}
		});
		return rows;
	}

	record Tiny(int sellers, int productsPerSeller, int customers, int stockPerProduct, long seed)
			implements DataGenerator.Size {
	}

}
