package dev.vmodb.samples.transfer;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import dev.vmodb.samples.demo.accounts.AccountsService;
import dev.vmodb.samples.demo.audit.AuditService;
import dev.vmodb.samples.demo.ledger.LedgerService;

/**
 * Applications hosting the demo's VMSs without its runner: all three in one, or split in two.
 */
final class TransferApplications {

	private TransferApplications() {
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@AutoConfigurationPackage(basePackageClasses = { AccountsService.class, LedgerService.class, AuditService.class })
	static class AllVms {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@AutoConfigurationPackage(basePackageClasses = AccountsService.class)
	static class AccountsOnly {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@AutoConfigurationPackage(basePackageClasses = { LedgerService.class, AuditService.class })
	static class LedgerAndAudit {

	}

}
