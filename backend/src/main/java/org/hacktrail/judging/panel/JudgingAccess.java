package org.hacktrail.judging.panel;

import java.util.Optional;

import org.hacktrail.identity.CurrentUser;
import org.hacktrail.identity.Role;
import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.ErrorCode;
import org.hacktrail.platform.Refusal;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Who may do what in judging. Anonymous callers get UNAUTHENTICATED; signed-in callers
 * without the right get FORBIDDEN. Judging rights at a hackathon come from the caller's
 * ACTIVE judge record there, read by id.
 */
@Component
public class JudgingAccess {

	private final CurrentUser currentUser;

	private final MongoTemplate mongo;

	JudgingAccess(CurrentUser currentUser, MongoTemplate mongo) {
		this.currentUser = currentUser;
		this.mongo = mongo;
	}

	public boolean isOrganizer() {
		return this.currentUser.hasRole(Role.ORGANIZER);
	}

	/** The organizer's user id; UNAUTHENTICATED or FORBIDDEN otherwise. */
	public String requireOrganizer() {
		String me = this.currentUser.requireId();
		if (!isOrganizer()) {
			throw DomainException.forbidden("Only organizers can do this.");
		}
		return me;
	}

	public String requireSignedIn() {
		return this.currentUser.requireId();
	}

	public Optional<String> userId() {
		return this.currentUser.id();
	}

	/** The caller's judge record at the hackathon, whatever its status. */
	public Optional<Judge> myJudge(String hackathonId) {
		return this.currentUser.id().map((me) -> this.mongo.findById(Judge.idOf(hackathonId, me), Judge.class));
	}

	/**
	 * The caller's ACTIVE judge record at the hackathon; UNAUTHENTICATED or FORBIDDEN
	 * otherwise.
	 */
	public Judge requireActiveJudge(String hackathonId) {
		String me = this.currentUser.requireId();
		Judge judge = this.mongo.findById(Judge.idOf(hackathonId, me), Judge.class);
		if (judge == null || !judge.isActive()) {
			throw DomainException.refused(ErrorCode.FORBIDDEN, Refusal.NOT_ACTIVE_JUDGE);
		}
		return judge;
	}

}
