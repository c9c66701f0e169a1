/**
 * Per-instance rate limits (token buckets, Bucket4j) on sign-in attempts, API-token
 * failures and expensive GraphQL operations, answered with 429 and {@code Retry-After}.
 */
@NullMarked
package org.hacktrail.platform.ratelimit;

import org.jspecify.annotations.NullMarked;
