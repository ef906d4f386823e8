package dev.vmodb.samples.marketplace.api;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import dev.vmodb.samples.marketplace.events.DeliveryEvents.UpdateDelivery;
import dev.vmodb.samples.marketplace.seller.SellerDashboard;

/**
 * The sellers' side: the dashboard (a read of one committed snapshot, no transaction) and the delivery update
 * (the benchmark's {@code /seller/dashboard/{sellerId}} and {@code /shipment/delivery} routes).
 */
@RestController
class SellerController {

	private final SellerDashboard dashboard;

	private final Submissions submissions;

	SellerController(SellerDashboard dashboard, Submissions submissions) {
		this.dashboard = dashboard;
		this.submissions = submissions;
	}

	/** 200 with the seller's open order entries and their aggregate, which always equals the sum over them. */
	@GetMapping("/seller/dashboard/{sellerId}")
	SellerDashboard.View dashboard(@PathVariable long sellerId) {
		return this.dashboard.of(sellerId);
	}

	/** 200 once the oldest open shipment of each listed seller has that seller's packages delivered. */
	@PatchMapping("/shipment/delivery")
	ResponseEntity<TransactionResponse> deliver(@Valid @RequestBody UpdateDelivery request,
			@RequestHeader(name = Submissions.IDEMPOTENCY_KEY, required = false) String key) {
		return this.submissions.submit("update_delivery", request, key, HttpStatus.OK);
	}

}
