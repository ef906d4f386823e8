package dev.vmodb.samples.crash;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import dev.vmodb.samples.demo.accounts.AccountsService;
import dev.vmodb.samples.demo.audit.AuditService;
import dev.vmodb.samples.demo.ledger.LedgerService;

/**
 * The applications of the crash test: the demo's VMSs split over two processes, without the demo's runner, and
 * the driver, which hosts no VMS and only submits.
 */
final class CrashApplications {

	private CrashApplications() {
	}

	/** Process A: the accounts VMS and the coordinator. */
	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@AutoConfigurationPackage(basePackageClasses = AccountsService.class)
	static class Accounts {

	}

	/** Process B: the ledger and audit VMSs. */
	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@AutoConfigurationPackage(basePackageClasses = { LedgerService.class, AuditService.class })
	static class LedgerAndAudit {

	}

	/** The driver: no auto-configuration package, hence no VMS; it only submits. */
	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Driver {

	}

}
