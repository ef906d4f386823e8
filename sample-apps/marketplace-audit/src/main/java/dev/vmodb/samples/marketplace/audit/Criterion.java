package dev.vmodb.samples.marketplace.audit;

import dev.vmodb.samples.marketplace.audit.AuditReport.CriterionResult;

/**
 * One of the benchmark's consistency criteria, checked against the shop's state and, when there is one, the driver's
 * journal.
 */
interface Criterion {

	/**
	 * Checks the criterion.
	 * @param audit the states and the journal, indexed
	 * @return the counts and examples, or a skip with its reason
	 */
	CriterionResult check(AuditInput audit);

}
