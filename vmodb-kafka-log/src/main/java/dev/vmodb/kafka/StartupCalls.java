package dev.vmodb.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Start-up calls to the cluster, sharing one time budget ({@link LogResilience#startupTimeout()}). A call the
 * cluster answers with a retriable error (a topic it has just created but does not know yet, a leader being
 * elected) is retried with exponential backoff (Resilience4j); a cluster that does not answer within the budget
 * fails start-up with a message naming it and the settings to check.
 */
final class StartupCalls {

	private final String bootstrapServers;

	private final Duration timeout;

	private final long deadline;

	private final Retry retry;

	/** The retry's name in its registry, and so in its metrics. */
	static final String RETRY = "vmodb-startup";

	StartupCalls(KafkaLogSettings settings, RetryRegistry retries) {
		this.bootstrapServers = settings.bootstrapServers();
		this.timeout = settings.resilience().startupTimeout();
		this.deadline = System.nanoTime() + this.timeout.toNanos();
		long maxBackoff = settings.resilience().maxRetryBackoff().toMillis();
		// a fresh retry for this budget, replacing the previous start-up's in the registry (and so in the metrics)
		retries.remove(RETRY);
		this.retry = retries.retry(RETRY, RetryConfig.custom()
			.maxAttempts(Integer.MAX_VALUE)
			.intervalFunction(IntervalFunction.ofExponentialBackoff(Math.min(20, maxBackoff), 2.0, maxBackoff))
			.retryOnException(ex -> retriable(ex) && remainingMillis() > 0)
			.build());
	}

	/**
	 * What the admin client making start-up calls is configured with: its own calls give up within the budget too,
	 * so closing it after a failed start-up does not wait for them.
	 * @param settings the log
	 * @return the admin client's configuration
	 */
	static Map<String, Object> adminConfig(KafkaLogSettings settings) {
		Map<String, Object> config = settings.clientConfig();
		int timeout = (int) Math.min(Integer.MAX_VALUE, settings.resilience().startupTimeout().toMillis());
		config.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout);
		config.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(30_000, timeout));
		return config;
	}

	/**
	 * Makes a call until it succeeds, fails for good, or the budget is spent.
	 * @param <T> the result type
	 * @param what what the call does, for messages ("listing the log's topics")
	 * @param call starts the call
	 * @return the result
	 * @throws ExecutionException if the cluster answered with an error that retrying does not cure
	 * @throws InterruptedException if interrupted
	 * @throws ClusterUnreachableException if the cluster did not answer within the budget, naming it
	 */
	<T> T get(String what, Supplier<KafkaFuture<T>> call) throws ExecutionException, InterruptedException {
		try {
			return this.retry.executeCallable(() -> call.get().get(Math.max(1, remainingMillis()), TimeUnit.MILLISECONDS));
		}
		catch (TimeoutException ex) {
			// says nothing the message does not: the message is the root cause a failed start-up shows
			throw unanswered(what, null);
		}
		catch (ExecutionException ex) {
			if (retriable(ex)) {
				throw unanswered(what, ex.getCause());
			}
			throw ex;
		}
		catch (InterruptedException | RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Failed " + what + " on the Kafka cluster at " + this.bootstrapServers, ex);
		}
	}

	private ClusterUnreachableException unanswered(String what, Throwable cause) {
		return new ClusterUnreachableException(this.bootstrapServers, this.timeout, what, cause);
	}

	private static boolean retriable(Throwable ex) {
		return ex instanceof ExecutionException && ex.getCause() instanceof RetriableException;
	}

	private long remainingMillis() {
		return TimeUnit.NANOSECONDS.toMillis(this.deadline - System.nanoTime());
	}

}
