package dev.vmodb.jpa.repository;

import java.lang.reflect.Method;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.springframework.data.projection.ProjectionFactory;
import org.springframework.data.repository.core.NamedQueries;
import org.springframework.data.repository.core.RepositoryMetadata;
import org.springframework.data.repository.query.QueryCreationException;
import org.springframework.data.repository.query.QueryLookupStrategy;
import org.springframework.data.repository.query.QueryMethod;
import org.springframework.data.repository.query.RepositoryQuery;

import dev.vmodb.jpa.mapping.BoundTable;

/**
 * Resolves every query method of a repository to a derived query compiled against the entity's table.
 */
final class VmsQueryLookupStrategy implements QueryLookupStrategy {

	private final Function<RepositoryMetadata, BoundTable<?>> tables;

	private final BiConsumer<RepositoryMetadata, PartTreeVmsQuery<?>> compiled;

	/**
	 * @param tables finds the table of a repository's entity
	 * @param compiled told of every compiled query, so the factory can report access paths
	 */
	VmsQueryLookupStrategy(Function<RepositoryMetadata, BoundTable<?>> tables,
			BiConsumer<RepositoryMetadata, PartTreeVmsQuery<?>> compiled) {
		this.tables = tables;
		this.compiled = compiled;
	}

	@Override
	public RepositoryQuery resolveQuery(Method method, RepositoryMetadata metadata, ProjectionFactory factory,
			NamedQueries namedQueries) {
		QueryMethod queryMethod;
		try {
			queryMethod = new QueryMethod(method, metadata, factory, null);
		}
		catch (RuntimeException ex) {
			throw QueryCreationException.create(QueryCompiler.message(method, metadata.getRepositoryInterface(),
					ex.getMessage()), ex, metadata.getRepositoryInterface(), method);
		}
		PartTreeVmsQuery<?> query = QueryCompiler.compile(method, queryMethod, metadata.getRepositoryInterface(),
				this.tables.apply(metadata));
		this.compiled.accept(metadata, query);
		return query;
	}

}
