package dev.vmodb.samples.baseline.api;

import java.util.concurrent.CompletableFuture;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.vmodb.samples.baseline.api.Requests.CartItemRequest;
import dev.vmodb.samples.baseline.api.Requests.CheckoutRequest;
import dev.vmodb.samples.baseline.api.Requests.CustomerRequest;
import dev.vmodb.samples.baseline.api.Requests.DeliveryRequest;
import dev.vmodb.samples.baseline.api.Requests.PriceUpdateRequest;
import dev.vmodb.samples.baseline.api.Requests.ProductRequest;
import dev.vmodb.samples.baseline.api.Requests.ProductUpdateRequest;
import dev.vmodb.samples.baseline.api.Requests.SellerRequest;
import dev.vmodb.samples.baseline.seller.SellerDashboard;

/**
 * The vMODB shop's routes (see its README): ingestion, cart and checkout, product changes, delivery and the seller
 * dashboard. Answers wait for the request's flow without holding the request thread.
 */
@RestController
class ShopController {

	private final ShopCommands commands;

	private final SellerDashboard dashboard;

	ShopController(ShopCommands commands, SellerDashboard dashboard) {
		this.commands = commands;
		this.dashboard = dashboard;
	}

	@PostMapping("/seller")
	CompletableFuture<ResponseEntity<TransactionResponse>> seller(@Valid @RequestBody SellerRequest request) {
		return created(this.commands.ingestSeller(request.toEvent()));
	}

	@PostMapping("/customer")
	CompletableFuture<ResponseEntity<TransactionResponse>> customer(@Valid @RequestBody CustomerRequest request) {
		return created(this.commands.ingestCustomer(request.toEvent()));
	}

	@PostMapping("/product")
	CompletableFuture<ResponseEntity<TransactionResponse>> product(@Valid @RequestBody ProductRequest request) {
		return created(this.commands.ingestProduct(request.toEvent()));
	}

	@PatchMapping("/cart/{customerId}/add")
	CompletableFuture<ResponseEntity<TransactionResponse>> add(@PathVariable long customerId,
			@Valid @RequestBody CartItemRequest request) {
		return ok(this.commands.addToCart(customerId, request.sellerId(), request.productId(), request.quantity(),
				request.voucher()));
	}

	/** 200 with {@code checkout_completed} once shipment shipped the order, or 409 once cart put the lines back. */
	@PostMapping("/cart/{customerId}/checkout")
	CompletableFuture<ResponseEntity<TransactionResponse>> checkout(@PathVariable long customerId,
			@Valid @RequestBody CheckoutRequest request) {
		return ok(this.commands.checkout(customerId, request.paymentType(), request.cardNumber(),
				request.installments()));
	}

	@PatchMapping("/product")
	CompletableFuture<ResponseEntity<TransactionResponse>> updatePrice(@Valid @RequestBody PriceUpdateRequest request) {
		return ok(this.commands.updatePrice(request.sellerId(), request.productId(), request.price()));
	}

	@PutMapping("/product")
	CompletableFuture<ResponseEntity<TransactionResponse>> replace(@Valid @RequestBody ProductUpdateRequest request) {
		return ok(this.commands.updateProduct(request.sellerId(), request.productId(), request.name(), request.sku(),
				request.category(), request.price(), request.freightValue()));
	}

	@PatchMapping("/shipment/delivery")
	CompletableFuture<ResponseEntity<TransactionResponse>> deliver(@Valid @RequestBody DeliveryRequest request) {
		return ok(this.commands.updateDelivery(request.sellerIds()));
	}

	/** The seller's open order entries and their aggregate: two reads, not one snapshot (see the README). */
	@GetMapping("/seller/dashboard/{sellerId}")
	SellerDashboard.View dashboard(@PathVariable long sellerId) {
		return this.dashboard.of(sellerId);
	}

	private static CompletableFuture<ResponseEntity<TransactionResponse>> created(
			CompletableFuture<TransactionResponse> done) {
		return done.thenApply((response) -> ResponseEntity.status(HttpStatus.CREATED).body(response));
	}

	private static CompletableFuture<ResponseEntity<TransactionResponse>> ok(
			CompletableFuture<TransactionResponse> done) {
		return done.thenApply(ResponseEntity::ok);
	}

}
