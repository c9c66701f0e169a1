package org.hacktrail.followup;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hacktrail.platform.CodedText;
import org.hacktrail.platform.MessageArg;
import org.hacktrail.platform.batch.JobExitReasons;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The follow-up jobs' known failures as codes (issue #17): the outcome import's file
 * errors ({@link OutcomeRowReader}'s sentences, which the run's exit description quotes)
 * and the activity check stopped by the repository API's rate limit
 * ({@link ActivityRateLimitListener}).
 */
@Component
class FollowUpExitReasons implements JobExitReasons {

	private record Known(String code, Pattern pattern, List<String> names) {
	}

	private static final List<Known> OUTCOME_FILE = List.of(
			known("OUTCOME_FILE_EMPTY", "The file is empty\\. Its first row must be a header"),
			known("OUTCOME_JSON_NOT_ARRAY", "A JSON outcome file is an array of objects"),
			known("OUTCOME_UNKNOWN_COLUMN", "Unknown column '([^']*)' in the header", "column"),
			known("OUTCOME_DUPLICATE_COLUMN", "The column '([^']*)' appears twice in the header", "column"),
			known("OUTCOME_MISSING_COLUMN", "The header has no '([^']*)' column", "column"),
			known("OUTCOME_NO_PROJECT_COLUMN", "The header needs a 'project_ref' column"),
			known("OUTCOME_FILE_UNREADABLE", "The file cannot be read after row (\\d+)", "row"),
			known("OUTCOME_JSON_UNREADABLE", "The JSON file cannot be read after item (\\d+)", "item"));

	private static final Known RATE_LIMITED = known(ActivityRateLimitListener.RATE_LIMITED,
			"(\\d+) project\\(s\\) left for a run after (\\S+?)\\.(?=\\s|;|$)", "left", "until");

	private static Known known(String code, String pattern, String... names) {
		return new Known(code, Pattern.compile(pattern), List.of(names));
	}

	@Override
	public @Nullable CodedText reason(String jobName, String exitCode, String description) {
		if (OutcomeImports.JOB.equals(jobName)) {
			for (Known known : OUTCOME_FILE) {
				CodedText found = match(known, description);
				if (found != null) {
					return found;
				}
			}
		}
		if (ActivityRateLimitListener.RATE_LIMITED.equals(exitCode)) {
			return match(RATE_LIMITED, description);
		}
		return null;
	}

	private static @Nullable CodedText match(Known known, String description) {
		Matcher matcher = known.pattern().matcher(description);
		if (!matcher.find()) {
			return null;
		}
		List<MessageArg> args = new ArrayList<>();
		for (int i = 0; i < known.names().size(); i++) {
			args.add(MessageArg.of(known.names().get(i), matcher.group(i + 1)));
		}
		return new CodedText(known.code(), args, description);
	}

}
