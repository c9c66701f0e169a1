package org.hacktrail.platform;

import java.util.Collection;
import java.util.Map;

/**
 * People's display names by user id, as the platform's own endpoints need them (who
 * started a batch job). Implemented by the identity module, which keeps the users;
 * declared here so that the platform depends on no feature.
 */
public interface UserNames {

	/** The display names of the users with these ids; unknown ids are left out. */
	Map<String, String> displayNames(Collection<String> userIds);

}
