package dev.vmodb.samples.marketplace.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What one line of a checkout is about, wherever it shows up (cart line, order item, package, seller entry): the
 * product and the quantity. Lines compare as multisets, so their order and ids do not matter.
 */
record Line(long sellerId, long productId, int quantity) {

	private static final Comparator<Line> ORDER = Comparator.comparingLong(Line::sellerId)
		.thenComparingLong(Line::productId)
		.thenComparingInt(Line::quantity);

	/**
	 * Counts the lines of some rows.
	 * @param <T> the row type
	 * @param rows the rows
	 * @param line what line a row is
	 * @return each line with how often it occurs
	 */
	static <T> Map<Line, Integer> multiset(Collection<T> rows, Function<T, Line> line) {
		Map<Line, Integer> counts = new HashMap<>();
		for (T row : rows) {
			counts.merge(line.apply(row), 1, Integer::sum);
		}
		return counts;
	}

	/**
	 * A multiset of lines as text, in product order, each line as often as it occurs.
	 * @param lines the lines with their counts
	 * @return for example {@code [2x 1/1, 1x 2/2]}
	 */
	static String describe(Map<Line, Integer> lines) {
		List<String> described = new ArrayList<>();
		lines.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey(ORDER))
			.forEach((entry) -> Collections.nCopies(entry.getValue(), entry.getKey().toString()).forEach(described::add));
		return described.toString();
	}

	@Override
	public String toString() {
		return this.quantity + "x " + this.sellerId + "/" + this.productId;
	}

}
