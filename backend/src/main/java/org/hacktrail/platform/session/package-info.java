/**
 * Browser sessions kept in the store, so that every instance behind a load balancer sees
 * the same sessions.
 */
@NullMarked
package org.hacktrail.platform.session;

import org.jspecify.annotations.NullMarked;
