package org.hacktrail.platform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Why a request was refused, as a code a client can say in its reader's language: it
 * reaches the caller as {@code extensions.reason}, with {@code extensions.args} (the
 * values of the template's placeholders) and, for input, {@code extensions.field}. The
 * English {@code message} is made from the same template, so the two cannot drift.
 * {@code {field}} in a template is the field named by the refusal. The codes are listed
 * in docs/api-errors.md and in web/src/i18n/refusals/codes.json, which the panel's
 * catalogs must cover (RefusalCatalogTests and the panel's refusal tests check both).
 */
public enum Refusal {

	// Text: presence and length.

	/** A value is required and missing or blank. */
	REQUIRED("Give the {field}."),

	/** Text longer than allowed. */
	TOO_LONG("The {field} is longer than {max} characters."),

	/** Text longer than allowed, with its length. */
	LONGER_THAN("The {field} is longer than {max} characters ({length})."),

	/** Text shorter than needed. */
	TOO_SHORT("The {field} needs at least {min} characters."),

	/** Text of a length outside its bounds (blank included). */
	LENGTH("The {field} needs {min} to {max} characters."),

	/** A search text longer than allowed. */
	SEARCH_TOO_LONG("Type at most {max} characters to search."),

	/** A search text shorter than needed. */
	SEARCH_TOO_SHORT("Type at least {min} characters to search."),

	/** A page size outside its bounds. */
	PAGE_SIZE("Page size must be between {min} and {max}, was {value}."),

	// Text: characters (FreeText).

	/** Half of a UTF-16 pair. */
	LONE_SURROGATE(
			"The {field} holds half of a character (a lone surrogate {codePoint}); send it as valid Unicode text."),

	/** A control character where none is allowed. */
	CONTROL_CHARACTERS("The {field} cannot contain control characters ({codePoint})."),

	/** A line break in a one-line field. */
	LINE_BREAK("The {field} cannot contain control characters ({codePoint}, a line break: it must be a single line)."),

	/** A bidirectional embedding, override or isolate in a one-line field. */
	REORDERING_CHARACTERS("The {field} cannot contain characters that reorder the text around them ({codePoint})."),

	/** Only spaces or invisible characters. */
	NOT_VISIBLE("The {field} needs at least one visible character; it has only spaces or invisible characters."),

	/** A title with no letter or digit. */
	NO_LETTER_OR_DIGIT("The {field} needs at least one letter or digit."),

	/** A character the field reserves (e.g. ';' between skills). */
	RESERVED_CHARACTER("The {field} cannot contain '{character}': '{value}'."),

	/** Text not in the field's format (slug, id, key). */
	BAD_FORMAT("'{value}' is not a valid {field}: {format}"),

	/** Text in Chinese, English or both, and neither was given. */
	LOCALIZED_REQUIRED("Give the {field} in Chinese (zhTW), English (en) or both."),

	// Numbers and lists.

	/** A number outside its bounds. */
	OUT_OF_RANGE("The {field} is between {min} and {max}, not {value}."),

	/** A number below its minimum. */
	TOO_SMALL("The {field} is at least {min}, not {value}."),

	/** A number that is not finite. */
	NOT_FINITE("The {field} is a finite number."),

	/** A list longer than allowed. */
	TOO_MANY("Give at most {max} {field}, not {count}."),

	/** A list shorter than needed. */
	TOO_FEW("The {field} needs at least {min} entries."),

	/** The same value twice in a list. */
	DUPLICATE("'{value}' is listed twice in {field}."),

	/** A value of the CSV export's {@code for} parameter other than its one. */
	CSV_FLAVOUR(
			"Unknown value '{value}' for the parameter '{field}': the only allowed value is '{allowed}' (a file for spreadsheet apps, formulas neutralised); leave '{field}' out for the file as typed, which imports back unchanged."),

	/** A value outside the allowed ones. */
	UNKNOWN_VALUE("Unknown value '{value}' for {field}; use one of: {allowed}."),

	/** A tag that is not in the list of tags. */
	UNKNOWN_TAG("Unknown tag '{value}'; use one of: {allowed}."),

	/** Two values that only make sense together. */
	BOTH_OR_NEITHER("Give both {field} and {other}, or neither."),

	/** Two values that exclude each other. */
	ONLY_ONE("Give only one of {field} and {other}."),

	/**
	 * Invalid for a reason only said in English ({@code detail}, e.g. a validator's
	 * message): the panel says which field and shows the English.
	 */
	INVALID("The {field} is not valid: {detail}"),

	/**
	 * An affiliation given for a proposer who has an account (theirs is on the account).
	 */
	AFFILIATION_OF_ACCOUNT(
			"{field} is for a proposal whose proposer has no account; a user proposer's organisations are the affiliations of their account."),

	/** Neither a list of ids nor "all". */
	IDS_OR_ALL("Give the {field} to act on, or all: true."),

	/**
	 * A version to compare with is required, so that a concurrent change is not
	 * overwritten.
	 */
	VERSION_REQUIRED("Give the version you read ({field}), so that a change made meanwhile is not overwritten unseen."),

	/** Text that must be given in both languages. */
	BOTH_LANGUAGES_REQUIRED("Give the {field} too: awards are announced in both languages (Chinese and English)."),

	/** The slug of the default award track, which every hackathon has. */
	TRACK_SLUG_RESERVED(
			"'{value}' is the default track every hackathon has; edit it (updateAwardTrack) instead of creating it."),

	/** An award track with this slug exists. */
	TRACK_EXISTS("The hackathon already has a track '{value}'."),

	/** The outstanding track's quota, set on the hackathon. */
	OUTSTANDING_QUOTA_ON_HACKATHON(
			"The outstanding track awards the hackathon's outstanding quota ({quota}; a FINAL round's cut size when it sets one): change that on the hackathon."),

	/** The outstanding track's eligibility, always ALL. */
	OUTSTANDING_ELIGIBILITY(
			"Every proposal of the FINAL round can be an outstanding team: the outstanding track's eligibility stays ALL."),

	/** The outstanding track, which cannot be deleted. */
	OUTSTANDING_NOT_DELETABLE(
			"The outstanding track is the FINAL round's own selection: every hackathon has it, so it cannot be deleted (rename it instead)."),

	/** Own judges asked for the outstanding track. */
	OUTSTANDING_JUDGES_SHARED(
			"The outstanding teams are the FINAL round's selection, by its whole panel: the outstanding track's judges stay SHARED."),

	/** A BY_TAG track without tags. */
	TRACK_NEEDS_TAG("A BY_TAG track names at least one tag (issue area)."),

	/** A BY_CHOICE track without proposals. */
	TRACK_NEEDS_PROPOSAL("A BY_CHOICE track names at least one proposal."),

	/** Tags or chosen proposals for a track of another eligibility. */
	NOT_FOR_ELIGIBILITY("The {field} are for a {needed} track; this one is {eligibility}."),

	/** A sponsor kind without a sponsor. */
	SPONSOR_REQUIRED("Name the {kind} that gives the award (sponsor), or leave sponsorKind out."),

	/** Not an email address. */
	NOT_AN_EMAIL("'{value}' is not an email address."),

	/** A round of a kind the action is not for. */
	ROUND_KIND("A {kind} round is not judged here; this is for the REVIEW or FINAL round it feeds."),

	/** An invitation revoked by an organizer. */
	INVITATION_REVOKED("This invitation was revoked by an organizer."),

	/** A value that only goes with another one being set. */
	ONLY_WITH("{field} goes with {other}: set {other}, or leave {field} out."),

	/** A selection of winners missing for an award track. */
	TRACK_SELECTION_MISSING("Select the winners of the track '{track}' first."),

	/** A FINAL round without the outstanding track. */
	FINAL_FEEDS_OUTSTANDING(
			"A FINAL round's selection is the outstanding teams: it always feeds the outstanding track."),

	/** The outstanding track fed by a round other than the FINAL one. */
	OUTSTANDING_FED_BY_FINAL(
			"The outstanding track is fed by the FINAL round; a {kind} round's selection is its shortlist."),

	/** A count of entries outside its bounds (none included). */
	COUNT_RANGE("Give {min} to {max} {field}, not {count}."),

	/** Whether an expo round is ranked by sector, fixed once it is open. */
	EXPO_SECTORS_FIXED(
			"Whether an expo round is ranked by sector (hacktrail-pairwise-2) is fixed once the round is OPEN: its comparisons are kept per sector."),

	/** Ranking by sector asked of a round that is not PAIRWISE. */
	EXPO_SECTORS_PAIRWISE_ONLY(
			"Ranking by sector (expoSectors) is for PAIRWISE rounds; a RUBRIC round always ranks by sector."),

	/** Sector minimums above the judges each proposal gets. */
	MINIMUMS_EXCEED_K("The sector minimums add up to {sum}, more than the {k} judges each proposal gets."),

	/** No weight above 0. */
	NO_POSITIVE_WEIGHT("At least one sector weight (or the vote weight) must be above 0."),

	/** A sector minimum without its sector or out of its bounds. */
	SECTOR_MINIMUM_ENTRY("Each sector minimum names a sector and a number from {min} to {max}."),

	/** A sector weight without its sector or below 0. */
	SECTOR_WEIGHT_ENTRY("Each sector weight names a sector and a number ≥ 0."),

	/** A criterion without its weight or scale. */
	CRITERION_INCOMPLETE("Give each criterion a weight, scaleMin and scaleMax."),

	/** A rubric needed before the round opens. */
	RUBRIC_REQUIRED("Give the round a rubric (at least one criterion) before opening it."),

	/** Judges must be assigned before the round opens. */
	ASSIGN_FIRST("Assign judges (assignJudges) before opening the round."),

	/** A proposal that is not a submitted one of the hackathon. */
	NOT_SUBMITTED_PROPOSAL("'{value}' is not a submitted proposal of {slug}."),

	/** A sheet of a judge dropped from the panel. */
	JUDGE_DROPPED(
			"The sheet's judge was dropped from the panel: a reopened sheet could never be submitted again. A kept sheet stays as it is, or is voided by dropping the judge again with voidSubmittedSheets."),

	/** A judge still in conflict with the proposal. */
	JUDGE_IN_CONFLICT("The judge still has an active conflict with this proposal; clear the conflict first."),

	/** Feedback hidden by organizers, which no longer changes. */
	FEEDBACK_HIDDEN("Organizers hid this feedback from the team (\"{reason}\"); it no longer changes."),

	/** Feedback already hidden. */
	FEEDBACK_ALREADY_HIDDEN("This feedback is already hidden (\"{reason}\")."),

	/** More than one vote for a proposal in a SIMPLE vote, or votes below 0. */
	VOTES_RANGE("Votes are a whole number from 0 to {max}."),

	/** A round whose ranking cannot be computed from its configuration. */
	NOT_RANKABLE("The round cannot be ranked: {detail}"),

	/** A full assignment outside DRAFT. */
	ASSIGN_ONLY_IN_DRAFT("The round is {status}; a full assignment runs only while it is DRAFT."),

	/** quotaOverride given for a selection of exactly the cut. */
	QUOTA_OVERRIDE_NOT_NEEDED(
			"quotaOverride is for a selection of more or fewer than {cut} proposals; this one has exactly {cut}: leave it out."),

	/** The outstanding track's winners, selected with selectProposals. */
	OUTSTANDING_BY_ROUND("The outstanding track's winners are the round's own selection: use selectProposals."),

	/** A round without a public vote. */
	NO_PUBLIC_VOTE("This round has no public vote."),

	/** Expo tables or visits asked of a round that is not PAIRWISE. */
	NOT_PAIRWISE(
			"This round is judged by {method}, not PAIRWISE: it has no tables (set method: PAIRWISE with configureRound first)."),

	/** Tables of an open round that add or remove proposals. */
	OPEN_TABLES_FIXED(
			"The round is OPEN: its candidates are fixed, so the tables name the same proposals (move a table, do not add or remove one)."),

	/** Tables showing proposals that are no longer candidates. */
	TABLES_STALE("These tables show proposals that are no longer candidates of the round; set the tables again: {ids}"),

	/** A proposal compared with itself. */
	SAME_PROPOSAL("A proposal is compared with another one, not with itself."),

	/** An answer without an open visit. */
	NO_OPEN_VISIT("You have no table to answer now: ask for your next table (nextExpoVisit) first."),

	/** An answer for a table the judge was not sent to. */
	WRONG_TABLE(
			"You were sent to {table} (proposal {proposalId}), not to '{value}': answer for that table, or skip it."),

	/** A visit outside an open round. */
	VISITS_ONLY_OPEN("The round is {status}; judges visit tables only while it is OPEN."),

	/** A comparison at the first table. */
	FIRST_TABLE(
			"This is your first table: there is nothing to compare with yet. Leave previousProposalId and winner out."),

	/** A comparison with a table other than the previous one. */
	NOT_PREVIOUS_TABLE("Compare with your previous table, proposal {previous} (previousProposalId)."),

	/** A comparison without a winner. */
	WINNER_REQUIRED("Say which one was better: CURRENT or PREVIOUS."),

	/** A winner at a first visit. */
	NO_WINNER_FIRST("A first visit has nothing to compare with; leave winner out."),

	/** A client id used by another answer. */
	CLIENT_ID_USED(
			"This client id is already used by another answer in this round; generate a new one for each answer."),

	/** A client id stored with another answer. */
	CLIENT_ID_OTHER_ANSWER(
			"An answer with this client id is already stored with other content ({stored}); a retry sends the same answer, a new answer a new client id."),

	/** A decision on pending milestones without the count the person saw. */
	EXPECTED_COUNT_REQUIRED(
			"Say how many pending milestones you saw (expectedCount), so that the decision covers exactly those."),

	/** Rejected milestones in a bulk verification. */
	REJECTED_IN_BULK(
			"{count} of these milestones were rejected ({ids}); undo a rejection one at a time, after reading its reason. Nothing was verified."),

	/** An empty selection of milestones. */
	SELECTION_EMPTY(
			"Choose by something: an import run, a type, an agency, a date range or a hackathon (an empty selection would be every pending milestone)."),

	/** Several ways of choosing milestones at once, or none. */
	ONE_WAY_TO_CHOOSE("Give one of the milestones' ids, a projectId or a selection: exactly one."),

	/** An unknown issue area. */
	UNKNOWN_ISSUE_AREA("Unknown issue area '{value}'; use one of: {allowed}."),

	// Milestones (MilestoneRules) and the outcome import's file.

	/** A choice that is required, with the values allowed. */
	CHOICE_REQUIRED("Give the {field}, one of {allowed}."),

	/** A date that is required, in ISO form. */
	DATE_REQUIRED("Give the {field} (YYYY-MM-DD)."),

	/** A date before the earliest one accepted. */
	DATE_TOO_EARLY("The {field} {value} is before {year}; give the date on which it happened."),

	/** A date of something that happened, in the future. */
	DATE_IN_FUTURE("The {field} {value} is in the future; give the date on which it happened."),

	/** A FUNDED milestone without who funds the project. */
	FUNDING_SOURCE_REQUIRED("A FUNDED milestone names who funds the project (the funding source)."),

	/** A milestone of a type that names an agency, without one. */
	AGENCY_REQUIRED("A {type} milestone names the agency."),

	/** A milestone of a type that needs evidence, without an evidence URL. */
	EVIDENCE_REQUIRED(
			"A {type} milestone needs an evidence URL (a public document, news item or announcement) that an organizer can check."),

	/** An amount without its currency. */
	CURRENCY_REQUIRED("Give the currency of the amount (ISO 4217, e.g. TWD)."),

	/** A currency without an amount. */
	AMOUNT_REQUIRED("A currency needs an amount."),

	/** An amount on a milestone of a type that carries none. */
	AMOUNT_NOT_ALLOWED("Only FUNDING_APPLIED and FUNDED milestones carry an amount."),

	/** An amount not written as plain digits. */
	AMOUNT_FORMAT(
			"Write the amount as digits with an optional decimal point (at most 4 decimals), e.g. 1500000 or 1500000.50, without thousands separators: '{value}'."),

	/** An amount too large to be real. */
	AMOUNT_TOO_LARGE("The amount {value} is implausibly large."),

	/** Not an ISO 4217 currency code. */
	CURRENCY_INVALID("'{value}' is not an ISO 4217 currency code (e.g. TWD, USD, EUR)."),

	/** A file sent in a charset other than UTF-8. */
	FILE_NOT_UTF8("Send the {field} as UTF-8, not {charset}."),

	/** A file sent with a content type the import does not read. */
	FILE_CONTENT_TYPE("Send the {field} with Content-Type {allowed}."),

	/** A file of the import folder that cannot be read. */
	IMPORT_FILE_UNREADABLE("'{value}' is not a readable file in the import folder."),

	/** A file that is not in the import folder. */
	IMPORT_FILE_MISSING("There is no file '{value}' in the import folder."),

	/** A path outside the import folder. */
	IMPORT_FILE_OUTSIDE("'{value}' is outside the import folder; only files in {folder} can be imported."),

	// Refusals of the caller (FORBIDDEN), with DomainException.refused.

	/** A judge with a conflict of interest asked to score. */
	CONFLICTED_NO_SCORE("You have a conflict of interest with this proposal; you do not score it."),

	/** A judge with a conflict of interest asked to write feedback. */
	CONFLICTED_NO_FEEDBACK("You have a conflict of interest with this proposal; you do not write it feedback."),

	/** A proposal not assigned to the judge. */
	NOT_ASSIGNED("This proposal is not assigned to you in this round."),

	/** Someone who is not an active judge of the hackathon. */
	NOT_ACTIVE_JUDGE("You are not an active judge of this hackathon."),

	/** A change of a proposal by someone other than its proposer or an organizer. */
	PROPOSER_OR_ORGANIZER("Only the proposer or an organizer can change this proposal."),

	/** A value given where it does not apply. */
	NOT_APPLICABLE("{field} does not apply here: {why}"),

	// Links.

	/** A link with spaces or control characters. */
	URL_SPACES("A link cannot contain spaces: '{value}'."),

	/** A link that is not http or https. */
	URL_SCHEME("Only http and https links are accepted: '{value}'."),

	/** A link without a host. */
	URL_NO_HOST("The link '{value}' has no host name."),

	/** Not a web address at all. */
	INVALID_URL("'{value}' is not a valid web address."),

	/** A second link of a type a proposal has at most one of. */
	ONE_LINK_PER_TYPE("A proposal has at most one {type} link; put further ones under OTHER."),

	// Dates and times.

	/** A time that must lie ahead. */
	NOT_IN_FUTURE("The {field} must be in the future."),

	/** Two dates or times in the wrong order. */
	DATE_ORDER("The {field} ({value}) comes before {other} ({otherValue}); they go in that order."),

	/** An end that is not after its start. */
	END_BEFORE_START("The {field} must come after {other}."),

	/** A range whose start is after its end. */
	RANGE_ORDER("The range starts ({from}) after it ends ({to})."),

	/** A name that is not an IANA time zone. */
	UNKNOWN_TIME_ZONE("'{value}' is not an IANA time zone; use a region name such as Asia/Taipei."),

	// References.

	/** An id that names nothing of the kind, where it was looked for. */
	UNKNOWN_ID("'{value}' is not one of the ids {field} accepts here."),

	/** A proposal that is not in the round. */
	NOT_IN_ROUND("'{value}' is not a proposal of this round."),

	/** A proposal that is not a candidate of the round. */
	NOT_A_CANDIDATE("'{value}' is not a candidate of this round."),

	/** A cursor not handed out by the list. */
	BAD_CURSOR("The cursor was not given out by this list; start again without one."),

	/** Backward pagination, which no list supports. */
	FORWARD_ONLY("Only forward pagination (first, after) is supported."),

	// State: the thing no longer (or not yet) changes.

	/** A hackathon that is archived. */
	HACKATHON_ARCHIVED("The hackathon {slug} is ARCHIVED; it no longer changes."),

	/** An id that names nothing of its kind in the place it was looked for. */
	NO_SUCH_ID("There is no {field} with the id '{value}' here."),

	/** A round whose status does not allow the change. */
	ROUND_STATUS("The round is {status}; this does not change now."),

	/** A setting fixed once the round is open. */
	FIXED_ONCE_OPEN("{field} is fixed once the round is OPEN (sheets and the plan depend on it)."),

	/** A reason must be given for this change (it is kept in a history). */
	REASON_REQUIRED("Say why: the reason is kept in the history."),

	/** Someone is already a member. */
	ALREADY_MEMBER("This person is already a member of the team."),

	/** The caller is already a member. */
	ALREADY_MEMBER_SELF("You are already a member of this team."),

	/** The caller is not a member. */
	NOT_MEMBER_SELF("You are not a member of this team."),

	/** An action on oneself that has its own mutation. */
	USE_OTHER_ACTION("To do this for yourself, use {action}."),

	/** The lead role handed to someone who is not another member. */
	HAND_OVER_TO_MEMBER("Hand the lead role to another member of the team."),

	/** A position with no free seat. */
	POSITION_NO_SEAT("The position '{skill}' has no free seat."),

	/** A lead role offered through a link. */
	LINK_CANNOT_MAKE_LEAD(
			"A link cannot make someone a lead: whoever holds it would manage the team. Make the new member a lead once they have joined."),

	/** Someone is not a member. */
	NOT_MEMBER("This person is not a member of the team."),

	/** Too many active things of a kind (tokens, positions, tracks). */
	LIMIT_REACHED("You already have {max} {field}; remove one you no longer use first."),

	/** A job run that cannot be restarted. */
	JOB_NOT_RESTARTABLE("Job run {id} is {status} and cannot be restarted; start a new run instead.");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

	private final String template;

	Refusal(String template) {
		this.template = template;
	}

	/** The English template, with {@code {name}} placeholders. */
	public String template() {
		return this.template;
	}

	/** The names of the template's placeholders other than {@code field}, in order. */
	public List<String> argNames() {
		List<String> names = new ArrayList<>();
		Matcher matcher = PLACEHOLDER.matcher(this.template);
		while (matcher.find()) {
			String name = matcher.group(1);
			if (!"field".equals(name) && !names.contains(name)) {
				names.add(name);
			}
		}
		return Collections.unmodifiableList(names);
	}

	/**
	 * The English message: the template with {@code field} and {@code args} put in (whole
	 * numbers with thousands separators, as in "1,000").
	 */
	public String message(String field, Map<String, Object> args) {
		Matcher matcher = PLACEHOLDER.matcher(this.template);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String name = matcher.group(1);
			Object value = "field".equals(name) ? field : args.get(name);
			String said = (value == null) ? matcher.group() : String.valueOf(value);
			matcher.appendReplacement(out, Matcher.quoteReplacement(said));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	/**
	 * Numbers stay numbers; an enum is its name, a collection its items joined by ", ".
	 */
	private static Object plain(@Nullable Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof Number || value instanceof String) {
			return value;
		}
		if (value instanceof Enum<?> e) {
			return e.name();
		}
		if (value instanceof java.util.Collection<?> items) {
			return String.join(", ", items.stream().map(String::valueOf).toList());
		}
		return String.valueOf(value);
	}

	/**
	 * The arguments from pairs of name and value ({@code "max", 200}), checked against
	 * the template: each placeholder gets a value and no name is unknown.
	 */
	Map<String, Object> args(Object... pairs) {
		assert pairs.length % 2 == 0 : name() + ": arguments come in pairs of name and value";
		Map<String, Object> args = new LinkedHashMap<>();
		for (int i = 0; i + 1 < pairs.length; i += 2) {
			String name = (String) pairs[i];
			Object value = pairs[i + 1];
			args.put(name, plain(value));
		}
		// Checked where assertions run (the tests): in production a missing value shows
		// as
		// its placeholder rather than failing the request.
		assert args.keySet().equals(new java.util.HashSet<>(argNames()))
				: name() + " takes " + argNames() + ", was given " + args.keySet();
		return Collections.unmodifiableMap(args);
	}

}
