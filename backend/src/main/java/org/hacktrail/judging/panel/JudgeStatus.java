package org.hacktrail.judging.panel;

/** Whether a judge still takes work at a hackathon. */
public enum JudgeStatus {

	/** On the panel: gets assignments and scores. */
	ACTIVE,

	/**
	 * Dropped out: their unsubmitted work was given to other judges and they get no more.
	 */
	DROPPED

}
