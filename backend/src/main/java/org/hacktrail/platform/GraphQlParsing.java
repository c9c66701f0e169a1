package org.hacktrail.platform;

import graphql.language.Document;
import graphql.language.SourceLocation;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.parser.ParsingListener;

/**
 * How every GraphQL document sent to this service is parsed: by the engine
 * ({@link GraphQlDocumentCache}) and by the rate limit's cost estimate, with the same
 * caps, so that no document costs more than a bounded amount of work before it is
 * refused. A 400,000-digit number once held a core for many seconds: graphql-java turns
 * every number it reads into a {@link java.math.BigInteger} or
 * {@link java.math.BigDecimal} (quadratic in the digits) and quoted it back in the
 * validation error. The caps, all BAD_USER_INPUT as syntax errors:
 *
 * <ul>
 * <li>{@value #MAX_CHARACTERS} characters in a document (the web panel's largest is a few
 * thousand);</li>
 * <li>{@value #MAX_TOKENS} tokens, {@value #MAX_WHITESPACE_TOKENS} whitespace and comment
 * tokens, grammar rules nested {@value #MAX_RULE_DEPTH} deep;</li>
 * <li>a number literal of at most {@value #MAX_NUMBER_CHARACTERS} characters, checked as
 * the token is read, before it is ever converted (an {@code Int} has at most 11, a
 * {@code Float} a few more).</li>
 * </ul>
 */
public final class GraphQlParsing {

	static final int MAX_CHARACTERS = 100_000;

	static final int MAX_TOKENS = 15_000;

	static final int MAX_WHITESPACE_TOKENS = 50_000;

	static final int MAX_RULE_DEPTH = 250;

	static final int MAX_NUMBER_CHARACTERS = 50;

	/** The options the engine reads from each request's GraphQL context. */
	static final ParserOptions OPTIONS = ParserOptions.newParserOptions()
		.maxCharacters(MAX_CHARACTERS)
		.maxTokens(MAX_TOKENS)
		.maxWhitespaceTokens(MAX_WHITESPACE_TOKENS)
		.maxRuleDepth(MAX_RULE_DEPTH)
		.captureIgnoredChars(false)
		.captureLineComments(false)
		.parsingListener(GraphQlParsing::checkToken)
		.build();

	private GraphQlParsing() {
	}

	/**
	 * Parses an operation document under the caps; {@link InvalidSyntaxException} when it
	 * breaks one or is no GraphQL.
	 */
	public static Document parse(String query) {
		return new Parser()
			.parseDocument(ParserEnvironment.newParserEnvironment().document(query).parserOptions(OPTIONS).build());
	}

	private static void checkToken(ParsingListener.Token token) {
		String text = token.getText();
		if (text == null || text.length() <= MAX_NUMBER_CHARACTERS || text.isEmpty()) {
			return;
		}
		char first = text.charAt(0);
		if (first == '-' || (first >= '0' && first <= '9')) {
			throw new NumberTooLong(text.length(),
					new SourceLocation(token.getLine(), token.getCharPositionInLine() + 1));
		}
	}

	/**
	 * A number literal over the cap: a syntax error that quotes its length and place,
	 * never its digits.
	 */
	static final class NumberTooLong extends InvalidSyntaxException {

		NumberTooLong(int length, SourceLocation location) {
			super("A number may have at most " + MAX_NUMBER_CHARACTERS + " characters; the one at line "
					+ location.getLine() + ", column " + location.getColumn() + " has " + length + ".", location, null,
					null, null);
		}

	}

}
