/**
 * Hackathons: events with a kind, dates in a time zone, a phase that moves one step at a
 * time (with its history), rounds and the per-event rules that proposals, teams and
 * judging follow.
 */
@NullMarked
package org.hacktrail.hackathon;

import org.jspecify.annotations.NullMarked;
