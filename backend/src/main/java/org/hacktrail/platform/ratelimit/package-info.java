/**
 * Per-instance rate limits (token buckets, Bucket4j) on sign-in attempts, API-token
 * failures and expensive GraphQL operations, answered with 429 and {@code Retry-After}.
 *
 * <p>
 * A named interface of the platform module: the rate limits sign-in and token checks
 * consult.
 */
@NullMarked
@NamedInterface("ratelimit")
package org.hacktrail.platform.ratelimit;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.NamedInterface;
