package dev.vmodb.jpa.repository;

import java.util.Collection;
import java.util.List;

import jakarta.persistence.Entity;

import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.data.repository.config.RepositoryConfigurationExtensionSupport;
import org.springframework.data.repository.config.RepositoryConfigurationSource;

import dev.vmodb.jpa.mapping.VmsCatalog;

/**
 * Tells Spring Data's repository scanning which interfaces are vMODB repositories and how to make their beans;
 * shared by {@link EnableVmsRepositories} and Spring Boot's auto-configuration.
 *
 * <p>With several Spring Data modules present, an interface is a vMODB repository if it extends
 * {@link VmsRepository} or manages a {@link Entity @Entity}. Each repository bean gets the catalog named by the
 * {@code catalogRef} attribute, {@value VmsCatalog#BEAN_NAME} by default.
 */
public class VmsRepositoryConfigurationExtension extends RepositoryConfigurationExtensionSupport {

	/** The attribute of the configuration source naming the catalog bean. */
	static final String CATALOG_REF = "catalogRef";

	@Override
	public String getModuleName() {
		return "vMODB";
	}

	@Override
	protected String getModulePrefix() {
		return "vmodb";
	}

	@Override
	public String getRepositoryFactoryBeanClassName() {
		return VmsRepositoryFactoryBean.class.getName();
	}

	@Override
	protected Collection<Class<?>> getIdentifyingTypes() {
		return List.of(VmsRepository.class);
	}

	@Override
	protected Collection<Class<? extends java.lang.annotation.Annotation>> getIdentifyingAnnotations() {
		return List.of(Entity.class);
	}

	@Override
	public void postProcess(BeanDefinitionBuilder builder, RepositoryConfigurationSource source) {
		builder.addPropertyReference("catalog", source.getAttribute(CATALOG_REF).orElse(VmsCatalog.BEAN_NAME));
	}

}
