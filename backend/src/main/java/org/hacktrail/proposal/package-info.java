/**
 * Projects and proposals: a proposal is one pitch at one hackathon with a checked,
 * recorded lifecycle; a project is the long-lived identity of an idea across editions.
 * CSV import and export of proposal lists live here too.
 */
@NullMarked
package org.hacktrail.proposal;

import org.jspecify.annotations.NullMarked;
