package dev.vmodb.jpa.repository;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;

import org.springframework.data.core.PropertyReferenceException;
import org.springframework.data.repository.query.Parameters;
import org.springframework.data.repository.query.QueryCreationException;
import org.springframework.data.repository.query.QueryMethod;
import org.springframework.data.repository.query.parser.Part;
import org.springframework.data.repository.query.parser.PartTree;
import org.springframework.util.ClassUtils;

import dev.vmodb.core.schema.TableSchema;
import dev.vmodb.jpa.mapping.BoundTable;
import dev.vmodb.jpa.mapping.EntityTable;

/**
 * Compiles a derived query method (its name, parameters and return type) into a {@link PartTreeVmsQuery}, once,
 * when the repository is created.
 *
 * <p>Each {@code Or} branch gets its access path from {@link BranchPlanner}. Anything the store cannot answer fails
 * here, naming the repository and method, rather than on the first call.
 */
final class QueryCompiler<T> {

	/** The keywords {@link #condition} handles; named in errors. */
	static final String SUPPORTED_KEYWORDS = "Is/Equals, Not, LessThan, LessThanEqual, GreaterThan, "
			+ "GreaterThanEqual, Before, After, Between, In, NotIn, IsNull, IsNotNull, True, False, Like, NotLike, "
			+ "StartingWith, EndingWith, Containing, NotContaining, IgnoreCase, AllIgnoreCase, OrderBy";

	private final Method javaMethod;

	private final QueryMethod method;

	private final Class<?> repositoryInterface;

	private final BoundTable<T> table;

	private final EntityTable<T> entity;

	private final TableSchema schema;

	private final List<ArgumentBinder.Conversion> conversions = new ArrayList<>();

	private QueryCompiler(Method javaMethod, QueryMethod method, Class<?> repositoryInterface, BoundTable<T> table) {
		this.javaMethod = javaMethod;
		this.method = method;
		this.repositoryInterface = repositoryInterface;
		this.table = table;
		this.entity = table.entity();
		this.schema = this.entity.schema();
	}

	/**
	 * Compiles a query method.
	 * @param <T> the entity type
	 * @param javaMethod the method
	 * @param method Spring Data's model of the method
	 * @param repositoryInterface the repository interface
	 * @param table the entity's table
	 * @return the compiled query
	 * @throws QueryCreationException naming the repository, the method and what to change
	 */
	static <T> PartTreeVmsQuery<T> compile(Method javaMethod, QueryMethod method, Class<?> repositoryInterface,
			BoundTable<T> table) {
		return new QueryCompiler<>(javaMethod, method, repositoryInterface, table).compile();
	}

	private PartTreeVmsQuery<T> compile() {
		Parameters<?, ?> parameters = this.method.getParameters();
		rejectUnsupportedParameters(parameters);
		PartTree tree = parse();
		Parameters<?, ?> bindable = parameters.getBindableParameters();
		int needed = tree.getParts().stream().mapToInt(Part::getNumberOfArguments).sum();
		if (needed != bindable.getNumberOfParameters()) {
			throw error("the method name needs " + needed + " argument(s) but the method declares "
					+ bindable.getNumberOfParameters() + " (not counting Sort, Pageable and Limit); declare one "
					+ "parameter per condition (two for Between, none for IsNull, True, …), in the order of the name");
		}
		int[] parameterIndexes = new int[needed];
		for (int i = 0; i < needed; i++) {
			parameterIndexes[i] = bindable.getParameter(i).getIndex();
		}
		BranchPlanner planner = new BranchPlanner(this.schema);
		List<Branch> branches = new ArrayList<>();
		int slot = 0;
		for (PartTree.OrPart or : tree) {
			List<CompiledPart> parts = new ArrayList<>();
			for (Part part : or) {
				parts.add(compilePart(part, slot, bindable));
				slot += part.getNumberOfArguments();
			}
			branches.add(planner.plan(parts));
		}
		if (branches.isEmpty()) {
			branches.add(new Branch(new AccessPath.FullScan(), List.of(), List.of()));
		}
		ArgumentBinder binder = new ArgumentBinder(parameterIndexes,
				this.conversions.toArray(ArgumentBinder.Conversion[]::new));
		ShapeAndType shape = shape(tree);
		try {
			RowOrder.of(this.entity, tree.getSort());
		}
		catch (IllegalArgumentException ex) {
			throw error(ex.getMessage());
		}
		int maxResults = Optional.ofNullable(tree.getMaxResults()).orElse(Integer.MAX_VALUE);
		PartTreeVmsQuery.SpecialParameters special = new PartTreeVmsQuery.SpecialParameters(
				parameters.hasSortParameter() ? parameters.getSortIndex() : -1,
				parameters.hasPageableParameter() ? parameters.getPageableIndex() : -1,
				parameters.hasLimitParameter() ? parameters.getLimitIndex() : -1);
		return new PartTreeVmsQuery<>(this.method, this.table, new QueryPlan(this.schema, branches), binder,
				shape.shape, shape.intResult, tree.getSort(), maxResults, special);
	}

	private PartTree parse() {
		try {
			return new PartTree(this.method.getName(), this.entity.type());
		}
		catch (PropertyReferenceException ex) {
			throw error("property '" + ex.getPropertyName() + "' not found on " + this.entity.type().getSimpleName()
					+ " (" + ex.getMessage() + "); name the entity's attributes (for an embedded id, its parts, as "
					+ "in findById_SellerId), using the keywords " + SUPPORTED_KEYWORDS);
		}
		catch (RuntimeException ex) {
			throw error("the method name cannot be parsed (" + ex.getMessage() + "); derived queries look like "
					+ "findBy<Property><Keyword>And…, countBy…, existsBy…, deleteBy…");
		}
	}

	private void rejectUnsupportedParameters(Parameters<?, ?> parameters) {
		if (parameters.hasScrollPositionParameter() || this.method.isScrollQuery()) {
			throw error("scrolling (ScrollPosition, Window) is not supported; use Pageable with Page or Slice");
		}
		if (parameters.hasDynamicProjection()) {
			throw error("dynamic projections are not supported; return the entity type");
		}
		if (parameters.hasVectorParameter() || parameters.hasScoreParameter() || parameters.hasScoreRangeParameter()
				|| this.method.isSearchQuery()) {
			throw error("vector search is not supported");
		}
	}

	private CompiledPart compilePart(Part part, int slot, Parameters<?, ?> bindable) {
		String path = part.getProperty().toDotPath();
		int column = this.entity.columnOf(path);
		if (column < 0) {
			throw error("property '" + path + "' of " + this.entity.type().getSimpleName() + " maps to no column of "
					+ "table " + this.schema.name() + "; query by a basic attribute (for an embedded attribute or id, "
					+ "by its parts, as in findById_SellerId)");
		}
		Class<?> columnType = this.schema.columns().get(column).javaType();
		Class<?> attributeType = this.entity.attributeTypeOf(path);
		boolean ignoreCase = switch (part.shouldIgnoreCase()) {
			case NEVER -> false;
			case WHEN_POSSIBLE -> attributeType == String.class;
			case ALWAYS -> {
				if (attributeType != String.class) {
					throw error("IgnoreCase needs a String property, but '" + path + "' is "
							+ attributeType.getSimpleName() + "; remove IgnoreCase for it");
				}
				yield true;
			}
		};
		String description = path + " " + part.getType().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
				+ (ignoreCase ? " ignoring case" : "");
		Condition condition = condition(part, path, column, columnType, attributeType, ignoreCase, slot, bindable);
		boolean hashable = !ignoreCase && ColumnValues.isHashable(columnType);
		return new CompiledPart(column, condition, hashable && part.getType() == Part.Type.SIMPLE_PROPERTY,
				hashable && part.getType() == Part.Type.IN, slot, description);
	}

	private Condition condition(Part part, String path, int column, Class<?> columnType, Class<?> attributeType,
			boolean ignoreCase, int slot, Parameters<?, ?> bindable) {
		Part.Type type = part.getType();
		return switch (type) {
			case SIMPLE_PROPERTY, NEGATING_SIMPLE_PROPERTY -> {
				scalarArgument(bindable, slot, path, column, attributeType);
				yield (type == Part.Type.SIMPLE_PROPERTY)
						? Conditions.equalTo(column, slot, Conditions.sameness(columnType, ignoreCase))
						: Conditions.notEqualTo(column, slot, Conditions.sameness(columnType, ignoreCase));
			}
			case LESS_THAN, BEFORE -> comparison(bindable, slot, part, path, column, attributeType, ignoreCase, c -> c < 0);
			case LESS_THAN_EQUAL -> comparison(bindable, slot, part, path, column, attributeType, ignoreCase, c -> c <= 0);
			case GREATER_THAN, AFTER -> comparison(bindable, slot, part, path, column, attributeType, ignoreCase, c -> c > 0);
			case GREATER_THAN_EQUAL -> comparison(bindable, slot, part, path, column, attributeType, ignoreCase,
					c -> c >= 0);
			case BETWEEN -> {
				Comparator<Object> order = orderOf(part, path, columnType, ignoreCase);
				scalarArgument(bindable, slot, path, column, attributeType);
				scalarArgument(bindable, slot + 1, path, column, attributeType);
				yield Conditions.between(column, slot, order);
			}
			case IN, NOT_IN -> {
				Class<?> parameterType = bindable.getParameter(slot).getType();
				if (!Collection.class.isAssignableFrom(parameterType) && !parameterType.isArray()
						&& parameterType != Object.class) {
					throw error("parameter " + (slot + 1) + " for " + path + " " + keyword(type) + " must be a Collection or an "
							+ "array, not " + parameterType.getSimpleName());
				}
				this.conversions.add(ArgumentBinder.Conversion.valueSet(this.entity, column, attributeType, ignoreCase));
				yield Conditions.in(column, slot, type == Part.Type.NOT_IN);
			}
			case IS_NULL, IS_NOT_NULL -> Conditions.isNull(column, type == Part.Type.IS_NOT_NULL);
			case TRUE, FALSE -> {
				if (columnType != Boolean.class) {
					throw error(keyword(type) + " needs a boolean property, but '" + path + "' is "
							+ attributeType.getSimpleName());
				}
				yield Conditions.isBoolean(column, type == Part.Type.TRUE);
			}
			case LIKE, NOT_LIKE -> {
				textArgument(bindable, slot, part, path, attributeType, ArgumentBinder.Conversion.like(ignoreCase));
				yield Conditions.like(column, slot, type == Part.Type.NOT_LIKE);
			}
			case STARTING_WITH -> {
				textArgument(bindable, slot, part, path, attributeType, ArgumentBinder.Conversion.text());
				yield Conditions.startingWith(column, slot, ignoreCase);
			}
			case ENDING_WITH -> {
				textArgument(bindable, slot, part, path, attributeType, ArgumentBinder.Conversion.text());
				yield Conditions.endingWith(column, slot, ignoreCase);
			}
			case CONTAINING, NOT_CONTAINING -> {
				textArgument(bindable, slot, part, path, attributeType, ArgumentBinder.Conversion.text());
				yield Conditions.containing(column, slot, ignoreCase, type == Part.Type.NOT_CONTAINING);
			}
			default -> throw error("keyword " + keyword(type) + " (on " + path + ") is not supported by vMODB repositories; "
					+ "supported keywords: " + SUPPORTED_KEYWORDS);
		};
	}

	private Condition comparison(Parameters<?, ?> bindable, int slot, Part part, String path, int column,
			Class<?> attributeType, boolean ignoreCase, IntPredicate accept) {
		Comparator<Object> order = orderOf(part, path, this.schema.columns().get(column).javaType(), ignoreCase);
		scalarArgument(bindable, slot, path, column, attributeType);
		return Conditions.comparing(column, slot, order, accept);
	}

	private Comparator<Object> orderOf(Part part, String path, Class<?> columnType, boolean ignoreCase) {
		if (!ColumnValues.isOrdered(columnType)) {
			throw error(keyword(part.getType()) + " needs ordered values, but '" + path + "' holds " + columnType.getSimpleName());
		}
		return Conditions.order(columnType, ignoreCase);
	}

	private void scalarArgument(Parameters<?, ?> bindable, int slot, String path, int column, Class<?> attributeType) {
		Class<?> columnType = this.schema.columns().get(column).javaType();
		Class<?> parameterType = ClassUtils.resolvePrimitiveIfNecessary(bindable.getParameter(slot).getType());
		boolean numbers = (ColumnValues.isNumber(parameterType) || parameterType == Number.class)
				&& ColumnValues.isNumber(columnType);
		if (parameterType != Object.class && !attributeType.isAssignableFrom(parameterType)
				&& !columnType.isAssignableFrom(parameterType) && !numbers) {
			throw error("parameter " + (slot + 1) + " has type " + parameterType.getSimpleName() + " but property '"
					+ path + "' is " + attributeType.getSimpleName() + "; declare the parameter as "
					+ attributeType.getSimpleName());
		}
		this.conversions.add(ArgumentBinder.Conversion.scalar(this.entity, column, attributeType));
	}

	private void textArgument(Parameters<?, ?> bindable, int slot, Part part, String path, Class<?> attributeType,
			ArgumentBinder.Conversion conversion) {
		if (attributeType != String.class) {
			throw error(keyword(part.getType()) + " needs a String property, but '" + path + "' is "
					+ attributeType.getSimpleName());
		}
		Class<?> parameterType = bindable.getParameter(slot).getType();
		if (!CharSequence.class.isAssignableFrom(parameterType) && parameterType != Object.class) {
			throw error("parameter " + (slot + 1) + " for " + path + " " + keyword(part.getType()) + " must be a String, not "
					+ parameterType.getSimpleName());
		}
		this.conversions.add(conversion);
	}

	/** The keyword as users write it: {@code StartingWith} rather than {@code IsStartingWith} or the enum name. */
	private static String keyword(Part.Type type) {
		List<String> keywords = List.copyOf(type.getKeywords());
		return keywords.get(Math.min(1, keywords.size() - 1));
	}

	private ShapeAndType shape(PartTree tree) {
		Method javaMethod = this.javaMethod;
		Class<?> returnType = javaMethod.getReturnType();
		Class<?> boxed = ClassUtils.resolvePrimitiveIfNecessary(returnType);
		if (tree.isCountProjection()) {
			if (boxed == Long.class || boxed == Integer.class) {
				return new ShapeAndType(PartTreeVmsQuery.Shape.COUNT, boxed == Integer.class);
			}
			throw error("count queries return long or int, not " + returnType.getSimpleName());
		}
		if (tree.isExistsProjection()) {
			if (boxed == Boolean.class) {
				return new ShapeAndType(PartTreeVmsQuery.Shape.EXISTS, false);
			}
			throw error("exists queries return boolean, not " + returnType.getSimpleName());
		}
		if (tree.isDelete()) {
			if (returnType == void.class || returnType == Void.class) {
				return new ShapeAndType(PartTreeVmsQuery.Shape.DELETE_VOID, false);
			}
			if (boxed == Long.class || boxed == Integer.class) {
				return new ShapeAndType(PartTreeVmsQuery.Shape.DELETE_COUNT, boxed == Integer.class);
			}
			if (returnType.isAssignableFrom(List.class) && this.method.getReturnedObjectType() == this.entity.type()) {
				return new ShapeAndType(PartTreeVmsQuery.Shape.DELETE_LIST, false);
			}
			throw error("delete queries return void, long, int or List<" + this.entity.type().getSimpleName()
					+ ">, not " + javaMethod.getGenericReturnType().getTypeName());
		}
		if (!this.entity.type().isAssignableFrom(this.method.getReturnedObjectType())) {
			throw error("it returns " + this.method.getReturnedObjectType().getSimpleName() + " but projections are "
					+ "not supported; return " + this.entity.type().getSimpleName() + " (or a List, Optional, Stream, "
					+ "Page or Slice of it)");
		}
		if (this.method.isPageQuery()) {
			return new ShapeAndType(PartTreeVmsQuery.Shape.PAGE, false);
		}
		if (this.method.isSliceQuery()) {
			return new ShapeAndType(PartTreeVmsQuery.Shape.SLICE, false);
		}
		if (this.method.isStreamQuery()) {
			return new ShapeAndType(PartTreeVmsQuery.Shape.STREAM, false);
		}
		if (this.method.isCollectionQuery()) {
			return new ShapeAndType(PartTreeVmsQuery.Shape.LIST, false);
		}
		if (returnType == Optional.class) {
			return new ShapeAndType(PartTreeVmsQuery.Shape.OPTIONAL, false);
		}
		if (this.entity.type().isAssignableFrom(returnType)) {
			return new ShapeAndType(PartTreeVmsQuery.Shape.SINGLE, false);
		}
		throw error("return type " + javaMethod.getGenericReturnType().getTypeName() + " is not supported; return "
				+ "the entity, Optional, List, Iterable, Collection, Stream, Page or Slice of "
				+ this.entity.type().getSimpleName());
	}

	private QueryCreationException error(String problem) {
		return QueryCreationException.create(message(this.javaMethod, this.repositoryInterface, problem), null,
				this.repositoryInterface, this.javaMethod);
	}

	/**
	 * A message naming the repository and method.
	 * @param method the method
	 * @param repositoryInterface the repository
	 * @param problem what is wrong and what to do
	 * @return the message
	 */
	static String message(Method method, Class<?> repositoryInterface, String problem) {
		String parameterTypes = Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName)
				.collect(Collectors.joining(", "));
		return "Cannot derive a query for " + repositoryInterface.getName() + "." + method.getName() + "("
				+ parameterTypes + "): " + problem;
	}

	private record ShapeAndType(PartTreeVmsQuery.Shape shape, boolean intResult) {
	}

}
