package dev.vmodb.samples.marketplace.api;

import java.util.List;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import org.springframework.http.ProblemDetail;

import dev.vmodb.core.api.InvalidInputException;
import dev.vmodb.core.api.LogUnavailableException;
import dev.vmodb.core.api.TransactionAbortedException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mappings the HTTP test cannot provoke cheaply: a refusal by {@code submit} and an unreachable log.
 */
class ApiExceptionHandlerTests {

	private final ApiExceptionHandler handler = new ApiExceptionHandler();

	@Test
	void refusedInputIsABadRequestWithItsViolations() {
		ProblemDetail problem = this.handler
			.invalidInput(new InvalidInputException("add_to_cart", List.of("quantity: must be greater than 0")));
		assertThat(problem.getStatus()).isEqualTo(400);
		assertThat(problem.getProperties()).containsEntry("violations", List.of("quantity: must be greater than 0"));
	}

	@Test
	void unreachableLogIsServiceUnavailable() {
		ProblemDetail problem = this.handler
			.logUnavailable(new LogUnavailableException("log silent for 10 s", 10_000, 3, false, null));
		assertThat(problem.getStatus()).isEqualTo(503);
		assertThat(problem.getProperties()).containsEntry("inDoubt", false);
	}

	@Test
	void wrappedAbortIsAConflict() {
		ProblemDetail problem = this.handler.completion(new CompletionException(
				new TransactionAbortedException(7, "stock", "StockService.reserve", "insufficient stock", null)));
		assertThat(problem.getStatus()).isEqualTo(409);
		assertThat(problem.getProperties()).containsEntry("vms", "stock").containsEntry("reason", "insufficient stock");
	}

}
