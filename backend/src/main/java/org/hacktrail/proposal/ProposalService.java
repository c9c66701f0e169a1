package org.hacktrail.proposal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.hacktrail.hackathon.Hackathon;
import org.hacktrail.hackathon.HackathonPhase;
import org.hacktrail.hackathon.HackathonService;
import org.hacktrail.hackathon.LocalizedText;
import org.hacktrail.identity.CurrentUser;
import org.hacktrail.identity.Role;
import org.hacktrail.identity.User;
import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.ErrorCode;
import org.hacktrail.platform.FreeText;
import org.hacktrail.platform.GraphQlLimits;
import org.hacktrail.platform.Keysets;
import org.hacktrail.platform.MessageArg;
import org.hacktrail.platform.Refusal;
import org.hacktrail.platform.Retries;
import org.hacktrail.proposal.ProposalLifecycle.Actor;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Service;

/**
 * Proposals: who sees them, who changes them, and how they move through their lifecycle.
 *
 * <p>
 * Visibility: a proposal is visible when its hackathon is (DRAFT hackathons: organizers
 * only) and, while the proposal is a DRAFT, only to its proposer and organizers. Hidden
 * proposals are NOT_FOUND, never FORBIDDEN, so that their existence does not leak.
 *
 * <p>
 * Editing: organizers always (except in an ARCHIVED hackathon); the proposer while the
 * proposal is DRAFT to HACKING (from IN_REVIEW on, judges are reading it). Everyone else:
 * FORBIDDEN; anonymous callers: UNAUTHENTICATED.
 *
 * <p>
 * Status moves follow {@link ProposalLifecycle}; each is appended to the proposal's
 * history in the same write, and a write based on a stale version fails with CONFLICT.
 * Other features (teams, judging) move proposals with {@link #applySystemTransition}.
 * Rules about the proposal's team (the partner agency a PRESIDENTIAL hackathon can
 * require before FINALIST) are asked of {@link ProposalTeamFacts}, implemented by the
 * teams feature.
 */
@Service
public class ProposalService {

	/** Statuses in which a proposer may still edit their proposal. */
	static final Set<ProposalStatus> PROPOSER_EDITABLE = EnumSet.of(ProposalStatus.DRAFT, ProposalStatus.SUBMITTED,
			ProposalStatus.PITCHED, ProposalStatus.TEAM_FORMING, ProposalStatus.HACKING);

	/** Phases in which a proposer (not an organizer) may create and submit proposals. */
	static final Set<HackathonPhase> OPEN_PHASES = EnumSet.of(HackathonPhase.OPEN_FOR_PROPOSALS,
			HackathonPhase.PITCHING);

	/** A system move is made again on the fresh proposal when another write won. */
	private static final Retries SYSTEM_RETRIES = Retries.upTo(5);

	private final ProposalRepository proposals;

	private final MongoTemplate mongo;

	private final HackathonService hackathons;

	private final CurrentUser currentUser;

	private final ProposalTags tags;

	private final GraphQlLimits limits;

	private final Clock clock;

	private final ObjectProvider<ProposalTeamFacts> teamFacts;

	ProposalService(ProposalRepository proposals, MongoTemplate mongo, HackathonService hackathons,
			CurrentUser currentUser, ProposalTags tags, GraphQlLimits limits, Clock clock,
			ObjectProvider<ProposalTeamFacts> teamFacts) {
		this.proposals = proposals;
		this.mongo = mongo;
		this.hackathons = hackathons;
		this.currentUser = currentUser;
		this.tags = tags;
		this.limits = limits;
		this.clock = clock;
		this.teamFacts = teamFacts;
	}

	public record CreateProposalInput(String hackathonSlug, LocalizedText title, @Nullable LocalizedText summary,
			@Nullable String channel, @Nullable List<String> tags, @Nullable List<String> needs,
			@Nullable List<ProposalLink> links, @Nullable String proposerName, @Nullable String proposerAffiliation,
			@Nullable List<String> contacts) {
	}

	public record UpdateProposalInput(String id, @Nullable Integer expectedVersion, @Nullable LocalizedText title,
			@Nullable LocalizedText summary, @Nullable String channel, @Nullable List<String> tags,
			@Nullable List<String> needs, @Nullable List<ProposalLink> links, @Nullable String proposerAffiliation,
			@Nullable List<String> contacts) {
	}

	public record ProposalFilter(@Nullable List<ProposalStatus> status, @Nullable String tag, @Nullable String need,
			@Nullable String text) {
	}

	public enum ProposalOrder {

		NEWEST, OLDEST, TITLE

	}

	// ---- reading

	/** The proposal if the caller may see it. */
	public Optional<Proposal> findVisible(String id) {
		Optional<Proposal> proposal = this.proposals.findById(id);
		if (proposal.isEmpty()) {
			return Optional.empty();
		}
		Hackathon hackathon = this.hackathons.find(proposal.get().hackathonId());
		return proposal.filter((p) -> isVisible(p, hackathon));
	}

	public Proposal requireVisible(String id) {
		return findVisible(id).orElseThrow(() -> notFound(id));
	}

	boolean isVisible(Proposal proposal, Hackathon hackathon) {
		if (this.currentUser.hasRole(Role.ORGANIZER)) {
			return true;
		}
		if (!hackathon.isPublic()) {
			return false;
		}
		return proposal.status() != ProposalStatus.DRAFT || isProposer(proposal);
	}

	boolean isProposer(Proposal proposal) {
		return proposal.proposerId() != null && this.currentUser.id().map(proposal.proposerId()::equals).orElse(false);
	}

	/** The history is for organizers and the proposer only. */
	public boolean canSeeHistory(Proposal proposal) {
		return this.currentUser.hasRole(Role.ORGANIZER) || isProposer(proposal);
	}

	/**
	 * One page of a hackathon's proposals that the caller may see, filtered and sorted.
	 * Costs one round trip.
	 */
	public Window<Proposal> list(Hackathon hackathon, @Nullable ProposalFilter filter, @Nullable ProposalOrder order,
			ScrollSubrange subrange) {
		int pageSize = this.limits.pageSize(Keysets.requested(subrange));
		ProposalOrder sort = (order != null) ? order : ProposalOrder.NEWEST;
		boolean organizer = this.currentUser.hasRole(Role.ORGANIZER);
		Optional<String> me = this.currentUser.id();
		List<ProposalStatus> statuses = (filter != null && filter.status() != null) ? filter.status() : List.of();
		boolean anonymous = !organizer && me.isEmpty();
		// The store is asked with one implicit AND and at most one $or (the keyset
		// condition): no $and wrapper and
		// no $in beside other conditions (docs/operations.md: the embedded store serves
		// neither
		// well). What does not fit —
		// the visibility of drafts to a signed-in proposer, a filter on several statuses
		// — is filtered here, in
		// Java, fetching further (keyset from the last document fetched) until the page
		// is full.
		Criteria criteria = Criteria.where("hackathonId").is(hackathon.id());
		java.util.function.Predicate<Proposal> inJava = (p) -> true;
		if (anonymous) {
			criteria.and("status").ne(ProposalStatus.DRAFT);
			if (!statuses.isEmpty()) {
				inJava = inJava.and((p) -> statuses.contains(p.status()));
			}
		}
		else if (statuses.size() == 1) {
			criteria.and("status").is(statuses.get(0));
		}
		else if (!statuses.isEmpty()) {
			inJava = inJava.and((p) -> statuses.contains(p.status()));
		}
		if (!organizer && me.isPresent()) {
			// A signed-in non-organizer sees DRAFT proposals only when they are theirs.
			String proposer = me.get();
			inJava = inJava.and((p) -> p.status() != ProposalStatus.DRAFT || proposer.equals(p.proposerId()));
		}
		if (filter != null && filter.tag() != null && !filter.tag().isBlank()) {
			String tag = this.tags.resolve(filter.tag())
				.orElseThrow(() -> DomainException.badInput("filter.tag", Refusal.UNKNOWN_TAG, "value", filter.tag(),
						"allowed", this.tags.ids()))
				.id();
			criteria.and("tags").is(tag);
		}
		if (filter != null && filter.need() != null && !filter.need().isBlank()) {
			criteria.and("needKeys").is(Keys.skill(filter.need()));
		}
		if (filter != null && filter.text() != null && !filter.text().isBlank()) {
			String text = filter.text().strip();
			if (text.length() > 200) {
				throw DomainException.badInput("filter.text", Refusal.SEARCH_TOO_LONG, "max", 200);
			}
			// The rule of names and titles: a NUL cannot even be in a BSON pattern (the
			// driver refused it: INTERNAL
			// before this check), and a search for invisible characters finds nothing
			// anyone typed.
			FreeText.check(text, "filter.text", FreeText.Kind.LINE);
			// A literal, unanchored match on a stored lower-cased copy: no $text (the
			// embedded store lacks it) and
			// never the caller's input as a pattern.
			criteria.and("searchText").regex(Keys.literal(Keys.search(text)));
		}
		java.util.function.Function<Proposal, Keysets.Key> keyOf = (p) -> new Keysets.Key(
				(sort == ProposalOrder.TITLE) ? p.normalizedTitle() : Long.toString(p.createdAt().toEpochMilli()),
				p.id());
		List<Proposal> page = new ArrayList<>();
		Keysets.Key from = Keysets.after(subrange).orElse(null);
		int batch = pageSize + 1;
		while (page.size() <= pageSize) {
			Query query = new Query(criteria).limit(batch);
			if (from != null) {
				query.addCriteria(switch (sort) {
					case NEWEST -> Keysets.after("createdAt", createdAtOf(from), from.id(), Sort.Direction.DESC);
					case OLDEST -> Keysets.after("createdAt", createdAtOf(from), from.id(), Sort.Direction.ASC);
					case TITLE -> Keysets.after("normalizedTitle", from.sortKey(), from.id(), Sort.Direction.ASC);
				});
			}
			// The search copy of the text is for matching only; leaving it out halves
			// what a page carries.
			query.fields().exclude("searchText");
			query.with(switch (sort) {
				case NEWEST -> Sort.by(Sort.Direction.DESC, "createdAt", "_id");
				case OLDEST -> Sort.by(Sort.Direction.ASC, "createdAt", "_id");
				case TITLE -> Sort.by(Sort.Direction.ASC, "normalizedTitle", "_id");
			});
			List<Proposal> fetched = this.mongo.find(query, Proposal.class);
			for (Proposal proposal : fetched) {
				if (page.size() <= pageSize && inJava.test(proposal)) {
					page.add(proposal);
				}
			}
			if (fetched.size() < batch) {
				break;
			}
			from = keyOf.apply(fetched.get(fetched.size() - 1));
			// Bounded: each further fetch is four times larger, so a page takes few
			// fetches even when most
			// documents are filtered out here.
			batch = Math.min(batch * 4, 10_000);
		}
		return Keysets.window(page, pageSize, keyOf);
	}

	private static Date createdAtOf(Keysets.Key key) {
		try {
			return new Date(Long.parseLong(key.sortKey()));
		}
		catch (NumberFormatException ex) {
			throw Keysets.invalidCursor();
		}
	}

	/** All proposals of a project that the caller may see, oldest first. */
	public List<Proposal> findVisibleByProject(String projectId) {
		List<Proposal> all = this.proposals.findByProjectId(projectId);
		Map<String, Hackathon> hackathonsById = hackathonsOf(all);
		return all.stream()
			.filter((p) -> hackathonsById.containsKey(p.hackathonId())
					&& isVisible(p, hackathonsById.get(p.hackathonId())))
			.sorted(java.util.Comparator.comparing(Proposal::createdAt))
			.toList();
	}

	/**
	 * The proposals with these ids that the caller may see, in no particular order (for
	 * batch loading: one {@code $in} by _id and one for their hackathons, whatever the
	 * number of ids).
	 */
	public List<Proposal> findAllVisible(Collection<String> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		List<Proposal> found = new ArrayList<>();
		this.proposals.findAllById(new java.util.HashSet<>(ids)).forEach(found::add);
		Map<String, Hackathon> hackathonsById = hackathonsOf(found);
		return found.stream()
			.filter((p) -> hackathonsById.containsKey(p.hackathonId())
					&& isVisible(p, hackathonsById.get(p.hackathonId())))
			.toList();
	}

	/**
	 * Every proposal of a hackathon that lists {@code need} among its needs (ignoring
	 * case and width) and that the caller may see. Unpaginated: the teams feature merges
	 * it with open positions and pages the result.
	 */
	public List<Proposal> findVisibleNeeding(Hackathon hackathon, String need) {
		Query query = new Query(Criteria.where("hackathonId").is(hackathon.id()).and("needKeys").is(Keys.skill(need)));
		query.fields().exclude("searchText");
		return this.mongo.find(query, Proposal.class).stream().filter((p) -> isVisible(p, hackathon)).toList();
	}

	/**
	 * The proposal of a hackathon with this Chinese title, whoever asks (the demo data of
	 * other features finds its proposals so); callers apply visibility themselves.
	 */
	public Optional<Proposal> findByTitle(Hackathon hackathon, String zhTitle) {
		Query query = new Query(Criteria.where("hackathonId").is(hackathon.id()));
		return this.mongo.find(query, Proposal.class)
			.stream()
			.filter((p) -> zhTitle.equals(p.title().zhTW()))
			.findFirst();
	}

	Map<String, Hackathon> hackathonsOf(Collection<Proposal> proposals) {
		Map<String, Hackathon> byId = new HashMap<>();
		if (!proposals.isEmpty()) {
			this.hackathons.findAllById(proposals.stream().map(Proposal::hackathonId).toList())
				.forEach((h) -> byId.put(h.id(), h));
		}
		return byId;
	}

	// ---- writing

	/**
	 * Creates a DRAFT proposal for the signed-in user. Organizers may create one on
	 * someone else's behalf ({@code proposerName}, optionally with the proposer's
	 * organisation, {@code proposerAffiliation}); such a proposal has no proposer account
	 * and only organizers edit it.
	 */
	public Proposal create(CreateProposalInput input) {
		String me = this.currentUser.requireId();
		boolean organizer = this.currentUser.hasRole(Role.ORGANIZER);
		Hackathon hackathon = this.hackathons.requireVisibleBySlug(input.hackathonSlug());
		if (hackathon.isArchived()) {
			throw archived(hackathon);
		}
		if (!organizer && !OPEN_PHASES.contains(hackathon.phase())) {
			throw new DomainException(ErrorCode.BAD_USER_INPUT, "The hackathon " + hackathon.slug()
					+ " takes proposals while it is OPEN_FOR_PROPOSALS or PITCHING; it is " + hackathon.phase() + ".",
					Map.of("phase", hackathon.phase().name()));
		}
		String proposerId;
		String proposerName;
		if (input.proposerName() != null && !input.proposerName().isBlank()) {
			if (!organizer) {
				throw DomainException.forbidden("Only organizers enter proposals on someone else's behalf; leave "
						+ "proposerName out to propose yourself.");
			}
			proposerId = null;
			proposerName = ProposalContent.proposer(input.proposerName());
		}
		else {
			User user = this.currentUser.require();
			proposerId = me;
			proposerName = ProposalContent.proposer(user.displayName());
		}
		String affiliation = ProposalContent.affiliation(input.proposerAffiliation(), "proposerAffiliation");
		if (affiliation != null && proposerId != null) {
			throw DomainException.badInput("proposerAffiliation", Refusal.AFFILIATION_OF_ACCOUNT);
		}
		ProposalContent content = ProposalContent.of(input.title(), input.summary(), input.channel(), input.tags(),
				input.needs(), input.links(), input.contacts(), this.tags);
		Instant now = this.clock.instant();
		Actor actor = organizer ? Actor.ORGANIZER : Actor.PROPOSER;
		Proposal proposal = Proposal.create(UUID.randomUUID().toString(), hackathon.id(), content, proposerId,
				proposerName, new StatusChange(null, ProposalStatus.DRAFT, now, me, actor, null), now, null);
		if (affiliation != null) {
			proposal = proposal.withProposerAffiliation(affiliation, now);
		}
		try {
			return this.proposals.save(proposal);
		}
		catch (DuplicateKeyException ex) {
			throw duplicate(proposal, hackathon);
		}
	}

	/**
	 * Changes a proposal's content; null fields stay as they are
	 * ({@code proposerAffiliation} "" clears it).
	 */
	public Proposal update(UpdateProposalInput input) {
		Proposal current = requireVisible(input.id());
		Hackathon hackathon = this.hackathons.find(current.hackathonId());
		requireEditor(current, hackathon);
		checkVersion(current, input.expectedVersion());
		ProposalContent was = current.content();
		ProposalContent content = ProposalContent.of((input.title() != null) ? input.title() : was.title(),
				(input.summary() != null) ? input.summary() : was.summary(),
				(input.channel() != null) ? input.channel() : was.channel(),
				(input.tags() != null) ? input.tags() : was.tags(),
				(input.needs() != null) ? input.needs() : was.needs(),
				(input.links() != null) ? input.links() : was.links(),
				(input.contacts() != null) ? input.contacts() : was.contacts(), this.tags);
		Proposal changed = current.withContent(content, this.clock.instant());
		if (input.proposerAffiliation() != null) {
			if (current.proposerId() != null) {
				throw DomainException.badInput("proposerAffiliation", Refusal.AFFILIATION_OF_ACCOUNT);
			}
			changed = changed.withProposerAffiliation(
					ProposalContent.affiliation(input.proposerAffiliation(), "proposerAffiliation"),
					changed.updatedAt());
		}
		try {
			return this.proposals.save(changed);
		}
		catch (DuplicateKeyException ex) {
			throw duplicate(changed, hackathon);
		}
	}

	/**
	 * Moves a proposal on behalf of the signed-in caller: the proposer may submit and
	 * withdraw; organizers may make every move except the ones only publishing results
	 * makes (see {@link ProposalLifecycle}).
	 */
	public Proposal transition(String id, ProposalStatus to, @Nullable String reason,
			@Nullable Integer expectedVersion) {
		String me = this.currentUser.requireId();
		Proposal current = requireVisible(id);
		Hackathon hackathon = this.hackathons.find(current.hackathonId());
		Actor actor;
		if (this.currentUser.hasRole(Role.ORGANIZER)) {
			actor = Actor.ORGANIZER;
		}
		else if (isProposer(current)) {
			actor = Actor.PROPOSER;
		}
		else {
			throw DomainException.refused(ErrorCode.FORBIDDEN, Refusal.PROPOSER_OR_ORGANIZER);
		}
		checkVersion(current, expectedVersion);
		return this.proposals.save(moved(current, hackathon, to, actor, me, reason));
	}

	/**
	 * Moves a proposal on behalf of another feature (teams: TEAM_FORMING; judging:
	 * IN_REVIEW, SHORTLISTED, FINALIST, OUTSTANDING, NOT_SELECTED). Not exposed over
	 * GraphQL: the calling feature has checked who may trigger it. Idempotent (a proposal
	 * already in {@code to} is returned unchanged) and retried on a concurrent write,
	 * re-checking the move against the fresh proposal each time.
	 * @param reason why, as a code (the history keeps its English too)
	 * @param args the values of the reason's sentence
	 * @param triggeredBy the user whose action caused the move, if any (recorded in the
	 * history)
	 */
	public Proposal applySystemTransition(String id, ProposalStatus to, ChangeCode reason, List<MessageArg> args,
			@Nullable String triggeredBy) {
		return SYSTEM_RETRIES.get(() -> {
			Proposal current = this.proposals.findById(id).orElseThrow(() -> notFound(id));
			if (current.status() == to) {
				return current;
			}
			Hackathon hackathon = this.hackathons.find(current.hackathonId());
			return this.proposals.save(moved(current, hackathon, to, Actor.SYSTEM, triggeredBy, reason, args));
		});
	}

	private Proposal moved(Proposal current, Hackathon hackathon, ProposalStatus to, Actor actor, @Nullable String by,
			@Nullable String reason) {
		return moved(current, hackathon, to, actor, by, reason, null, List.of());
	}

	private Proposal moved(Proposal current, Hackathon hackathon, ProposalStatus to, Actor actor, @Nullable String by,
			@Nullable ChangeCode code, List<MessageArg> args) {
		return moved(current, hackathon, to, actor, by, code.english(args), code, args);
	}

	private Proposal moved(Proposal current, Hackathon hackathon, ProposalStatus to, Actor actor, @Nullable String by,
			@Nullable String reason, @Nullable ChangeCode code, List<MessageArg> args) {
		ProposalStatus from = current.status();
		if (hackathon.isArchived()) {
			throw archived(hackathon);
		}
		ProposalLifecycle.check(from, to, actor, reason);
		String why = (reason != null && !reason.isBlank()) ? reason.strip() : null;
		if (why != null && why.length() > 1000) {
			throw DomainException.badInput("reason", Refusal.TOO_LONG, "max", 1000);
		}
		FreeText.check(why, "reason", FreeText.Kind.TEXT);
		if (actor == Actor.PROPOSER && to == ProposalStatus.SUBMITTED && !OPEN_PHASES.contains(hackathon.phase())) {
			throw new DomainException(ErrorCode.BAD_USER_INPUT,
					"Proposals can be submitted while the hackathon is " + "OPEN_FOR_PROPOSALS or PITCHING; "
							+ hackathon.slug() + " is " + hackathon.phase() + ".",
					Map.of("from", from.name(), "to", to.name(), "phase", hackathon.phase().name()));
		}
		if (to == ProposalStatus.FINALIST && hackathon.requirePartnerAgencyForFinalist()
				&& partnerAgency(current) == null) {
			throw new DomainException(ErrorCode.BAD_USER_INPUT, "The hackathon " + hackathon.slug()
					+ " requires a government partner agency before a proposal becomes FINALIST; this proposal's team "
					+ "has none yet.", Map.of("from", from.name(), "to", to.name(), "rule", "partnerAgencyRequired"));
		}
		Instant now = this.clock.instant();
		return current.withStatus((code != null) ? StatusChange.coded(from, to, now, by, actor, code, args)
				: new StatusChange(from, to, now, by, actor, why), now);
	}

	/**
	 * The team's partner agency: asked of the teams feature when present, else the
	 * snapshot on the proposal.
	 */
	private @Nullable String partnerAgency(Proposal proposal) {
		ProposalTeamFacts facts = this.teamFacts.getIfAvailable();
		return (facts != null) ? facts.partnerAgency(proposal) : proposal.partnerAgency();
	}

	/**
	 * Records the size and partner agency of a proposal's team (called by the teams
	 * feature after it changed the team). A snapshot from an older team version than the
	 * one stored is ignored. Bumps the proposal's version, so an edit based on the older
	 * proposal fails with CONFLICT instead of overwriting the snapshot.
	 */
	public void recordTeam(String proposalId, int teamSize, @Nullable String partnerAgency, long teamVersion) {
		Query query = new Query(Criteria.where("_id").is(proposalId));
		Proposal current = this.mongo.findOne(query, Proposal.class);
		if (current == null) {
			throw notFound(proposalId);
		}
		if (current.teamVersion() != null && current.teamVersion() >= teamVersion) {
			return;
		}
		Query guarded = new Query(Criteria.where("_id").is(proposalId).and("version").is(current.version()));
		Update update = new Update().set("teamSize", teamSize)
			.set("partnerAgency", partnerAgency)
			.set("teamVersion", teamVersion)
			.inc("version", 1);
		if (this.mongo.findAndModify(guarded, update, FindAndModifyOptions.options().returnNew(true),
				Proposal.class) == null) {
			// Someone wrote in between: read again and decide again.
			recordTeam(proposalId, teamSize, partnerAgency, teamVersion);
		}
	}

	/**
	 * Links a proposal to a project (or unlinks it, with null). The caller's rights are
	 * checked by the caller.
	 */
	Proposal setProject(Proposal proposal, @Nullable String projectId) {
		return this.proposals.save(proposal.withProject(projectId, this.clock.instant()));
	}

	/**
	 * Who may edit a proposal's content and its project link: organizers and, while
	 * editable, the proposer.
	 */
	void requireEditor(Proposal proposal, Hackathon hackathon) {
		this.currentUser.requireId();
		if (hackathon.isArchived()) {
			throw archived(hackathon);
		}
		if (this.currentUser.hasRole(Role.ORGANIZER)) {
			return;
		}
		if (!isProposer(proposal)) {
			throw DomainException.refused(ErrorCode.FORBIDDEN, Refusal.PROPOSER_OR_ORGANIZER);
		}
		if (!PROPOSER_EDITABLE.contains(proposal.status())) {
			throw new DomainException(ErrorCode.FORBIDDEN,
					"A proposal in " + proposal.status()
							+ " is locked for its proposer (judges are reading it); ask an organizer to change it.",
					Map.of("status", proposal.status().name()));
		}
	}

	/**
	 * Whether the caller may link a proposal to a project: its proposer or an organizer.
	 */
	void requireProposerOrOrganizer(Proposal proposal) {
		this.currentUser.requireId();
		if (!this.currentUser.hasRole(Role.ORGANIZER) && !isProposer(proposal)) {
			throw DomainException.forbidden("Only the proposer or an organizer can link this proposal to a project.");
		}
	}

	private static void checkVersion(Proposal current, @Nullable Integer expectedVersion) {
		if (expectedVersion != null && current.version() != null && current.version() != expectedVersion.longValue()) {
			throw new OptimisticLockingFailureException(
					"Proposal " + current.id() + " is at version " + current.version() + ", not " + expectedVersion);
		}
	}

	static DomainException notFound(String id) {
		return DomainException.notFound("There is no proposal with the id '" + id + "' that you can see.");
	}

	private static DomainException archived(Hackathon hackathon) {
		return DomainException.badInput("hackathon", Refusal.HACKATHON_ARCHIVED, "slug", hackathon.slug());
	}

	private static DomainException duplicate(Proposal proposal, Hackathon hackathon) {
		return DomainException.conflict("The hackathon " + hackathon.slug() + " already has a proposal titled '"
				+ proposal.title().primary() + "' by " + proposal.proposerName() + ".");
	}

}
