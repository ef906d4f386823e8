package dev.vmodb.autoconfigure;

import java.lang.annotation.Annotation;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.data.AbstractRepositoryConfigurationSourceSupport;
import org.springframework.context.annotation.Import;
import org.springframework.data.repository.config.RepositoryConfigurationExtension;

import dev.vmodb.jpa.mapping.VmsCatalog;
import dev.vmodb.jpa.repository.EnableVmsRepositories;
import dev.vmodb.jpa.repository.VmsRepository;
import dev.vmodb.jpa.repository.VmsRepositoryConfigurationExtension;
import dev.vmodb.jpa.repository.VmsRepositoryFactoryBean;

/**
 * Auto-configuration of Spring Data repositories over VMS stores, in the application's packages, unless the
 * application declares {@link EnableVmsRepositories} itself.
 */
@AutoConfiguration(after = VmodbAutoConfiguration.class)
@ConditionalOnClass(VmsRepository.class)
@ConditionalOnBean(name = VmsCatalog.BEAN_NAME)
@ConditionalOnMissingBean(VmsRepositoryFactoryBean.class)
@Import(VmodbRepositoriesAutoConfiguration.Registrar.class)
public final class VmodbRepositoriesAutoConfiguration {

	static class Registrar extends AbstractRepositoryConfigurationSourceSupport {

		@Override
		protected Class<? extends Annotation> getAnnotation() {
			return EnableVmsRepositories.class;
		}

		@Override
		protected Class<?> getConfiguration() {
			return EnableVmsRepositoriesConfiguration.class;
		}

		@Override
		protected RepositoryConfigurationExtension getRepositoryConfigurationExtension() {
			return new VmsRepositoryConfigurationExtension();
		}

		@EnableVmsRepositories
		private static final class EnableVmsRepositoriesConfiguration {

		}

	}

}
