package org.hacktrail.judging;

/**
 * The sector a judge speaks for. Sector means are computed separately and combined with
 * configured weights, because where public and private judges disagree is exactly what a
 * public–private collaboration has to talk about.
 */
public enum Sector {

	PUBLIC, PRIVATE, ACADEMIC, CIVIL_SOCIETY

}
