package dev.vmodb.samples.baseline.api;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import dev.vmodb.samples.marketplace.events.IngestionEvents.IngestCustomer;
import dev.vmodb.samples.marketplace.events.IngestionEvents.IngestProduct;
import dev.vmodb.samples.marketplace.events.IngestionEvents.IngestSeller;
import dev.vmodb.samples.marketplace.events.PaymentType;

/**
 * The API's request bodies, with the vMODB shop's constraints (answered with 400); ids in the path are not repeated
 * in the body.
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
	}

	public record CheckoutRequest(@NotNull PaymentType paymentType, @NotBlank String cardNumber,
			@Positive @Max(12) int installments) {
	}

	public record PriceUpdateRequest(@Positive long sellerId, @Positive long productId,
			@NotNull @DecimalMin("0.01") BigDecimal price) {
	}

	public record ProductUpdateRequest(@Positive long sellerId, @Positive long productId, @NotBlank String name,
			@NotBlank String sku, @NotBlank String category, @NotNull @DecimalMin("0.01") BigDecimal price,
			@NotNull @DecimalMin("0") BigDecimal freightValue) {
	}

	/** Delivers the oldest open shipment of each of up to ten sellers (the benchmark's batch size). */
	public record DeliveryRequest(@NotNull @Size(min = 1, max = 10) List<Long> sellerIds) {
	}

}
