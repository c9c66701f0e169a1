package org.hacktrail.judging.panel;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.hacktrail.hackathon.Hackathon;
import org.hacktrail.hackathon.HackathonService;
import org.hacktrail.judging.ProposalAffiliations;
import org.hacktrail.judging.panel.ConflictDecision.Action;
import org.hacktrail.judging.panel.ConflictDecision.Actor;
import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.FreeText;
import org.hacktrail.platform.Refusal;
import org.hacktrail.proposal.Proposal;
import org.hacktrail.proposal.ProposalLookup;
import org.hacktrail.proposal.ProposalStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Conflicts of interest. A judge declares one (reason PROFESSIONAL, PERSONAL, FINANCIAL
 * or OTHER, and a comment); Hacktrail finds one when a judge's affiliation matches one
 * connected to the proposal ({@link ProposalAffiliations}, normalised names); an
 * organizer adds or clears one with a reason. Every decision is appended to the
 * conflict's history in the same write as the change (the conflict lives in the judge
 * record).
 *
 * <p>
 * An active conflict means: the judge is never assigned the proposal, and a sheet they
 * already scored on it is void. Those consequences are carried out by the rounds and
 * sheets listening to {@link ConflictActivated}; the ranking also leaves out every sheet
 * whose judge has an active conflict, so the result is right even if a listener's step
 * was interrupted.
 *
 * <p>
 * A conflict an organizer cleared is not found again automatically (the organizer looked
 * at that match); the judge can still declare it, and an organizer can add it back.
 */
@Service
public class ConflictService {

	static final int MAX_COMMENT = 1000;

	/** Proposals that take part in judging: everything but drafts and withdrawn ones. */
	static final Set<ProposalStatus> JUDGEABLE = EnumSet
		.complementOf(EnumSet.of(ProposalStatus.DRAFT, ProposalStatus.WITHDRAWN));

	private final MongoTemplate mongo;

	private final HackathonService hackathons;

	private final ProposalLookup proposals;

	private final List<ProposalAffiliations> affiliationSources;

	private final JudgingAccess access;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ConflictService(MongoTemplate mongo, HackathonService hackathons, ProposalLookup proposals,
			List<ProposalAffiliations> affiliationSources, JudgingAccess access, ApplicationEventPublisher events,
			Clock clock) {
		this.mongo = mongo;
		this.hackathons = hackathons;
		this.proposals = proposals;
		this.affiliationSources = List.copyOf(affiliationSources);
		this.access = access;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * One decision with the judge and proposal it concerns, for the hackathon's conflict
	 * log.
	 */
	public record LogEntry(Judge judge, String proposalId, ConflictDecision decision) {

		/** The conflict the decision is about, as it stands. */
		public @Nullable ConflictOfInterest conflict() {
			return this.judge.conflict(this.proposalId).orElse(null);
		}

	}

	/** The signed-in judge declares a conflict with a proposal of the hackathon. */
	public Judge declare(String hackathonId, String proposalId, @Nullable ConflictReason reason,
			@Nullable String comment) {
		Judge judge = this.access.requireActiveJudge(hackathonId);
		Proposal proposal = requireProposal(hackathonId, proposalId);
		ConflictReason why = requireReason(reason);
		String text = comment(comment, why == ConflictReason.OTHER, "comment");
		Instant now = this.clock.instant();
		ConflictDecision decision = new ConflictDecision(now, judge.userId(), Actor.JUDGE, Action.DECLARED, why, text);
		Judge saved = change(judge.id(), (current) -> {
			ConflictOfInterest existing = current.conflict(proposal.id()).orElse(null);
			if (existing != null && existing.isActive() && existing.source() == ConflictSource.DECLARED
					&& why == existing.reason()) {
				return null;
			}
			ConflictOfInterest conflict = (existing != null) ? existing.with(ConflictStatus.ACTIVE, why, text, decision)
					: new ConflictOfInterest(proposal.id(), ConflictStatus.ACTIVE, ConflictSource.DECLARED, why, text,
							List.of(decision));
			return current.withConflict(conflict, now);
		});
		this.events
			.publishEvent(new ConflictActivated(hackathonId, saved.userId(), List.of(proposal.id()), judge.userId()));
		return saved;
	}

	/**
	 * The signed-in judge skipped a proposal's table in an expo round saying "conflict of
	 * interest": that is a declaration (actor JUDGE, action DECLARED, source EXPO_SKIP,
	 * no reason given, {@code comment} says where), with the same consequences as
	 * {@link #declare} through {@link ConflictActivated}. An active conflict with the
	 * proposal stays as it is (nothing is added). A conflict an organizer cleared is
	 * reinstated only when {@code fresh} (a new skip: the judge says it again); a retry
	 * of a stored skip ({@code fresh} false) only repairs a declaration that a failure
	 * after storing the skip left out, and never undoes an organizer's decision.
	 * @param comment where the table was skipped, in words (English)
	 * @return whether the judge has an active conflict with the proposal now
	 */
	public boolean declareAtExpoSkip(String hackathonId, String proposalId, String comment, boolean fresh) {
		Judge judge = this.access.requireActiveJudge(hackathonId);
		Proposal proposal = this.proposals.find(proposalId).orElse(null);
		if (proposal == null || !proposal.hackathonId().equals(hackathonId)
				|| this.hackathons.find(hackathonId).isArchived()) {
			return false;
		}
		Instant now = this.clock.instant();
		ConflictDecision decision = new ConflictDecision(now, judge.userId(), Actor.JUDGE, Action.DECLARED, null,
				comment);
		Judge saved = change(judge.id(), (current) -> {
			ConflictOfInterest existing = current.conflict(proposal.id()).orElse(null);
			if (existing == null) {
				return current.withConflict(new ConflictOfInterest(proposal.id(), ConflictStatus.ACTIVE,
						ConflictSource.EXPO_SKIP, null, comment, List.of(decision)), now);
			}
			if (existing.isActive() || !fresh) {
				return null;
			}
			return current.withConflict(existing.with(ConflictStatus.ACTIVE, null, comment, decision), now);
		});
		boolean active = saved.isConflictedWith(proposal.id());
		if (active) {
			// Also when it was active already: listeners are idempotent, and a step
			// interrupted earlier is repaired (as for a declaration again).
			this.events.publishEvent(
					new ConflictActivated(hackathonId, saved.userId(), List.of(proposal.id()), judge.userId()));
		}
		return active;
	}

	/**
	 * An organizer adds a conflict (or reinstates a cleared one), with a reason and a
	 * comment.
	 */
	public Judge add(String judgeId, String proposalId, @Nullable ConflictReason reason, @Nullable String comment) {
		String me = this.access.requireOrganizer();
		Judge judge = requireJudge(judgeId);
		Proposal proposal = requireProposal(judge.hackathonId(), proposalId);
		ConflictReason why = requireReason(reason);
		String text = comment(comment, true, "comment");
		Instant now = this.clock.instant();
		ConflictDecision decision = new ConflictDecision(now, me, Actor.ORGANIZER, Action.ADDED, why, text);
		Judge saved = change(judge.id(), (current) -> {
			ConflictOfInterest existing = current.conflict(proposal.id()).orElse(null);
			ConflictOfInterest conflict = (existing != null) ? existing.with(ConflictStatus.ACTIVE, why, text, decision)
					: new ConflictOfInterest(proposal.id(), ConflictStatus.ACTIVE, ConflictSource.ORGANIZER, why, text,
							List.of(decision));
			return current.withConflict(conflict, now);
		});
		this.events
			.publishEvent(new ConflictActivated(saved.hackathonId(), saved.userId(), List.of(proposal.id()), me));
		return saved;
	}

	/**
	 * An organizer clears a conflict, saying why. The judge may then be assigned the
	 * proposal again; a sheet voided by the conflict stays void until an organizer
	 * reopens it.
	 */
	public Judge clear(String judgeId, String proposalId, @Nullable String comment) {
		String me = this.access.requireOrganizer();
		Judge judge = requireJudge(judgeId);
		String text = comment(comment, true, "comment");
		if (judge.conflict(proposalId).isEmpty()) {
			throw DomainException
				.notFound("The judge has no conflict of interest with the proposal '" + proposalId + "'.");
		}
		Instant now = this.clock.instant();
		ConflictDecision decision = new ConflictDecision(now, me, Actor.ORGANIZER, Action.CLEARED, null, text);
		return change(judge.id(), (current) -> {
			ConflictOfInterest existing = current.conflict(proposalId).orElseThrow();
			if (!existing.isActive()) {
				return null;
			}
			return current.withConflict(
					existing.with(ConflictStatus.CLEARED, existing.reason(), existing.comment(), decision), now);
		});
	}

	/**
	 * Looks for affiliation matches between every active judge and every proposal of the
	 * hackathon. Organizers.
	 */
	public int detect(String hackathonId) {
		this.access.requireOrganizer();
		return detectAll(hackathonId);
	}

	/**
	 * The same, on behalf of another step (assignment runs it first, so that the plan
	 * sees current conflicts). Returns how many conflicts were found.
	 */
	public int detectAll(String hackathonId) {
		List<Judge> judges = this.mongo.find(new Query(Criteria.where("hackathonId").is(hackathonId)), Judge.class)
			.stream()
			.filter(Judge::isActive)
			.toList();
		if (judges.isEmpty()) {
			return 0;
		}
		List<Proposal> proposals = this.proposals.ofHackathon(hackathonId, JUDGEABLE);
		Map<String, List<ProposalAffiliations.Affiliation>> affiliations = affiliations(proposals);
		int found = 0;
		for (Judge judge : judges) {
			found += detect(judge, proposals, affiliations);
		}
		return found;
	}

	/**
	 * Looks for matches between one judge and the hackathon's proposals (after joining or
	 * changing affiliations).
	 */
	public int detectForJudge(Judge judge) {
		if (!judge.isActive() || judge.affiliations().isEmpty()) {
			return 0;
		}
		List<Proposal> proposals = this.proposals.ofHackathon(judge.hackathonId(), JUDGEABLE);
		return detect(judge, proposals, affiliations(proposals));
	}

	private int detect(Judge judge, List<Proposal> proposals,
			Map<String, List<ProposalAffiliations.Affiliation>> affiliations) {
		Map<String, String> mine = new HashMap<>();
		judge.affiliations().forEach((name) -> mine.putIfAbsent(Affiliations.key(name), name));
		Map<String, ConflictOfInterest> found = new HashMap<>();
		Instant now = this.clock.instant();
		for (Proposal proposal : proposals) {
			if (judge.conflict(proposal.id()).isPresent()) {
				continue;
			}
			for (ProposalAffiliations.Affiliation affiliation : affiliations.getOrDefault(proposal.id(), List.of())) {
				String matched = mine.get(Affiliations.key(affiliation.name()));
				if (matched != null) {
					String comment = "The judge's affiliation '" + matched + "' matches " + affiliation.describe();
					found.put(proposal.id(),
							new ConflictOfInterest(proposal.id(), ConflictStatus.ACTIVE, ConflictSource.FOUND,
									ConflictReason.PROFESSIONAL, comment, matched, affiliation.describe(),
									List.of(new ConflictDecision(now, null, Actor.SYSTEM, Action.FOUND,
											ConflictReason.PROFESSIONAL, comment)),
									affiliation.source(), affiliation.who(), affiliation.name()));
					break;
				}
			}
		}
		if (found.isEmpty()) {
			return 0;
		}
		List<String> added = new ArrayList<>();
		change(judge.id(), (current) -> {
			added.clear();
			Judge changed = current;
			for (ConflictOfInterest conflict : found.values()) {
				// Decided in the meantime (declared, added, cleared): that decision
				// stands.
				if (changed.conflict(conflict.proposalId()).isEmpty()) {
					changed = changed.withConflict(conflict, now);
					added.add(conflict.proposalId());
				}
			}
			return added.isEmpty() ? null : changed;
		});
		if (!added.isEmpty()) {
			added.sort(Comparator.naturalOrder());
			this.events
				.publishEvent(new ConflictActivated(judge.hackathonId(), judge.userId(), List.copyOf(added), null));
		}
		return added.size();
	}

	private Map<String, List<ProposalAffiliations.Affiliation>> affiliations(List<Proposal> proposals) {
		Map<String, List<ProposalAffiliations.Affiliation>> merged = new HashMap<>();
		if (proposals.isEmpty()) {
			return merged;
		}
		for (ProposalAffiliations source : this.affiliationSources) {
			source.affiliations(proposals)
				.forEach((id, list) -> merged.computeIfAbsent(id, (k) -> new ArrayList<>()).addAll(list));
		}
		return merged;
	}

	/** Every conflict decision at the hackathon, newest first. Organizers only. */
	public List<LogEntry> log(Hackathon hackathon) {
		this.access.requireOrganizer();
		List<LogEntry> entries = new ArrayList<>();
		for (Judge judge : this.mongo.find(new Query(Criteria.where("hackathonId").is(hackathon.id())), Judge.class)) {
			for (ConflictOfInterest conflict : judge.conflicts()) {
				conflict.history()
					.forEach((decision) -> entries.add(new LogEntry(judge, conflict.proposalId(), decision)));
			}
		}
		entries.sort(Comparator.comparing((LogEntry e) -> e.decision().at()).reversed());
		return entries;
	}

	/**
	 * Applies a change to a judge record, re-reading and retrying on a concurrent write;
	 * a change function returning null means "nothing to do" and the current record is
	 * returned.
	 */
	private Judge change(String judgeId, UnaryOperator<@Nullable Judge> change) {
		return JudgePanelService.RETRIES.get(() -> {
			Judge current = requireJudge(judgeId);
			Judge changed = change.apply(current);
			return (changed != null) ? this.mongo.save(changed) : current;
		});
	}

	private Judge requireJudge(String judgeId) {
		Judge judge = this.mongo.findById(judgeId, Judge.class);
		if (judge == null) {
			throw DomainException.notFound("There is no judge with the id '" + judgeId + "'.");
		}
		return judge;
	}

	private Proposal requireProposal(String hackathonId, String proposalId) {
		Proposal proposal = this.proposals.find(proposalId).orElse(null);
		if (proposal == null || !proposal.hackathonId().equals(hackathonId)
				|| proposal.status() == ProposalStatus.DRAFT) {
			throw DomainException.notFound("The hackathon has no proposal with the id '" + proposalId + "'.");
		}
		JudgePanelService.requireNotArchived(this.hackathons.find(hackathonId));
		return proposal;
	}

	private static ConflictReason requireReason(@Nullable ConflictReason reason) {
		if (reason == null) {
			throw DomainException.badInput("reason", Refusal.REQUIRED);
		}
		return reason;
	}

	private static @Nullable String comment(@Nullable String comment, boolean required, String field) {
		String text = (comment != null) ? comment.strip() : "";
		if (text.isEmpty()) {
			if (required) {
				throw DomainException.badInput(field, Refusal.REQUIRED);
			}
			return null;
		}
		if (text.length() > MAX_COMMENT) {
			throw DomainException.badInput(field, Refusal.TOO_LONG, "max", MAX_COMMENT);
		}
		return FreeText.check(text, field, FreeText.Kind.TEXT);
	}

}
