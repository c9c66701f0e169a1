package org.hacktrail.platform;

/**
 * Who is calling, as the platform's own endpoints need it (the batch jobs' "requested
 * by"). Implemented by the identity module, which knows how users sign in; declared here
 * so that the platform depends on no feature.
 */
public interface Caller {

	/** The signed-in user's id; UNAUTHENTICATED for an anonymous caller. */
	String requireId();

}
