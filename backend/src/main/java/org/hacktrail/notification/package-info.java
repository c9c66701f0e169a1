/**
 * Notifications inside Hacktrail: a per-user inbox of things that concern the user (a
 * join request received, an invitation, later a judging invitation or a follow-up due),
 * read over GraphQL and optionally sent by email. Generic on purpose: a notification is a
 * type, a map of parameters and a link, so any feature can send one without changing this
 * package.
 */
@NullMarked
package org.hacktrail.notification;

import org.jspecify.annotations.NullMarked;
