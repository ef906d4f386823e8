package dev.vmodb.jpa.repository;

import java.util.regex.Pattern;

/**
 * Translates a SQL {@code LIKE} pattern into a regular expression: {@code %} matches any run of characters,
 * {@code _} one character, and a backslash escapes the next character (H2's default escape).
 */
final class LikePattern {

	private LikePattern() {
	}

	/**
	 * Compiles a {@code LIKE} pattern; done once per query call, not per row.
	 * @param like the pattern
	 * @param ignoreCase whether to match regardless of case
	 * @return the regular expression that matches whole values
	 */
	static Pattern compile(String like, boolean ignoreCase) {
		StringBuilder regex = new StringBuilder(like.length() + 8);
		StringBuilder literal = new StringBuilder();
		for (int i = 0; i < like.length(); i++) {
			char c = like.charAt(i);
			if (c == '\\' && i + 1 < like.length()) {
				literal.append(like.charAt(++i));
			}
			else if (c == '%' || c == '_') {
				flush(literal, regex);
				regex.append((c == '%') ? ".*" : ".");
			}
			else {
				literal.append(c);
			}
		}
		flush(literal, regex);
		int flags = Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
		return Pattern.compile(regex.toString(), flags);
	}

	private static void flush(StringBuilder literal, StringBuilder regex) {
		if (!literal.isEmpty()) {
			regex.append(Pattern.quote(literal.toString()));
			literal.setLength(0);
		}
	}

}
