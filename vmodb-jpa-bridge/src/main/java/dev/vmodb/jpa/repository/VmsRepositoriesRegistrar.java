package dev.vmodb.jpa.repository;

import java.lang.annotation.Annotation;

import org.springframework.data.repository.config.RepositoryBeanDefinitionRegistrarSupport;
import org.springframework.data.repository.config.RepositoryConfigurationExtension;

/**
 * Registers a bean for every vMODB repository interface found by {@link EnableVmsRepositories}.
 */
public class VmsRepositoriesRegistrar extends RepositoryBeanDefinitionRegistrarSupport {

	@Override
	protected Class<? extends Annotation> getAnnotation() {
		return EnableVmsRepositories.class;
	}

	@Override
	protected RepositoryConfigurationExtension getExtension() {
		return new VmsRepositoryConfigurationExtension();
	}

}
