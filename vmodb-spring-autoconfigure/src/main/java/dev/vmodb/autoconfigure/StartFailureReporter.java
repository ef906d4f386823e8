package dev.vmodb.autoconfigure;

import java.util.List;
import java.util.logging.Logger;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

/**
 * Reports that the roles failed to start the way Boot reports a failed start-up: the first description and action
 * any registered {@link FailureAnalyzer} gives (vMODB's own among them), under "APPLICATION FAILED TO START". The
 * roles start after the context has refreshed, so Boot's own reporting never sees their failures. With fail-fast,
 * the context is then closed, as a failed start-up would have left it.
 */
final class StartFailureReporter {

	private static final Logger logger = Logger.getLogger(StartFailureReporter.class.getName());

	private final ConfigurableApplicationContext context;

	private final boolean failFast;

	StartFailureReporter(ConfigurableApplicationContext context, boolean failFast) {
		this.context = context;
		this.failFast = failFast;
	}

	/**
	 * Reports a failed start and, with fail-fast, closes the context.
	 * @param failure why the roles failed to start
	 * @return the analysis reported
	 */
	FailureAnalysis report(Throwable failure) {
		FailureAnalysis analysis = analyze(failure);
		new LoggingFailureAnalysisReporter().report(analysis);
		if (this.failFast) {
			logger.severe("Closing the application because its vMODB roles failed to start "
					+ "(vmodb.startup.fail-fast=false keeps it running with its liveness broken)");
			// not on the failed starter's thread: closing stops the roles, which waits for that thread
			Thread closer = new Thread(this.context::close, "vmodb-fail-fast");
			closer.start();
		}
		return analysis;
	}

	/**
	 * What the registered failure analyzers make of a failure, or its message when none knows it.
	 * @param failure the failure
	 * @return the analysis
	 */
	FailureAnalysis analyze(Throwable failure) {
		ArgumentResolver arguments = ArgumentResolver.of(BeanFactory.class, this.context.getBeanFactory())
			.and(Environment.class, this.context.getEnvironment());
		// as Boot does: an analyzer whose library is missing (a web one in a non-web application) is skipped
		List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation(this.context.getClassLoader())
			.load(FailureAnalyzer.class, arguments, FailureHandler.handleMessage((message, ex) -> logger
				.fine(() -> message.get() + ": " + ex)));
		for (FailureAnalyzer analyzer : analyzers) {
			try {
				FailureAnalysis analysis = analyzer.analyze(failure);
				if (analysis != null) {
					return analysis;
				}
			}
			catch (RuntimeException | LinkageError ex) {
				logger.fine(() -> "Failure analyzer " + analyzer + " failed: " + ex);
			}
		}
		return new FailureAnalysis("The vMODB roles failed to start: " + failure,
				"Check the cause above and the vmodb.* configuration.", failure);
	}

}
