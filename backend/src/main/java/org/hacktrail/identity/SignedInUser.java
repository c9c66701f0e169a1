package org.hacktrail.identity;

/**
 * Whatever principal a request carries (OAuth2/OIDC login, API token, demo persona), it
 * names the Hacktrail user behind it.
 */
public interface SignedInUser {

	String userId();

}
