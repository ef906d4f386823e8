package dev.vmodb.samples.marketplace.api;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import dev.vmodb.samples.marketplace.events.CheckoutEvents.AddToCart;
import dev.vmodb.samples.marketplace.events.CheckoutEvents.CustomerCheckout;
import dev.vmodb.samples.marketplace.events.IngestionEvents.IngestCustomer;
import dev.vmodb.samples.marketplace.events.IngestionEvents.IngestProduct;
import dev.vmodb.samples.marketplace.events.IngestionEvents.IngestSeller;
import dev.vmodb.samples.marketplace.events.PaymentType;
import dev.vmodb.samples.marketplace.events.ProductEvents.UpdatePrice;
import dev.vmodb.samples.marketplace.events.ProductEvents.UpdateProduct;

/**
 * The API's request bodies. They carry the constraints (checked before anything is submitted, answered with 400)
 * and map to the input events; ids in the path are not repeated in the body.
 */
public final class Requests {

	private Requests() {
	}

	public record SellerRequest(@Positive long id, @NotBlank String name, @NotBlank String city) {

		IngestSeller toEvent() {
			return new IngestSeller(this.id, this.name, this.city);
		}

	}

	public record CustomerRequest(@Positive long id, @NotBlank String firstName, @NotBlank String lastName,
			@NotBlank String city) {

		IngestCustomer toEvent() {
			return new IngestCustomer(this.id, this.firstName, this.lastName, this.city);
		}

	}

	public record ProductRequest(@Positive long sellerId, @Positive long productId, @NotBlank String name,
			@NotBlank String sku, @NotBlank String category, @NotNull @DecimalMin("0.01") BigDecimal price,
			@NotNull @DecimalMin("0") BigDecimal freightValue, @PositiveOrZero int qtyAvailable) {

		IngestProduct toEvent() {
			return new IngestProduct(this.sellerId, this.productId, this.name, this.sku, this.category, this.price,
					this.freightValue, this.qtyAvailable);
		}

	}

	/** A line to add; the voucher defaults to none. */
	public record CartItemRequest(@Positive long sellerId, @Positive long productId, @Positive @Max(1000) int quantity,
			@DecimalMin("0") BigDecimal voucher) {

		AddToCart toEvent(long customerId) {
			return new AddToCart(customerId, this.sellerId, this.productId, this.quantity,
					(this.voucher == null) ? BigDecimal.ZERO : this.voucher);
		}

	}

	public record CheckoutRequest(@NotNull PaymentType paymentType, @NotBlank String cardNumber,
			@Positive @Max(12) int installments) {

		CustomerCheckout toEvent(long customerId) {
			return new CustomerCheckout(customerId, this.paymentType, this.cardNumber, this.installments);
		}

	}

	public record PriceUpdateRequest(@Positive long sellerId, @Positive long productId,
			@NotNull @DecimalMin("0.01") BigDecimal price) {

		UpdatePrice toEvent() {
			return new UpdatePrice(this.sellerId, this.productId, this.price);
		}

	}

	public record ProductUpdateRequest(@Positive long sellerId, @Positive long productId, @NotBlank String name,
			@NotBlank String sku, @NotBlank String category, @NotNull @DecimalMin("0.01") BigDecimal price,
			@NotNull @DecimalMin("0") BigDecimal freightValue) {

		UpdateProduct toEvent() {
			return new UpdateProduct(this.sellerId, this.productId, this.name, this.sku, this.category, this.price,
					this.freightValue);
		}

	}

}
