/**
 * Serving the web panel (built by the web module into {@code static/}): its client-side
 * routes.
 */
@NullMarked
package org.hacktrail.webpanel;

import org.jspecify.annotations.NullMarked;
