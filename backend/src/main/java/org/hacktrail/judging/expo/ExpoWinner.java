package org.hacktrail.judging.expo;

/** The judge's answer: the proposal at this table (CURRENT) or the previous one. */
public enum ExpoWinner {

	CURRENT, PREVIOUS

}
