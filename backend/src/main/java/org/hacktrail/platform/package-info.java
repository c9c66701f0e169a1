@NullMarked
package org.hacktrail.platform;

import org.jspecify.annotations.NullMarked;
