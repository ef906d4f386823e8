package dev.vmodb.jpa.repository;

import org.springframework.data.repository.Repository;
import org.springframework.data.repository.core.support.RepositoryFactoryBeanSupport;
import org.springframework.data.repository.core.support.RepositoryFactorySupport;
import org.springframework.util.Assert;

import dev.vmodb.jpa.mapping.VmsCatalog;

/**
 * Makes one repository bean with a {@link VmsRepositoryFactory}; its catalog is the bean named
 * {@value VmsCatalog#BEAN_NAME} unless configured otherwise.
 *
 * @param <T> the repository type
 * @param <S> the entity type
 * @param <ID> the id type
 */
public class VmsRepositoryFactoryBean<T extends Repository<S, ID>, S, ID> extends RepositoryFactoryBeanSupport<T, S, ID> {

	private VmsCatalog catalog;

	public VmsRepositoryFactoryBean(Class<? extends T> repositoryInterface) {
		super(repositoryInterface);
	}

	/**
	 * Sets the catalog that maps entities to their VMS tables.
	 * @param catalog the catalog
	 */
	public void setCatalog(VmsCatalog catalog) {
		Assert.notNull(catalog, "VmsCatalog must not be null");
		this.catalog = catalog;
	}

	@Override
	protected RepositoryFactorySupport createRepositoryFactory() {
		return new VmsRepositoryFactory(this.catalog);
	}

	@Override
	public void afterPropertiesSet() {
		Assert.state(this.catalog != null, () -> "No VmsCatalog set for repository " + getObjectType().getName()
				+ "; define a VmsCatalog bean named '" + VmsCatalog.BEAN_NAME + "'");
		super.afterPropertiesSet();
	}

}
