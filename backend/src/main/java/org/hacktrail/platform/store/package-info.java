@NullMarked
package org.hacktrail.platform.store;

import org.jspecify.annotations.NullMarked;
