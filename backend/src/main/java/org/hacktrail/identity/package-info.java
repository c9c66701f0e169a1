@NullMarked
package org.hacktrail.identity;

import org.jspecify.annotations.NullMarked;
