package org.hacktrail.team;

import java.text.Normalizer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hacktrail.identity.CurrentUser;
import org.hacktrail.identity.User;
import org.hacktrail.identity.UserDirectory;
import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.ErrorCode;
import org.hacktrail.platform.Refusal;
import org.hacktrail.platform.ratelimit.RateLimiter;

import org.springframework.stereotype.Service;

/**
 * Finding a person to invite by name instead of by user id: for the team's leads and
 * organizers, people who have signed in whose display name contains the text typed, or
 * whose email address is the text typed in full.
 *
 * <p>
 * Privacy: a candidate carries an id, a display name and affiliations (what any member's
 * user record shows), never an email address; an address is matched only whole, so a lead
 * learns nothing about anyone's address they did not already know. The text must be 2 to
 * 100 characters, at most {@link #MAX_RESULTS} people come back, and every search is
 * charged to the caller's bucket of expensive operations ({@link RateLimiter}).
 */
@Service
class TeamInviteSearch {

	static final int MIN_LENGTH = 2;

	static final int MAX_LENGTH = 100;

	static final int MAX_RESULTS = 10;

	private final TeamQueries queries;

	private final TeamPolicy policy;

	private final CurrentUser currentUser;

	private final UserDirectory users;

	private final RateLimiter limiter;

	TeamInviteSearch(TeamQueries queries, TeamPolicy policy, CurrentUser currentUser, UserDirectory users,
			RateLimiter limiter) {
		this.queries = queries;
		this.policy = policy;
		this.currentUser = currentUser;
		this.users = users;
		this.limiter = limiter;
	}

	/**
	 * A person found: whether the email address matched (it is never returned), and where
	 * they stand with this team.
	 */
	record Candidate(String userId, String displayName, List<String> affiliations, boolean matchedByEmail,
			boolean member, boolean invited) {
	}

	List<Candidate> search(String proposalId, String text) {
		String me = this.currentUser.requireId();
		Team team = this.queries.team(proposalId)
			.orElseThrow(() -> DomainException.notFound("There is no proposal with the id '" + proposalId + "'."));
		// The caller's rights before anything about the text: nobody else learns who
		// exists.
		this.policy.requireManager(team, "search people to invite");
		String typed = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
		if (typed.codePointCount(0, typed.length()) < MIN_LENGTH) {
			throw DomainException.badInput("search", Refusal.SEARCH_TOO_SHORT, "min", MIN_LENGTH);
		}
		if (typed.codePointCount(0, typed.length()) > MAX_LENGTH) {
			throw DomainException.badInput("search", Refusal.SEARCH_TOO_LONG, "max", MAX_LENGTH);
		}
		Optional<Duration> wait = this.limiter.tryConsume(RateLimiter.Kind.EXPENSIVE_PER_USER, me);
		if (wait.isPresent()) {
			long seconds = RateLimiter.retryAfterSeconds(wait.get());
			throw new DomainException(ErrorCode.UNAVAILABLE,
					"Too many searches and changes in a short time; try again in " + seconds + " s.",
					Map.of("retryAfterSeconds", seconds));
		}
		return this.users.search(typed, MAX_RESULTS).stream().map((user) -> candidate(team, user, typed)).toList();
	}

	private static Candidate candidate(Team team, User user, String typed) {
		boolean byEmail = user.email() != null && user.email().equalsIgnoreCase(typed);
		return new Candidate(user.id(), user.displayName(), user.affiliations(), byEmail, team.isMember(user.id()),
				team.pendingInvitationOf(user.id()).isPresent());
	}

}
