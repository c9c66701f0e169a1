package org.hacktrail.proposal;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hacktrail.hackathon.Hackathon;
import org.hacktrail.hackathon.HackathonService;
import org.hacktrail.hackathon.LocalizedText;
import org.hacktrail.platform.DomainException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * A project's metadata as a {@code g0v.json} file (the g0v/g0v.json specification, schema
 * v1, which awesome-g0v-projects reads), so that a team can commit it to its repository.
 * Written from what the public may see: the project and its public pitches (a proposal
 * that is not DRAFT at a hackathon that is not DRAFT, whoever asks), so that the file is
 * the same for everyone and may be cached.
 *
 * <ul>
 * <li>{@code name}: the English name (the Chinese one when there is no English one);
 * {@code name_zh}: the Chinese name.</li>
 * <li>{@code description}, {@code description_zh}: the project's description when it has
 * one, otherwise the latest public pitch's summary, in each language; {@code thumbnail}:
 * the project's picture.</li>
 * <li>{@code author}: the proposer of the first public pitch; {@code contributors}: the
 * proposers of every public pitch, in pitch order.</li>
 * <li>{@code homepage}, {@code repository} ({@code git} for a known code host, otherwise
 * {@code other}), {@code document} (the latest pitch's 共筆 notes).</li>
 * <li>{@code keywords}: the project's issue areas (the public pitches' tags when it has
 * none).</li>
 * <li>{@code status}, from the public state the follow-up derives: INTEGRATED or ADOPTED
 * → {@code production}, DISCONTINUED → {@code archived}, DORMANT → {@code inactive};
 * ACTIVE and FUNDED say nothing of the project's maturity and leave it out.</li>
 * </ul>
 * Fields with nothing to say are left out (the schema requires only {@code author}).
 */
@Component
class ProjectG0vJson {

	/** Hosts whose repositories are git repositories. */
	static final Set<String> GIT_HOSTS = Set.of("github.com", "gitlab.com", "bitbucket.org", "codeberg.org",
			"gitea.com", "sr.ht", "git.sr.ht");

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private final ProjectRepository projects;

	private final MongoTemplate mongo;

	private final HackathonService hackathons;

	private final ProjectPublicState states;

	ProjectG0vJson(ProjectRepository projects, MongoTemplate mongo, HackathonService hackathons,
			ProjectPublicState states) {
		this.projects = projects;
		this.mongo = mongo;
		this.hackathons = hackathons;
		this.states = states;
	}

	/** The file's text; NOT_FOUND when the public cannot see the project. */
	String write(String projectId) {
		Optional<Project> found = this.projects.findById(projectId);
		List<Proposal> pitches = found.isPresent() ? publicPitches(projectId) : List.of();
		if (found.isEmpty() || pitches.isEmpty()) {
			throw DomainException.notFound("There is no public project with the id '" + projectId + "'.");
		}
		return JSON.writeValueAsString(fields(found.get(), pitches, this.states.of(projectId).orElse(null))) + "\n";
	}

	/** The project's public pitches, oldest first. */
	private List<Proposal> publicPitches(String projectId) {
		List<Proposal> proposals = this.mongo.find(new Query(Criteria.where("projectId").is(projectId)),
				Proposal.class);
		Map<String, Hackathon> events = new HashMap<>();
		this.hackathons.findAllById(proposals.stream().map(Proposal::hackathonId).distinct().toList())
			.forEach((h) -> events.put(h.id(), h));
		return proposals.stream()
			.filter((p) -> p.status() != ProposalStatus.DRAFT)
			.filter((p) -> events.containsKey(p.hackathonId()) && events.get(p.hackathonId()).isPublic())
			.sorted(Comparator.comparing(Proposal::createdAt).thenComparing(Proposal::id))
			.toList();
	}

	static Map<String, Object> fields(Project project, List<Proposal> pitches,
			ProjectPublicState.@Nullable State state) {
		Proposal latest = pitches.get(pitches.size() - 1);
		Map<String, Object> file = new LinkedHashMap<>();
		file.put("author", pitches.get(0).proposerName());
		String status = status(state);
		if (status != null) {
			file.put("status", status);
		}
		String name = (project.name().en() != null) ? project.name().en() : project.name().zhTW();
		file.put("name", name);
		putIfPresent(file, "name_zh", project.name().zhTW());
		LocalizedText description = (project.description() != null
				&& (project.description().en() != null || project.description().zhTW() != null)) ? project.description()
						: latest.summary();
		putIfPresent(file, "description", description.en());
		putIfPresent(file, "description_zh", description.zhTW());
		putIfPresent(file, "thumbnail", project.thumbnailUrl());
		putIfPresent(file, "homepage",
				(project.websiteUrl() != null) ? project.websiteUrl() : link(latest, LinkType.WEBSITE));
		putIfPresent(file, "document", link(latest, LinkType.NOTES));
		String repository = (project.repositoryUrl() != null) ? project.repositoryUrl()
				: link(latest, LinkType.REPOSITORY);
		if (repository != null) {
			Map<String, String> repo = new LinkedHashMap<>();
			repo.put("type", isGitHost(repository) ? "git" : "other");
			repo.put("url", repository);
			file.put("repository", repo);
		}
		Set<String> keywords = new LinkedHashSet<>(project.issueAreas());
		if (keywords.isEmpty()) {
			pitches.forEach((p) -> keywords.addAll(p.tags()));
		}
		file.put("keywords", new ArrayList<>(keywords));
		Set<String> contributors = new LinkedHashSet<>();
		pitches.forEach((p) -> contributors.add(p.proposerName()));
		file.put("contributors", new ArrayList<>(contributors));
		return file;
	}

	/** The schema's word for a public state, or null when it has none. */
	static @Nullable String status(ProjectPublicState.@Nullable State state) {
		if (state == null) {
			return null;
		}
		return switch (state) {
			case INTEGRATED, ADOPTED -> "production";
			case DISCONTINUED -> "archived";
			case DORMANT -> "inactive";
			case ACTIVE, FUNDED -> null;
		};
	}

	private static @Nullable String link(Proposal proposal, LinkType type) {
		return proposal.links()
			.stream()
			.filter((l) -> l.type() == type)
			.map(ProposalLink::url)
			.findFirst()
			.orElse(null);
	}

	private static boolean isGitHost(String url) {
		try {
			String host = URI.create(url).getHost();
			return host != null && GIT_HOSTS.contains(host.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", ""));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static void putIfPresent(Map<String, Object> file, String key, @Nullable String value) {
		if (value != null && !value.isBlank()) {
			file.put(key, value);
		}
	}

}
