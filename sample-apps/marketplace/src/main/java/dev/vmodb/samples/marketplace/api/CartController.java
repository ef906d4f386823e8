package dev.vmodb.samples.marketplace.api;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.vmodb.samples.marketplace.api.Requests.CartItemRequest;
import dev.vmodb.samples.marketplace.api.Requests.CheckoutRequest;

/**
 * The customer's side: add to cart and check out (the benchmark's {@code /cart/{customerId}/…} routes).
 */
@RestController
@RequestMapping("/cart/{customerId}")
class CartController {

	private final Submissions submissions;

	CartController(Submissions submissions) {
		this.submissions = submissions;
	}

	@PatchMapping("/add")
	ResponseEntity<TransactionResponse> add(@PathVariable long customerId,
			@Valid @RequestBody CartItemRequest request,
			@RequestHeader(name = Submissions.IDEMPOTENCY_KEY, required = false) String key) {
		return this.submissions.submit("add_to_cart", request.toEvent(customerId), key, HttpStatus.OK);
	}

	/** 200 with {@code checkout_completed} (the order and its packages), or 409 naming where it aborted. */
	@PostMapping("/checkout")
	ResponseEntity<TransactionResponse> checkout(@PathVariable long customerId,
			@Valid @RequestBody CheckoutRequest request,
			@RequestHeader(name = Submissions.IDEMPOTENCY_KEY, required = false) String key) {
		return this.submissions.submit("customer_checkout", request.toEvent(customerId), key, HttpStatus.OK);
	}

}
