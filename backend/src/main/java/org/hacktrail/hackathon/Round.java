package org.hacktrail.hackathon;

/**
 * A round of selection within a hackathon, in the order they happen (e.g. preliminary
 * review, public vote, final). Judging attaches its rubric and assignments to the round's
 * id.
 */
public record Round(String id, LocalizedText name, RoundKind kind) {
}
