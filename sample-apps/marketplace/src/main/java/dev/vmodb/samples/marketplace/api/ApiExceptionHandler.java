package dev.vmodb.samples.marketplace.api;

import java.util.List;
import java.util.concurrent.CompletionException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.vmodb.core.api.InvalidInputException;
import dev.vmodb.core.api.LogUnavailableException;
import dev.vmodb.core.api.TransactionAbortedException;

/**
 * Maps a transaction's failures to problem bodies: an abort is a conflict with the shop's state (409, naming the
 * VMS, handler and reason), refused input is the caller's (400, listing the violations), an unreachable log is
 * ours and passing (503: nothing was submitted, so retrying is safe).
 */
@RestControllerAdvice
public class ApiExceptionHandler {

	@ExceptionHandler(TransactionAbortedException.class)
	public ProblemDetail aborted(TransactionAbortedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setTitle("Transaction aborted");
		problem.setProperty("tid", ex.tid());
		problem.setProperty("vms", ex.vms());
		problem.setProperty("handler", ex.handler());
		problem.setProperty("reason", ex.reason());
		return problem;
	}

	@ExceptionHandler(InvalidInputException.class)
	public ProblemDetail invalidInput(InvalidInputException ex) {
		return invalid(ex.getMessage(), ex.violations());
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	public ProblemDetail invalidRequest(MethodArgumentNotValidException ex) {
		List<String> violations = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> error.getField() + ": " + error.getDefaultMessage())
			.sorted()
			.toList();
		return invalid("Request refused: " + String.join("; ", violations), violations);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	public ProblemDetail unreadable(HttpMessageNotReadableException ex) {
		return invalid("Request body unreadable", List.of(String.valueOf(ex.getMostSpecificCause().getMessage())));
	}

	@ExceptionHandler(LogUnavailableException.class)
	public ProblemDetail logUnavailable(LogUnavailableException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
		problem.setTitle("Event log unavailable");
		problem.setProperty("inDoubt", ex.inDoubt());
		return problem;
	}

	/** A future's failure may reach us wrapped; answer for its cause. */
	@ExceptionHandler(CompletionException.class)
	public ProblemDetail completion(CompletionException ex) {
		Throwable cause = ex.getCause();
		if (cause instanceof TransactionAbortedException aborted) {
			return aborted(aborted);
		}
		if (cause instanceof LogUnavailableException unavailable) {
			return logUnavailable(unavailable);
		}
		throw ex;
	}

	private static ProblemDetail invalid(String detail, List<String> violations) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle("Invalid input");
		problem.setProperty("violations", violations);
		return problem;
	}

}
