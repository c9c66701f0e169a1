package org.hacktrail.hackathon;

/** How a round decides: judges scoring, the public voting, or the final committee. */
public enum RoundKind {

	REVIEW, PUBLIC_VOTE, FINAL

}
