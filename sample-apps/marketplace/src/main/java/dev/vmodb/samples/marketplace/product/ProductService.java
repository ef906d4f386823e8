package dev.vmodb.samples.marketplace.product;

import dev.vmodb.core.api.Inbound;
import dev.vmodb.core.api.Outbound;
import dev.vmodb.core.api.VirtualMicroservice;
import dev.vmodb.core.api.VmsTransaction;
import dev.vmodb.samples.marketplace.events.IngestionEvents.IngestProduct;
import dev.vmodb.samples.marketplace.events.ProductEvents.PriceUpdated;
import dev.vmodb.samples.marketplace.events.ProductEvents.ProductIngested;
import dev.vmodb.samples.marketplace.events.ProductEvents.ProductUpdated;
import dev.vmodb.samples.marketplace.events.ProductEvents.UpdatePrice;
import dev.vmodb.samples.marketplace.events.ProductEvents.UpdateProduct;

/**
 * The product VMS: the sellers' catalogue, where product ingestion, price updates and product replacements start.
 */
@VirtualMicroservice("product")
public class ProductService {

	private final ProductRepository products;

	public ProductService(ProductRepository products) {
		this.products = products;
	}

	@Inbound("ingest_product")
	@Outbound("product_ingested")
	public ProductIngested ingest(IngestProduct event) {
		this.products.insert(Product.ingested(event));
		return new ProductIngested(event.sellerId(), event.productId(), event.name(), event.price(), event.freightValue(),
				Product.FIRST_VERSION, event.qtyAvailable());
	}

	@Inbound("update_price")
	@Outbound("price_updated")
	public PriceUpdated updatePrice(UpdatePrice event) {
		Product product = find(event.sellerId(), event.productId());
		product.setPrice(event.price());
		this.products.save(product);
		return new PriceUpdated(event.sellerId(), event.productId(), event.price(), product.getVersion());
	}

	/** Replaces the product by its next version; stock and cart follow through {@code product_updated}. */
	@Inbound("update_product")
	@Outbound("product_updated")
	public ProductUpdated updateProduct(UpdateProduct event) {
		Product product = find(event.sellerId(), event.productId());
		product.setName(event.name());
		product.setSku(event.sku());
		product.setCategory(event.category());
		product.setPrice(event.price());
		product.setFreightValue(event.freightValue());
		product.setVersion(product.getVersion() + 1);
		this.products.save(product);
		return new ProductUpdated(event.sellerId(), event.productId(), event.name(), event.price(), event.freightValue(),
				product.getVersion());
	}

	private Product find(long sellerId, long productId) {
		Product product = this.products.findById(new ProductId(sellerId, productId)).orElse(null);
		VmsTransaction.abortIf(product == null || !product.isActive(), "no product " + sellerId + "/" + productId);
		return product;
	}

}
