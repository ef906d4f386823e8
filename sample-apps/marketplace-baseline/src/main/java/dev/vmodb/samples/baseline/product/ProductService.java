package dev.vmodb.samples.baseline.product;

import java.math.BigDecimal;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.vmodb.samples.baseline.RequestRejectedException;
import dev.vmodb.samples.baseline.events.ProductEvents.PriceUpdated;
import dev.vmodb.samples.baseline.events.ProductEvents.ProductIngested;
import dev.vmodb.samples.baseline.events.ProductEvents.ProductUpdated;
import dev.vmodb.samples.baseline.events.Topics;
import dev.vmodb.samples.baseline.messaging.EventPublisher;
import dev.vmodb.samples.marketplace.events.IngestionEvents.IngestProduct;
import dev.vmodb.samples.marketplace.product.Product;
import dev.vmodb.samples.marketplace.product.ProductId;

/**
 * The product service: the sellers' catalogue, where product ingestion, price updates and product replacements start
 * (each in a local transaction that publishes the change to stock and cart).
 */
@Service
public class ProductService {

	static final String NAME = "product";

	private final ProductRepository products;

	private final EventPublisher publisher;

	public ProductService(ProductRepository products, EventPublisher publisher) {
		this.products = products;
		this.publisher = publisher;
	}

	@Transactional
	public void ingest(String requestId, IngestProduct event) {
		long sellerId = event.sellerId();
		long productId = event.productId();
		RequestRejectedException.rejectIf(this.products.existsById(new ProductId(sellerId, productId)), NAME,
				"product " + sellerId + "/" + productId + " exists");
		this.products.insert(Product.ingested(event));
		this.publisher.publish(Topics.PRODUCT_INGESTED, key(sellerId, productId), new ProductIngested(requestId,
				sellerId, productId, event.name(), event.price(), event.freightValue(), Product.FIRST_VERSION,
				event.qtyAvailable()));
	}

	@Transactional
	public void updatePrice(String requestId, long sellerId, long productId, BigDecimal price) {
		Product product = find(sellerId, productId);
		product.setPrice(price);
		this.publisher.publish(Topics.PRICE_UPDATED, key(sellerId, productId),
				new PriceUpdated(requestId, sellerId, productId, price, product.getVersion()));
	}

	/** Replaces the product by its next version; stock and cart follow. */
	@Transactional
	public void updateProduct(String requestId, long sellerId, long productId, String name, String sku,
			String category, BigDecimal price, BigDecimal freightValue) {
		Product product = find(sellerId, productId);
		product.setName(name);
		product.setSku(sku);
		product.setCategory(category);
		product.setPrice(price);
		product.setFreightValue(freightValue);
		product.setVersion(product.getVersion() + 1);
		this.publisher.publish(Topics.PRODUCT_UPDATED, key(sellerId, productId), new ProductUpdated(requestId,
				sellerId, productId, name, price, freightValue, product.getVersion()));
	}

	private Product find(long sellerId, long productId) {
		Product product = this.products.findById(new ProductId(sellerId, productId)).orElse(null);
		RequestRejectedException.rejectIf(product == null || !product.isActive(), NAME,
				"no product " + sellerId + "/" + productId);
		return product;
	}

	/** Events of one product stay in order. */
	private static String key(long sellerId, long productId) {
		return sellerId + "/" + productId;
	}

}
