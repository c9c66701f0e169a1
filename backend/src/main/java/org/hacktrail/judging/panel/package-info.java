/**
 * The judge panel of a hackathon: invitations by email, judge records (sector,
 * affiliations, expertise), and conflicts of interest — declared by judges, found from
 * affiliations, added or cleared by organizers — with every decision recorded.
 * Per-hackathon judging rights come from the judge record, never from the global JUDGE
 * role.
 */
@NullMarked
package org.hacktrail.judging.panel;

import org.jspecify.annotations.NullMarked;
