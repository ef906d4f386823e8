package dev.vmodb.samples.marketplace.api;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import dev.vmodb.samples.marketplace.api.Requests.CustomerRequest;
import dev.vmodb.samples.marketplace.api.Requests.ProductRequest;
import dev.vmodb.samples.marketplace.api.Requests.SellerRequest;

/**
 * Loads the shop's data, one row per request, as the benchmark's ingestion does. 201 once the row committed.
 */
@RestController
class IngestionController {

	private final Submissions submissions;

	IngestionController(Submissions submissions) {
		this.submissions = submissions;
	}

	@PostMapping("/seller")
	ResponseEntity<TransactionResponse> seller(@Valid @RequestBody SellerRequest request,
			@RequestHeader(name = Submissions.IDEMPOTENCY_KEY, required = false) String key) {
		return this.submissions.submit("ingest_seller", request.toEvent(), key, HttpStatus.CREATED);
	}

	@PostMapping("/customer")
	ResponseEntity<TransactionResponse> customer(@Valid @RequestBody CustomerRequest request,
			@RequestHeader(name = Submissions.IDEMPOTENCY_KEY, required = false) String key) {
		return this.submissions.submit("ingest_customer", request.toEvent(), key, HttpStatus.CREATED);
	}

	/** A product with its initial stock: product, stock and the cart's replica in one transaction. */
	@PostMapping("/product")
	ResponseEntity<TransactionResponse> product(@Valid @RequestBody ProductRequest request,
			@RequestHeader(name = Submissions.IDEMPOTENCY_KEY, required = false) String key) {
		return this.submissions.submit("ingest_product", request.toEvent(), key, HttpStatus.CREATED);
	}

}
