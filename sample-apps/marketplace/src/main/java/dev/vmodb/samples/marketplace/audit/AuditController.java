package dev.vmodb.samples.marketplace.audit;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.vmodb.samples.marketplace.data.LoadOnStartup;

/**
 * The shop's committed state for the consistency audit ({@code vmodb-sample-marketplace-audit}): a load driver
 * fetches it before and after a run. Not a benchmark route: it reads every table.
 */
@RestController
class AuditController {

	/** When a driver polling a loading shop should ask again. */
	static final String RETRY_AFTER_SECONDS = "2";

	private final LoadOnStartup startup;

	private final CommitWait commits;

	private final SnapshotReader reader;

	private final Duration commitWait;

	AuditController(LoadOnStartup startup, CommitWait commits, SnapshotReader reader,
			@Value("${marketplace.audit.commit-wait:30s}") Duration commitWait) {
		this.startup = startup;
		this.commits = commits;
		this.reader = reader;
		this.commitWait = commitWait;
	}

	/**
	 * 200 with the snapshot once every VMS has committed TID {@code tid} (the highest TID the caller saw answered; at
	 * once without it). 503 while the start-up load runs (with {@code Retry-After}), or if some VMS has not committed
	 * that TID within {@code marketplace.audit.commit-wait}.
	 */
	@GetMapping("/audit/snapshot")
	ResponseEntity<?> snapshot(@RequestParam(required = false) Long tid) {
		if (!this.startup.isReady()) {
			return unavailable("Data set loading", "The start-up load of the data set is still running; "
					+ "the snapshot would be partial. Retry later.", true);
		}
		if (tid != null && !this.commits.awaitAll(tid, this.commitWait)) {
			return unavailable("Transaction not committed everywhere", "Not every VMS has committed TID " + tid
					+ " within " + this.commitWait.toSeconds() + " s; committed TIDs: " + this.commits.committedTids(),
					false);
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
