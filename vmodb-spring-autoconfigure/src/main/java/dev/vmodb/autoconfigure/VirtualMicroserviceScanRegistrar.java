package dev.vmodb.autoconfigure;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import dev.vmodb.core.api.VirtualMicroservice;

/**
 * Registers every {@link VirtualMicroservice} class in the application's packages as a bean, so a VMS needs no
 * {@code @Component} of its own; classes already registered (by component scanning or by hand) are left alone.
 */
class VirtualMicroserviceScanRegistrar implements ImportBeanDefinitionRegistrar, BeanFactoryAware {

	private BeanFactory beanFactory;

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
		if (!AutoConfigurationPackages.has(this.beanFactory)) {
			return;
		}
		Set<String> registered = new HashSet<>();
		for (String name : registry.getBeanDefinitionNames()) {
			registered.add(registry.getBeanDefinition(name).getBeanClassName());
		}
		List<String> packages = AutoConfigurationPackages.get(this.beanFactory);
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(VirtualMicroservice.class));
		for (String basePackage : packages) {
			for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
				String className = candidate.getBeanClassName();
				if (registered.add(className)) {
					registry.registerBeanDefinition(className, candidate);
				}
			}
		}
	}

}
