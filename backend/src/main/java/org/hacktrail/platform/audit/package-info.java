/**
 * The audit log of security events: written by the features through
 * {@link org.hacktrail.platform.audit.AuditLog}, read by organizers over GraphQL, never
 * changed.
 */
@NullMarked
package org.hacktrail.platform.audit;

import org.jspecify.annotations.NullMarked;
