package dev.vmodb.jpa.repository;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.data.repository.core.EntityInformation;
import org.springframework.data.repository.core.RepositoryCreationException;
import org.springframework.data.repository.core.RepositoryInformation;
import org.springframework.data.repository.core.RepositoryMetadata;
import org.springframework.data.repository.core.support.RepositoryFactorySupport;
import org.springframework.data.repository.query.QueryLookupStrategy;
import org.springframework.data.repository.query.ValueExpressionDelegate;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;

import dev.vmodb.jpa.mapping.BoundTable;
import dev.vmodb.jpa.mapping.VmsCatalog;

/**
 * Creates {@link VmsRepository} proxies over the tables of a {@link VmsCatalog}; usable without a Spring context:
 * {@code new VmsRepositoryFactory(catalog).getRepository(OrderRepository.class)}.
 */
public class VmsRepositoryFactory extends RepositoryFactorySupport {

	private final VmsCatalog catalog;

	/** The compiled queries of every repository this factory created, by repository interface and method name. */
	private final Map<Class<?>, Map<String, List<PartTreeVmsQuery<?>>>> queries = new ConcurrentHashMap<>();

	public VmsRepositoryFactory(VmsCatalog catalog) {
		Assert.notNull(catalog, "VmsCatalog must not be null");
		this.catalog = catalog;
	}

	@Override
	public EntityInformation<?, ?> getEntityInformation(RepositoryMetadata metadata) {
		return new VmsEntityInformation<>(tableOf(metadata).entity());
	}

	@Override
	protected Object getTargetRepository(RepositoryInformation information) {
		return getTargetRepositoryViaReflection(information, tableOf(information));
	}

	@Override
	protected Class<?> getRepositoryBaseClass(RepositoryMetadata metadata) {
		return SimpleVmsRepository.class;
	}

	@Override
	protected Optional<QueryLookupStrategy> getQueryLookupStrategy(QueryLookupStrategy.Key key,
			ValueExpressionDelegate valueExpressionDelegate) {
		return Optional.of(new VmsQueryLookupStrategy(this::tableOf, this::remember));
	}

	/**
	 * The query plan compiled for a derived query method of a repository this factory created; for tests and
	 * diagnostics (which access path each {@code Or} branch uses).
	 * @param repositoryInterface the repository interface
	 * @param methodName the method's name; it must not be overloaded
	 * @return the plan
	 * @throws IllegalArgumentException if there is no such query method, or several
	 */
	QueryPlan planOf(Class<?> repositoryInterface, String methodName) {
		List<PartTreeVmsQuery<?>> candidates = this.queries.getOrDefault(repositoryInterface, Map.of())
			.getOrDefault(methodName, List.of());
		if (candidates.size() != 1) {
			throw new IllegalArgumentException(repositoryInterface.getName() + " has " + candidates.size()
					+ " derived query methods named " + methodName + " (created by this factory)");
		}
		return candidates.get(0).plan();
	}

	private void remember(RepositoryMetadata metadata, PartTreeVmsQuery<?> query) {
		this.queries.computeIfAbsent(metadata.getRepositoryInterface(), type -> new ConcurrentHashMap<>())
			.computeIfAbsent(query.getQueryMethod().getName(), name -> new java.util.concurrent.CopyOnWriteArrayList<>())
			.add(query);
	}

	/** The table of a repository's entity, checking that the repository declares the entity's id type. */
	private BoundTable<?> tableOf(RepositoryMetadata metadata) {
		Class<?> repositoryInterface = metadata.getRepositoryInterface();
		BoundTable<?> table;
		try {
			table = this.catalog.lookup(metadata.getDomainType());
		}
		catch (IllegalArgumentException ex) {
			throw new RepositoryCreationException("Repository " + repositoryInterface.getName() + " manages "
					+ metadata.getDomainType().getName() + ", which no VMS owns: " + ex.getMessage()
					+ "; list the entity in its VMS", ex, repositoryInterface);
		}
		Class<?> declared = ClassUtils.resolvePrimitiveIfNecessary(metadata.getIdType());
		Class<?> actual = ClassUtils.resolvePrimitiveIfNecessary(table.entity().idType());
		if (!declared.isAssignableFrom(actual)) {
			throw new RepositoryCreationException("Repository " + repositoryInterface.getName() + " declares id type "
					+ declared.getName() + " but " + metadata.getDomainType().getSimpleName() + "'s id is "
					+ actual.getName() + "; declare VmsRepository<" + metadata.getDomainType().getSimpleName() + ", "
					+ actual.getSimpleName() + ">", repositoryInterface);
		}
		return table;
	}

}
