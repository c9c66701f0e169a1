/**
 * The audit log of security events: written by the features through
 * {@link org.hacktrail.platform.audit.AuditLog}, read by organizers over GraphQL, never
 * changed.
 *
 * <p>
 * A named interface of the platform module: the audit log every module writes security
 * events to.
 */
@NullMarked
@NamedInterface("audit")
package org.hacktrail.platform.audit;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.NamedInterface;
