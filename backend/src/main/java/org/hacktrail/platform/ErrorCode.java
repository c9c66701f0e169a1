package org.hacktrail.platform;

/**
 * The {@code extensions.code} of every GraphQL error and the {@code code} of every REST
 * error body.
 */
public enum ErrorCode {

	BAD_USER_INPUT, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, UNAVAILABLE, INTERNAL

}
