package dev.vmodb.samples.marketplace.api;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import dev.vmodb.samples.marketplace.api.Requests.PriceUpdateRequest;
import dev.vmodb.samples.marketplace.api.Requests.ProductUpdateRequest;

/**
 * The seller's side: price update ({@code PATCH /product}) and product replace ({@code PUT /product}, a new
 * version), as the benchmark routes them.
 */
@RestController
class ProductController {

	private final Submissions submissions;

	ProductController(Submissions submissions) {
		this.submissions = submissions;
	}

	@PatchMapping("/product")
	ResponseEntity<TransactionResponse> updatePrice(@Valid @RequestBody PriceUpdateRequest request,
			@RequestHeader(name = Submissions.IDEMPOTENCY_KEY, required = false) String key) {
		return this.submissions.submit("update_price", request.toEvent(), key, HttpStatus.OK);
	}

	@PutMapping("/product")
	ResponseEntity<TransactionResponse> replace(@Valid @RequestBody ProductUpdateRequest request,
			@RequestHeader(name = Submissions.IDEMPOTENCY_KEY, required = false) String key) {
		return this.submissions.submit("update_product", request.toEvent(), key, HttpStatus.OK);
	}

}
