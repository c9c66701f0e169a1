package org.hacktrail.security;

import java.util.List;

/**
 * What an attacker types into free-text fields: MongoDB operators and JavaScript as text,
 * dotted and {@code $}-prefixed keys, regular-expression bombs, control and direction
 * characters, markup, spreadsheet formulas and characters outside the basic plane. Each
 * must be refused with BAD_USER_INPUT or stored and returned as the plain text it is.
 */
public final class HostileInputs {

	private HostileInputs() {
	}

	public record Payload(String name, String text) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	public static final List<Payload> TEXT = List.of(new Payload("operator as text", "{\"$gt\": \"\"}"),
			new Payload("$where", "$where"), new Payload("javascript", "this.a == 1 || sleep(5000)"),
			new Payload("dotted key", "a.b.c"), new Payload("$-prefixed dotted key", "$set.roles"),
			new Payload("shell injection", "'; db.users.drop(); //"), new Payload("regex bomb (a+)+$", "(a+)+$"),
			new Payload("NUL character", "nul\u0000byte"), new Payload("right-to-left override", "evil\u202Etxt.exe"),
			new Payload("markup", "<img src=x onerror=alert(1)>"),
			new Payload("spreadsheet formula", "=HYPERLINK(\"http://example.invalid\")"),
			new Payload("astral plane", "𝕳𝖆𝖈𝖐 🚀 黑客松"), new Payload("250 characters", "x".repeat(250)));

	/**
	 * Regular-expression bombs for search fields: each would take ages as a backtracking
	 * pattern on this subject.
	 */
	public static final List<String> REGEX_BOMBS = List.of("(a+)+$", "(a|a)*$", "(.*a){25}", "((a*)*)*b",
			"a".repeat(30) + "!", "(?:(?:a+)+)+$");

}
