package org.hacktrail.platform.store;

import java.util.Locale;
import java.util.Set;

import de.bwaldvogel.mongo.bson.Document;

/**
 * Which commands arriving at the embedded store only read. Everything else counts as a
 * write: it is refused while the store refuses writes and, in {@code sync} durability,
 * answered only once it is on the disk. A command this list does not know is therefore
 * treated the safe way (an unknown read waits for one commit; an unknown write is never
 * acknowledged before it is durable).
 */
final class WireCommands {

	private static final Set<String> READS = Set.of("find", "getmore", "killcursors", "count", "distinct",
			"listcollections", "listindexes", "listdatabases", "ping", "ismaster", "hello", "buildinfo", "serverstatus",
			"whatsmyuri", "getlasterror", "getparameter", "connectionstatus", "hostinfo", "getcmdlineopts", "dbstats",
			"collstats", "endsessions", "getlog", "explain", "currentop", "features");

	private WireCommands() {
	}

	/** Whether the command (named by the first key of its document) may change data. */
	static boolean isWrite(String command, Document document) {
		String name = command.toLowerCase(Locale.ROOT);
		if (name.equals("aggregate")) {
			return writesOutput(document.get("pipeline"));
		}
		return !READS.contains(name);
	}

	/** An aggregation writes when a stage is {@code $out} or {@code $merge}. */
	private static boolean writesOutput(Object pipeline) {
		if (pipeline instanceof Iterable<?> stages) {
			for (Object stage : stages) {
				if (stage instanceof Document document
						&& (document.containsKey("$out") || document.containsKey("$merge"))) {
					return true;
				}
			}
		}
		return false;
	}

}
