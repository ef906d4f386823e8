package dev.vmodb.samples.baseline.audit;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.vmodb.samples.baseline.data.LoadOnStartup;
import dev.vmodb.samples.baseline.messaging.InFlightEvents;

/**
 * The shop's state for the consistency audit ({@code vmodb-sample-marketplace-audit}), as the vMODB shop serves it.
 * {@code tid} is accepted and ignored: instead the endpoint waits until no event is in flight, so every flow started
 * so far has reached every service.
 */
@RestController
class AuditController {

	/** When a driver polling a loading shop should ask again. */
	static final String RETRY_AFTER_SECONDS = "2";

	private final LoadOnStartup startup;

	private final InFlightEvents inFlight;

	private final SnapshotReader reader;

	private final Duration settleWait;

	AuditController(LoadOnStartup startup, InFlightEvents inFlight, SnapshotReader reader,
			@Value("${marketplace.audit.commit-wait:30s}") Duration settleWait) {
		this.startup = startup;
		this.inFlight = inFlight;
		this.reader = reader;
		this.settleWait = settleWait;
	}

	/**
	 * 200 with the snapshot once no event is in flight; 503 while the start-up load runs (with {@code Retry-After}), or
	 * if events are still in flight after {@code marketplace.audit.commit-wait}.
	 */
	@GetMapping("/audit/snapshot")
	ResponseEntity<?> snapshot(@RequestParam(required = false) Long tid) {
		if (!this.startup.isReady()) {
			return unavailable("Data set loading", "The start-up load of the data set is still running; "
					+ "the snapshot would be partial. Retry later.", true);
		}
		if (!this.inFlight.awaitSettled(this.settleWait)) {
			return unavailable("Events in flight", this.inFlight.pending() + " events still in flight after "
					+ this.settleWait.toSeconds() + " s", false);
		}
		return ResponseEntity.ok(this.reader.read());
	}

	private static ResponseEntity<ProblemDetail> unavailable(String title, String detail, boolean retry) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
		problem.setTitle(title);
		ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE);
		if (retry) {
			response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
		}
		return response.body(problem);
	}

}
