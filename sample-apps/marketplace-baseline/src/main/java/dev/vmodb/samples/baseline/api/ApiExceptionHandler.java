package dev.vmodb.samples.baseline.api;

import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps failures to the vMODB shop's problem bodies: a failed request is a conflict (409, naming the service and the
 * reason), refused input is the caller's (400, listing the violations), a flow that did not report in time is 504.
 */
@RestControllerAdvice
class ApiExceptionHandler {

	@ExceptionHandler(RequestFailedException.class)
	ProblemDetail failed(RequestFailedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setTitle("Transaction aborted");
		problem.setProperty("tid", ex.tid());
		problem.setProperty("service", ex.service());
		problem.setProperty("reason", ex.reason());
		return problem;
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ProblemDetail invalidRequest(MethodArgumentNotValidException ex) {
		List<String> violations = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> error.getField() + ": " + error.getDefaultMessage())
			.sorted()
			.toList();
		return invalid("Request refused: " + String.join("; ", violations), violations);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException ex) {
		return invalid("Request body unreadable", List.of(String.valueOf(ex.getMostSpecificCause().getMessage())));
	}

	@ExceptionHandler(TimeoutException.class)
	ProblemDetail timedOut(TimeoutException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.GATEWAY_TIMEOUT,
				"The request's flow did not report its outcome in time; it may still complete");
		problem.setTitle("Outcome unknown");
		return problem;
	}

	/** A future's failure may reach us wrapped; answer for its cause. */
	@ExceptionHandler(CompletionException.class)
	ProblemDetail completion(CompletionException ex) throws Throwable {
		if (ex.getCause() instanceof RequestFailedException failed) {
			return failed(failed);
		}
		if (ex.getCause() instanceof TimeoutException timeout) {
			return timedOut(timeout);
		}
		throw ex.getCause();
	}

	private static ProblemDetail invalid(String detail, List<String> violations) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle("Invalid input");
		problem.setProperty("violations", violations);
		return problem;
	}

}
