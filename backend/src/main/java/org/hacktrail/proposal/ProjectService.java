package org.hacktrail.proposal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.hacktrail.hackathon.Hackathon;
import org.hacktrail.hackathon.LocalizedText;
import org.hacktrail.identity.CurrentUser;
import org.hacktrail.identity.Role;
import org.hacktrail.platform.DomainException;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Projects: the identity that links proposals across hackathons. A proposer or an
 * organizer links a proposal to a project (or starts a new project from it); Hacktrail
 * suggests likely matches but never links by itself.
 *
 * <p>
 * A project is visible to organizers, to whoever created it, and to everyone once one of
 * its proposals is visible to them. It is changed by organizers, its creator, and the
 * proposers of its proposals.
 */
@Service
public class ProjectService {

	/** Why a project (or an unlinked proposal) is suggested as the same idea. */
	public enum SuggestionReason {

		/**
		 * The normalised titles are equal (case, width, spaces and punctuation ignored).
		 */
		SAME_TITLE,

		/** The chat channels are equal ({@code #cofacts} = {@code cofacts}). */
		SAME_CHANNEL,

		/**
		 * The repository addresses are equal (scheme, {@code www.}, trailing slash and
		 * {@code .git} ignored).
		 */
		SAME_REPOSITORY

	}

	/**
	 * A likely match: an existing project, or (when {@code project} is null) proposals
	 * not yet linked to any project, with the reasons and the matching proposals the
	 * caller may see.
	 */
	public record ProjectSuggestion(@Nullable Project project, Set<SuggestionReason> reasons,
			List<Proposal> proposals) {
	}

	public record UpdateProjectInput(String id, @Nullable Integer expectedVersion, @Nullable LocalizedText name,
			@Nullable String repositoryUrl, @Nullable String websiteUrl, @Nullable List<String> issueAreas,
			@Nullable LocalizedText description, @Nullable String thumbnailUrl) {
	}

	private final ProjectRepository projects;

	private final ProposalService proposals;

	private final MongoTemplate mongo;

	private final CurrentUser currentUser;

	private final ProposalTags tags;

	private final Clock clock;

	ProjectService(ProjectRepository projects, ProposalService proposals, MongoTemplate mongo, CurrentUser currentUser,
			ProposalTags tags, Clock clock) {
		this.projects = projects;
		this.proposals = proposals;
		this.mongo = mongo;
		this.currentUser = currentUser;
		this.tags = tags;
		this.clock = clock;
	}

	/** The project if the caller may see it. */
	public Optional<Project> findVisible(String id) {
		Optional<Project> project = this.projects.findById(id);
		if (project.isEmpty() || this.currentUser.hasRole(Role.ORGANIZER) || isCreator(project.get())) {
			return project;
		}
		return this.proposals.findVisibleByProject(id).isEmpty() ? Optional.empty() : project;
	}

	/**
	 * Many projects in one round trip, for batch loading from proposals the caller
	 * already sees (a project of a visible proposal is visible).
	 */
	public List<Project> findAllById(Collection<String> ids) {
		List<Project> found = new ArrayList<>();
		if (!ids.isEmpty()) {
			this.projects.findAllById(new HashSet<>(ids)).forEach(found::add);
		}
		return found;
	}

	/**
	 * Links a proposal to an existing project, or, without {@code projectId}, to a new
	 * project started from the proposal (its title, repository, website and tags).
	 */
	public Proposal link(String proposalId, @Nullable String projectId) {
		Proposal proposal = this.proposals.requireVisible(proposalId);
		this.proposals.requireProposerOrOrganizer(proposal);
		Project project;
		if (projectId != null) {
			project = findVisible(projectId).orElseThrow(() -> notFound(projectId));
		}
		else {
			Instant now = this.clock.instant();
			String name = proposal.title().primary();
			project = this.projects.save(new Project(UUID.randomUUID().toString(), proposal.title(),
					Keys.title((name != null) ? name : ""), proposal.content().link(LinkType.REPOSITORY),
					proposal.repositoryKey(), proposal.content().link(LinkType.WEBSITE), proposal.tags(), now,
					this.currentUser.requireId(), now, null));
		}
		if (project.id().equals(proposal.projectId())) {
			return proposal;
		}
		return this.proposals.setProject(proposal, project.id());
	}

	public Proposal unlink(String proposalId) {
		Proposal proposal = this.proposals.requireVisible(proposalId);
		this.proposals.requireProposerOrOrganizer(proposal);
		return (proposal.projectId() == null) ? proposal : this.proposals.setProject(proposal, null);
	}

	public Project update(UpdateProjectInput input) {
		String me = this.currentUser.requireId();
		Project current = findVisible(input.id()).orElseThrow(() -> notFound(input.id()));
		if (!this.currentUser.hasRole(Role.ORGANIZER) && !isCreator(current)
				&& this.mongo.count(
						new Query(Criteria.where("projectId").is(current.id()).and("proposerId").is(me)).limit(1),
						Proposal.class) == 0) {
			throw DomainException.forbidden("Only organizers, the project's creator and the proposers of its "
					+ "proposals can change a project.");
		}
		if (input.expectedVersion() != null && current.version() != null
				&& current.version() != input.expectedVersion().longValue()) {
			throw new OptimisticLockingFailureException(
					"Project " + current.id() + " is at version " + current.version());
		}
		LocalizedText name = (input.name() != null) ? ProposalContent.title(input.name()) : current.name();
		String repositoryUrl = (input.repositoryUrl() != null) ? optionalUrl(input.repositoryUrl(), "repositoryUrl")
				: current.repositoryUrl();
		String websiteUrl = (input.websiteUrl() != null) ? optionalUrl(input.websiteUrl(), "websiteUrl")
				: current.websiteUrl();
		List<String> issueAreas = (input.issueAreas() != null) ? ProposalContent.tags(input.issueAreas(), this.tags)
				: current.issueAreas();
		LocalizedText description = (input.description() != null) ? description(input.description())
				: current.description();
		String thumbnailUrl = (input.thumbnailUrl() != null) ? optionalUrl(input.thumbnailUrl(), "thumbnailUrl")
				: current.thumbnailUrl();
		return this.projects
			.save(with(current, name, repositoryUrl, websiteUrl, issueAreas, description, thumbnailUrl));
	}

	/**
	 * Sets one field of a project's metadata to a value proposed from outside (the
	 * follow-up's g0v.json check), checked as {@code updateProject} checks it. The caller
	 * has decided who may (organizers and the project's team leads); this method decides
	 * whether it still applies: when the field already has the proposed value nothing
	 * changes (accepting twice is harmless), and when it no longer has the value the
	 * proposal was made against ({@code expected}) it is refused with CONFLICT, so that a
	 * change made since is never overwritten.
	 */
	public Project applyMetadata(String projectId, ProjectMetadataField field, @Nullable String expected,
			String proposed) {
		Project current = this.projects.findById(projectId).orElseThrow(() -> notFound(projectId));
		String now = field.valueOf(current);
		if (proposed.equals(now)) {
			return current;
		}
		if (!java.util.Objects.equals(now, expected)) {
			throw DomainException.conflict("The project's " + field.name() + " is now "
					+ ((now != null) ? "'" + abbreviate(now) + "'" : "empty") + ", not "
					+ ((expected != null) ? "'" + abbreviate(expected) + "'" : "empty")
					+ " as when this update was proposed; nothing was changed. Dismiss this update, or change the "
					+ "project by hand.");
		}
		LocalizedText name = current.name();
		LocalizedText description = current.description();
		String websiteUrl = current.websiteUrl();
		String thumbnailUrl = current.thumbnailUrl();
		List<String> issueAreas = current.issueAreas();
		switch (field) {
			case NAME_EN -> name = ProposalContent.title(new LocalizedText(name.zhTW(), proposed));
			case NAME_ZH -> name = ProposalContent.title(new LocalizedText(proposed, name.en()));
			case DESCRIPTION_EN -> description = description(
					new LocalizedText((description != null) ? description.zhTW() : null, proposed));
			case DESCRIPTION_ZH ->
				description = description(new LocalizedText(proposed, (description != null) ? description.en() : null));
			case HOMEPAGE -> websiteUrl = ProposalContent.url(proposed, "websiteUrl");
			case THUMBNAIL -> thumbnailUrl = ProposalContent.url(proposed, "thumbnailUrl");
			case ISSUE_AREAS -> issueAreas = ProposalContent.tags(
					List.of(proposed.split(java.util.regex.Pattern.quote(ProjectMetadataField.LIST_SEPARATOR))),
					this.tags);
		}
		return this.projects
			.save(with(current, name, current.repositoryUrl(), websiteUrl, issueAreas, description, thumbnailUrl));
	}

	private Project with(Project current, LocalizedText name, @Nullable String repositoryUrl,
			@Nullable String websiteUrl, List<String> issueAreas, @Nullable LocalizedText description,
			@Nullable String thumbnailUrl) {
		String primary = name.primary();
		return new Project(current.id(), name, Keys.title((primary != null) ? primary : ""), repositoryUrl,
				Keys.repository(repositoryUrl), websiteUrl, issueAreas, current.createdAt(), current.createdBy(),
				this.clock.instant(), current.version(), description, thumbnailUrl);
	}

	/** A project's description: multi-line, as long as a proposal's summary may be. */
	private static LocalizedText description(LocalizedText description) {
		return LocalizedText.optionalMultiLine(description, "description", ProposalContent.MAX_SUMMARY);
	}

	private static String abbreviate(String text) {
		return (text.length() > 80) ? text.substring(0, 79) + "…" : text;
	}

	/**
	 * Projects (and unlinked proposals) that look like the same idea as this proposal:
	 * same normalised title, same channel or same repository. For the proposal's proposer
	 * and organizers. Suggests only; links nothing.
	 */
	public List<ProjectSuggestion> suggestions(String proposalId) {
		Proposal proposal = this.proposals.requireVisible(proposalId);
		if (!this.currentUser.hasRole(Role.ORGANIZER) && !this.proposals.isProposer(proposal)) {
			this.currentUser.requireId();
			throw DomainException.forbidden("Only the proposer or an organizer sees suggestions for this proposal.");
		}
		List<Criteria> sameAs = new ArrayList<>();
		sameAs.add(Criteria.where("normalizedTitle").is(proposal.normalizedTitle()));
		if (proposal.channelKey() != null) {
			sameAs.add(Criteria.where("channelKey").is(proposal.channelKey()));
		}
		if (proposal.repositoryKey() != null) {
			sameAs.add(Criteria.where("repositoryKey").is(proposal.repositoryKey()));
		}
		List<Proposal> matches = this.mongo
			.find(new Query(new Criteria().orOperator(sameAs)).limit(200), Proposal.class)
			.stream()
			.filter((p) -> !p.id().equals(proposal.id()))
			.toList();
		Map<String, Hackathon> hackathonsById = this.proposals.hackathonsOf(matches);
		List<Proposal> visible = matches.stream()
			.filter((p) -> hackathonsById.containsKey(p.hackathonId())
					&& this.proposals.isVisible(p, hackathonsById.get(p.hackathonId())))
			.toList();

		List<Criteria> projectSameAs = new ArrayList<>();
		projectSameAs.add(Criteria.where("normalizedName").is(proposal.normalizedTitle()));
		if (proposal.repositoryKey() != null) {
			projectSameAs.add(Criteria.where("repositoryKey").is(proposal.repositoryKey()));
		}
		Map<String, Project> projectsById = new LinkedHashMap<>();
		this.mongo.find(new Query(new Criteria().orOperator(projectSameAs)).limit(100), Project.class)
			.forEach((p) -> projectsById.put(p.id(), p));
		Set<String> missing = new HashSet<>();
		visible.stream()
			.map(Proposal::projectId)
			.filter((id) -> id != null && !projectsById.containsKey(id))
			.forEach(missing::add);
		findAllById(missing).forEach((p) -> projectsById.put(p.id(), p));

		Map<String, ProjectSuggestion> byProject = new LinkedHashMap<>();
		List<ProjectSuggestion> unlinked = new ArrayList<>();
		for (Project project : projectsById.values()) {
			if (project.id().equals(proposal.projectId())) {
				continue;
			}
			Set<SuggestionReason> reasons = EnumSet.noneOf(SuggestionReason.class);
			if (project.normalizedName().equals(proposal.normalizedTitle())) {
				reasons.add(SuggestionReason.SAME_TITLE);
			}
			if (proposal.repositoryKey() != null && proposal.repositoryKey().equals(project.repositoryKey())) {
				reasons.add(SuggestionReason.SAME_REPOSITORY);
			}
			byProject.put(project.id(), new ProjectSuggestion(project, reasons, new ArrayList<>()));
		}
		for (Proposal match : visible) {
			Set<SuggestionReason> reasons = reasons(proposal, match);
			if (match.projectId() == null) {
				unlinked.add(new ProjectSuggestion(null, reasons, List.of(match)));
			}
			else if (byProject.containsKey(match.projectId())) {
				ProjectSuggestion suggestion = byProject.get(match.projectId());
				suggestion.reasons().addAll(reasons);
				suggestion.proposals().add(match);
			}
		}
		List<ProjectSuggestion> all = new ArrayList<>();
		byProject.values()
			.stream()
			.filter((s) -> !s.reasons().isEmpty())
			.map((s) -> new ProjectSuggestion(s.project(), Set.copyOf(s.reasons()), List.copyOf(s.proposals())))
			.forEach(all::add);
		all.addAll(unlinked);
		all.sort(Comparator.comparingInt((ProjectSuggestion s) -> -s.reasons().size())
			.thenComparing((s) -> s.project() == null));
		return all;
	}

	private static Set<SuggestionReason> reasons(Proposal proposal, Proposal match) {
		Set<SuggestionReason> reasons = EnumSet.noneOf(SuggestionReason.class);
		if (match.normalizedTitle().equals(proposal.normalizedTitle())) {
			reasons.add(SuggestionReason.SAME_TITLE);
		}
		if (proposal.channelKey() != null && proposal.channelKey().equals(match.channelKey())) {
			reasons.add(SuggestionReason.SAME_CHANNEL);
		}
		if (proposal.repositoryKey() != null && proposal.repositoryKey().equals(match.repositoryKey())) {
			reasons.add(SuggestionReason.SAME_REPOSITORY);
		}
		return reasons;
	}

	private boolean isCreator(Project project) {
		return project.createdBy() != null && this.currentUser.id().map(project.createdBy()::equals).orElse(false);
	}

	private static @Nullable String optionalUrl(String url, String field) {
		return url.isBlank() ? null : ProposalContent.url(url, field);
	}

	private static DomainException notFound(String id) {
		return DomainException.notFound("There is no project with the id '" + id + "' that you can see.");
	}

}
