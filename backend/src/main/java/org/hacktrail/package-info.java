@NullMarked
package org.hacktrail;

import org.jspecify.annotations.NullMarked;
