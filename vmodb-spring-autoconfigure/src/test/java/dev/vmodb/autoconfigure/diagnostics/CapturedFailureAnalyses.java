package dev.vmodb.autoconfigure.diagnostics;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;

/**
 * Keeps what Spring Boot reports for a failed start-up, beside its usual log report, so tests can read the
 * description and action a real {@code SpringApplication} produced.
 */
public class CapturedFailureAnalyses implements FailureAnalysisReporter {

	private static final List<FailureAnalysis> analyses = new CopyOnWriteArrayList<>();

	@Override
	public void report(FailureAnalysis analysis) {
		analyses.add(analysis);
	}

	static void clear() {
		analyses.clear();
	}

	static List<FailureAnalysis> all() {
		return List.copyOf(analyses);
	}

}
