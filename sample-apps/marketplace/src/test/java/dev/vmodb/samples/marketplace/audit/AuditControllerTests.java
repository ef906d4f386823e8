package dev.vmodb.samples.marketplace.audit;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import dev.vmodb.samples.marketplace.data.DataSize;
import dev.vmodb.samples.marketplace.data.LoadOnStartup;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The snapshot while the data set loads: the web server answers before the start-up job has run, and a snapshot
 * then would be partial, so a driver polling for the shop is told to come back.
 */
class AuditControllerTests {

	@Test
	void aShopStillLoadingAnswersServiceUnavailableWithRetryAfter() {
		LoadOnStartup startup = new LoadOnStartup(null, null, null, new DataSize(false, 1, 1, 1, 1, 1, 1));
		AuditController controller = new AuditController(startup, null, null, Duration.ofSeconds(1));

		ResponseEntity<?> loading = controller.snapshot(null);

		assertThat(startup.isReady()).isFalse();
		assertThat(loading.getStatusCode().value()).isEqualTo(503);
		assertThat(loading.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo(AuditController.RETRY_AFTER_SECONDS);
		assertThat(((ProblemDetail) loading.getBody()).getDetail()).contains("load of the data set is still running");

		startup.run(null);
		assertThat(startup.isReady()).as("ready once the start-up job is over, even when loading is off").isTrue();
	}

}
