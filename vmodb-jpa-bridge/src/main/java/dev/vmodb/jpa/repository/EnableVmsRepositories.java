package dev.vmodb.jpa.repository;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.beans.factory.support.BeanNameGenerator;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.Import;
import org.springframework.data.repository.config.BootstrapMode;
import org.springframework.data.repository.config.DefaultRepositoryBaseClass;
import org.springframework.data.repository.query.QueryLookupStrategy.Key;

import dev.vmodb.jpa.mapping.VmsCatalog;

/**
 * Enables vMODB repositories: every repository interface in the base packages (by default, the annotated class's
 * package) becomes a bean backed by the VMS state store.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Import(VmsRepositoriesRegistrar.class)
public @interface EnableVmsRepositories {

	/** Alias for {@link #basePackages()}. */
	String[] value() default {};

	/** Base packages to scan for repository interfaces. */
	String[] basePackages() default {};

	/** Type-safe alternative to {@link #basePackages()}: the packages of these classes are scanned. */
	Class<?>[] basePackageClasses() default {};

	/** Narrows the scanned interfaces to those matching these filters. */
	Filter[] includeFilters() default {};

	/** Excludes scanned interfaces matching these filters. */
	Filter[] excludeFilters() default {};

	/** The postfix of custom implementation classes ({@code OrderRepositoryImpl}). */
	String repositoryImplementationPostfix() default "Impl";

	/** Where Spring Data's named queries properties file is; vMODB repositories derive queries from method names. */
	String namedQueriesLocation() default "";

	/** The query lookup strategy; vMODB repositories always derive queries from method names. */
	Key queryLookupStrategy() default Key.CREATE_IF_NOT_FOUND;

	/** The factory bean class making each repository. */
	Class<?> repositoryFactoryBeanClass() default VmsRepositoryFactoryBean.class;

	/** The base class of repository implementations; it must extend {@link SimpleVmsRepository}. */
	Class<?> repositoryBaseClass() default DefaultRepositoryBaseClass.class;

	/** The generator of repository bean names; the base interface means the context's default. */
	Class<? extends BeanNameGenerator> nameGenerator() default BeanNameGenerator.class;

	/** Whether repository interfaces nested in other classes are found too. */
	boolean considerNestedRepositories() default false;

	/** When repositories are created. */
	BootstrapMode bootstrapMode() default BootstrapMode.DEFAULT;

	/** The name of the {@link VmsCatalog} bean repositories find their tables in. */
	String catalogRef() default VmsCatalog.BEAN_NAME;

}
