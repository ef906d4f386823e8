package dev.vmodb.autoconfigure;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import dev.vmodb.core.api.VmsClient;
import dev.vmodb.core.runtime.BatchPolicy;
import dev.vmodb.core.runtime.LocalBatchCoordinator;
import dev.vmodb.core.runtime.RuntimeSettings;
import dev.vmodb.jpa.mapping.VmsCatalog;
import dev.vmodb.jpa.mapping.VmsPersistenceUnit;

/**
 * Auto-configuration of virtual microservices: their stores, their runtimes and the client that submits
 * transactions to them.
 */
@AutoConfiguration
@ConditionalOnClass({ VmsClient.class, VmsPersistenceUnit.class })
@EnableConfigurationProperties(VmodbProperties.class)
@Import(VirtualMicroserviceScanRegistrar.class)
public final class VmodbAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	VmsStorage vmodbStorage(ListableBeanFactory beanFactory, VmodbProperties properties) {
		return new VmsStorage(new VmsDeclarations(beanFactory), properties);
	}

	@Bean(VmsCatalog.BEAN_NAME)
	@ConditionalOnMissingBean
	VmsCatalog vmodbCatalog(VmsStorage storage) {
		return storage.catalog();
	}

	@Bean
	@ConditionalOnMissingBean
	RuntimeSettings vmodbRuntimeSettings(VmodbProperties properties) {
		return new RuntimeSettings(properties.getScheduler().getLanes(), properties.getCheckpoint().getInterval());
	}

	@Bean
	@ConditionalOnMissingBean
	BatchPolicy vmodbBatchPolicy(VmodbProperties properties) {
		return new BatchPolicy(properties.getBatch().getWindow(), properties.getBatch().getMaxSize());
	}

	@Bean
	@ConditionalOnMissingBean
	VmsRuntimes vmodbRuntimes(VmsStorage storage, ListableBeanFactory beanFactory, RuntimeSettings settings) {
		return new VmsRuntimes(storage, beanFactory, settings);
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean(VmsClient.class)
	LocalBatchCoordinator vmodbClient(VmsRuntimes runtimes, BatchPolicy policy) {
		return new LocalBatchCoordinator(runtimes.all(), policy);
	}

}
