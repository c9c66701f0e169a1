package org.hacktrail.followup;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.bson.Document;
import org.hacktrail.hackathon.HackathonFacts;
import org.hacktrail.hackathon.LocalizedText;
import org.hacktrail.judging.AwardFacts;
import org.hacktrail.platform.CsvFlavour;
import org.hacktrail.platform.batch.IdBucket;
import org.hacktrail.platform.batch.IdBucketItemReader;
import org.hacktrail.platform.batch.IdBucketScan;
import org.hacktrail.proposal.Project;
import org.hacktrail.proposal.ProjectService;
import org.hacktrail.proposal.ProposalFacts;
import org.hacktrail.proposal.ProposalStatus;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * The open-data export of projects: published projects (with at least one proposal that
 * is not a DRAFT at a hackathon whose results are published, or in follow-up, or
 * archived), their published proposals with awards, their public state and their VERIFIED
 * outcome milestones, under the configured licence.
 *
 * <p>
 * No personal data beyond public display names: proposers appear by the name shown on
 * their proposal; user ids, e-mail addresses, who recorded or verified a milestone,
 * milestone notes and verification notes are left out.
 *
 * <p>
 * Streamed: projects and milestones are read in {@code _id} order and merged (a milestone
 * id starts with its project id), so memory holds the published proposals (a projection),
 * one bucket of milestones and one project at a time.
 */
@Service
public class OpenDataExport {

	static final List<String> CSV_COLUMNS = List.of("project_id", "name_zh_tw", "name_en", "repository_url",
			"website_url", "issue_areas", "state", "dormant", "hackathons", "proposal_titles", "proposers", "awards",
			"first_funded_on", "adopted_on", "integrated_on", "discontinued_on", "funding", "verified_milestones",
			"licence");

	private static final JsonFactory JSON = new JsonFactory();

	/**
	 * Milestones per query: whole documents (evidence, events), so fewer than the
	 * default.
	 */
	static final int MILESTONES_PER_QUERY = 2_000;

	private final MongoTemplate mongo;

	private final HackathonFacts hackathons;

	private final ProposalFacts proposalFacts;

	private final ProjectService projectService;

	private final FollowUpStates states;

	private final OpenDataSettings settings;

	private final Clock clock;

	private final AwardFacts awardFacts;

	OpenDataExport(MongoTemplate mongo, HackathonFacts hackathons, ProposalFacts proposals, ProjectService projects,
			FollowUpStates states, OpenDataSettings settings, Clock clock, AwardFacts awardFacts) {
		this.awardFacts = awardFacts;
		this.mongo = mongo;
		this.hackathons = hackathons;
		this.proposalFacts = proposals;
		this.projectService = projects;
		this.states = states;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * A published proposal, as exported.
	 *
	 * @param projectId its project; null when it is linked to none
	 * @param tags its issue areas (tag ids)
	 * @param teamSize members of its team, as the teams feature last recorded
	 * @param teamFormed the funnel's "teams" stage: a team of more than one, or it was
	 * TEAM_FORMING
	 * @param shortlisted the funnel's "shortlisted" stage: it was SHORTLISTED, FINALIST,
	 * OUTSTANDING or NOT_SELECTED
	 */
	record PublicProposal(String id, HackathonFacts.Edition hackathon, @Nullable String projectId, LocalizedText title,
			String proposerName, ProposalStatus status, List<String> tags, int teamSize, boolean teamFormed,
			boolean shortlisted, List<AwardFacts.Award> awards) {

		static PublicProposal of(ProposalFacts.Summary proposal, HackathonFacts.Edition hackathon,
				List<AwardFacts.Award> published) {
			return new PublicProposal(proposal.id(), hackathon, proposal.projectId(), proposal.title(),
					proposal.proposerName(), proposal.status(), proposal.tags(), proposal.teamSize(),
					proposal.teamSize() > 1 || proposal.reached().contains(ProposalStatus.TEAM_FORMING),
					proposal.reached().stream().anyMatch(StatisticsRollupJobConfiguration.SHORTLISTED::contains),
					awards(proposal.id(), hackathon.id(), proposal.status(), published));
		}

		/**
		 * The proposal's awards: those of its hackathon's published rounds, and the
		 * outstanding track for an OUTSTANDING proposal whose round does not say so
		 * (results recorded outside Hacktrail's judging, such as imported past editions).
		 */
		static List<AwardFacts.Award> awards(String proposalId, String hackathonId, ProposalStatus status,
				List<AwardFacts.Award> published) {
			List<AwardFacts.Award> awards = new ArrayList<>(published);
			if (status == ProposalStatus.OUTSTANDING && awards.stream().noneMatch(AwardFacts.Award::outstanding)) {
				awards.add(0, new AwardFacts.Award(proposalId, AwardFacts.outstandingTrackId(hackathonId),
						"outstanding", "卓越團隊", "Outstanding teams", null, true));
			}
			return List.copyOf(awards);
		}

	}

	/** One published project with everything exported about it. */
	record PublicProject(Project project, List<PublicProposal> proposals, ProjectState state, boolean dormant,
			List<OutcomeMilestone> milestones) {
	}

	public void writeJson(OutputStream out) throws IOException {
		writeJson(out, this.clock.instant().toString());
	}

	/**
	 * The JSON with {@code generatedAt} as given: the controller writes a mark there to
	 * tag the content apart from the moment it was asked for.
	 */
	void writeJson(OutputStream out, String generatedAt) throws IOException {
		try (JsonGenerator json = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
			json.writeStartObject();
			json.writeStringProperty("licence", this.settings.licence());
			json.writeStringProperty("licenceUrl", this.settings.resolvedLicenceUrl());
			json.writeStringProperty("attribution", this.settings.attribution());
			json.writeStringProperty("generatedAt", generatedAt);
			json.writeStringProperty("description", "Published Hacktrail projects with their published proposals, "
					+ "awards and verified outcome trail. Names marked SYNTHETIC are demo data.");
			json.writeName("projects");
			json.writeStartArray();
			forEachProject((project) -> writeProject(json, project));
			json.writeEndArray();
			json.writeEndObject();
		}
	}

	/**
	 * The CSV, as typed or for spreadsheet apps (text cells that would run as formulas
	 * get a leading apostrophe).
	 */
	public void writeCsv(Writer out, CsvFlavour flavour) throws IOException {
		try (CsvFlavour.Printer csv = flavour.printer(out,
				CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get())) {
			csv.printRecord(CSV_COLUMNS);
			forEachProject((p) -> {
				try {
					csv.printRecord(csvRow(p));
				}
				catch (IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
			});
		}
	}

	private void writeProject(JsonGenerator json, PublicProject p) {
		Project project = p.project();
		json.writeStartObject();
		json.writeStringProperty("id", project.id());
		json.writeName("name");
		text(json, project.name());
		json.writeStringProperty("repositoryUrl", project.repositoryUrl());
		json.writeStringProperty("websiteUrl", project.websiteUrl());
		json.writeName("issueAreas");
		json.writeStartArray();
		project.issueAreas().forEach(json::writeString);
		json.writeEndArray();
		json.writeStringProperty("state", p.state().name());
		json.writeBooleanProperty("dormant", p.dormant());
		json.writeName("proposals");
		json.writeStartArray();
		for (PublicProposal proposal : p.proposals()) {
			json.writeStartObject();
			json.writeStringProperty("id", proposal.id());
			json.writeName("hackathon");
			json.writeStartObject();
			json.writeStringProperty("slug", proposal.hackathon().slug());
			json.writeName("name");
			text(json, proposal.hackathon().name());
			json.writeStringProperty("kind", proposal.hackathon().kind().name());
			json.writeStringProperty("startsOn", proposal.hackathon().firstDay().toString());
			json.writeEndObject();
			json.writeName("title");
			text(json, proposal.title());
			json.writeStringProperty("proposer", proposal.proposerName());
			json.writeStringProperty("status", proposal.status().name());
			json.writeStringProperty("award", (proposal.status() == ProposalStatus.OUTSTANDING) ? "OUTSTANDING" : null);
			json.writeName("awards");
			json.writeStartArray();
			for (AwardFacts.Award award : proposal.awards()) {
				json.writeStartObject();
				json.writeStringProperty("track", award.trackId());
				json.writeStringProperty("slug", award.trackSlug());
				json.writeName("name");
				text(json, new LocalizedText(award.nameZhTW(), award.nameEn()));
				json.writeStringProperty("sponsor", award.sponsor());
				json.writeEndObject();
			}
			json.writeEndArray();
			json.writeEndObject();
		}
		json.writeEndArray();
		json.writeName("outcomes");
		json.writeStartArray();
		for (OutcomeMilestone milestone : p.milestones()) {
			json.writeStartObject();
			json.writeStringProperty("id", milestone.id());
			json.writeStringProperty("type", milestone.type().name());
			json.writeStringProperty("date", milestone.date());
			json.writeStringProperty("agency", milestone.agency());
			json.writeStringProperty("level", (milestone.level() != null) ? milestone.level().name() : null);
			json.writeStringProperty("programme", milestone.programme());
			json.writeStringProperty("amount", milestone.amount());
			json.writeStringProperty("currency", milestone.currency());
			json.writeStringProperty("evidenceUrl", milestone.evidenceUrl());
			json.writeStringProperty("source", milestone.source().name());
			json.writeEndObject();
		}
		json.writeEndArray();
		json.writeEndObject();
	}

	private List<String> csvRow(PublicProject p) {
		Project project = p.project();
		Map<MilestoneType, String> first = new HashMap<>();
		Map<String, java.math.BigDecimal> funding = new TreeMap<>();
		for (OutcomeMilestone m : p.milestones()) {
			first.merge(m.type(), m.date(), (a, b) -> (a.compareTo(b) <= 0) ? a : b);
			if (m.type() == MilestoneType.FUNDED && m.amount() != null && m.currency() != null) {
				funding.merge(m.currency(), new java.math.BigDecimal(m.amount()), java.math.BigDecimal::add);
			}
		}
		String adopted = null;
		for (MilestoneType type : new MilestoneType[] { MilestoneType.ADOPTED,
				MilestoneType.INTEGRATED_INTO_OPERATIONS }) {
			String date = first.get(type);
			adopted = (adopted == null || (date != null && date.compareTo(adopted) < 0)) ? date : adopted;
		}
		List<String> fundingText = new ArrayList<>();
		funding.forEach((currency, amount) -> fundingText.add(currency + " " + MilestoneDraft.canonical(amount)));
		return List.of(project.id(), nullToEmpty(project.name().zhTW()), nullToEmpty(project.name().en()),
				nullToEmpty(project.repositoryUrl()), nullToEmpty(project.websiteUrl()),
				String.join(";", project.issueAreas()), p.state().name(), Boolean.toString(p.dormant()),
				join(p.proposals(), (proposal) -> proposal.hackathon().slug()),
				join(p.proposals(), (proposal) -> nullToEmpty(proposal.title().primary())),
				join(p.proposals(), PublicProposal::proposerName),
				String.join(";",
						p.proposals()
							.stream()
							.flatMap((proposal) -> proposal.awards()
								.stream()
								.map((award) -> proposal.hackathon().slug() + ":"
										+ (award.outstanding() ? "OUTSTANDING" : award.trackSlug())))
							.toList()),
				nullToEmpty(first.get(MilestoneType.FUNDED)), nullToEmpty(adopted),
				nullToEmpty(first.get(MilestoneType.INTEGRATED_INTO_OPERATIONS)),
				nullToEmpty(first.get(MilestoneType.DISCONTINUED)), String.join("; ", fundingText),
				Integer.toString(p.milestones().size()), this.settings.licence());
	}

	/** Calls {@code action} for each published project, in id order. */
	void forEachProject(Consumer<PublicProject> action) {
		forEachPublished((hackathon) -> {
		}, (proposal) -> {
		}, action);
	}

	/**
	 * Calls {@code eachHackathon} for each hackathon whose results are published (in id
	 * order), then {@code eachProposal} for each published proposal, linked to a project
	 * or not (in id order), then {@code eachProject} for each published project (in
	 * milestone-id order, see {@link #forEachProject}). One read of the hackathons, of
	 * the proposals and of the VERIFIED milestones.
	 */
	void forEachPublished(Consumer<HackathonFacts.Edition> eachHackathon, Consumer<PublicProposal> eachProposal,
			Consumer<PublicProject> eachProject) {
		forEachPublished(eachHackathon, eachProposal, eachProject, this.states.today());
	}

	private void forEachPublished(Consumer<HackathonFacts.Edition> eachHackathon, Consumer<PublicProposal> eachProposal,
			Consumer<PublicProject> action, LocalDate today) {
		Map<String, HackathonFacts.Edition> hackathons = new HashMap<>();
		this.hackathons.inIdOrder(null, IdBucketItemReader.LIMIT).forEachRemaining((h) -> {
			if (StatisticsRollupJobConfiguration.PUBLISHED.contains(h.phase())) {
				hackathons.put(h.id(), h);
				eachHackathon.accept(h);
			}
		});
		Map<String, List<PublicProposal>> proposals = publishedProposals(hackathons, eachProposal);
		Map<String, ProjectFollowUp> followUps = this.states.find(proposals.keySet());
		List<String> ids = new ArrayList<>(proposals.keySet());
		// Projects in milestone-id order ("<id>~"), so that the milestone stream can be
		// merged with them.
		ids.sort(Comparator.comparing((String id) -> id + MilestoneKey.SEPARATOR, IdBucket.ORDER));
		Map<String, Project> projects = new HashMap<>();
		MilestoneMerge milestones = new MilestoneMerge();
		for (int from = 0; from < ids.size(); from += 500) {
			List<String> batch = ids.subList(from, Math.min(ids.size(), from + 500));
			this.projectService.findAllById(batch).forEach((project) -> projects.put(project.id(), project));
			for (String id : batch) {
				Project project = projects.remove(id);
				if (project == null) {
					continue;
				}
				List<PublicProposal> own = proposals.get(id);
				own.sort(Comparator.comparing((PublicProposal p) -> p.hackathon().startsAt())
					.thenComparing(PublicProposal::id));
				// The public state, derived from exactly what is exported: the
				// verified milestones.
				List<OutcomeMilestone> trail = milestones.take(id);
				TrailSummary summary = new TrailSummary();
				trail.forEach((m) -> summary.add(TrailSummary.Facts.of(m)));
				ProjectFollowUp followUp = followUps.get(id);
				LocalDate lastPitched = (followUp != null && followUp.lastPitchedOn() != null)
						? LocalDate.parse(followUp.lastPitchedOn())
						: own.stream().map((p) -> p.hackathon().lastDay()).max(Comparator.naturalOrder()).orElse(null);
				ProjectStateRule.Derived derived = ProjectStateRule.derive(summary.outcomes(), true,
						FollowUpStates.date(summary.lastVerifiedActivityOn()), lastPitched, today);
				action.accept(new PublicProject(project, own, derived.state(), derived.dormant(), trail));
			}
		}
	}

	/**
	 * The published proposals linked to a project, by project: every proposal read bucket
	 * by bucket ({@link ProposalFacts}), the published ones kept.
	 */
	private Map<String, List<PublicProposal>> publishedProposals(Map<String, HackathonFacts.Edition> hackathons,
			Consumer<PublicProposal> eachProposal) {
		Map<String, List<PublicProposal>> byProject = new HashMap<>();
		Map<String, Map<String, List<AwardFacts.Award>>> awards = new HashMap<>();
		for (Iterator<ProposalFacts.Summary> scan = this.proposalFacts.inIdOrder(IdBucketItemReader.LIMIT); scan
			.hasNext();) {
			ProposalFacts.Summary proposal = scan.next();
			// Only hackathons whose results are published are in the map.
			HackathonFacts.Edition hackathon = hackathons.get(proposal.hackathonId());
			if (hackathon == null || proposal.status() == ProposalStatus.DRAFT) {
				continue;
			}
			Map<String, List<AwardFacts.Award>> ofHackathon = awards.computeIfAbsent(hackathon.id(), (id) -> {
				Map<String, List<AwardFacts.Award>> byProposal = new HashMap<>();
				this.awardFacts.awardsOf(id)
					.forEach((a) -> byProposal.computeIfAbsent(a.proposalId(), (k) -> new ArrayList<>()).add(a));
				return byProposal;
			});
			PublicProposal published = PublicProposal.of(proposal, hackathon,
					ofHackathon.getOrDefault(proposal.id(), List.of()));
			eachProposal.accept(published);
			if (proposal.projectId() != null) {
				byProject.computeIfAbsent(proposal.projectId(), (id) -> new ArrayList<>()).add(published);
			}
		}
		return byProject;
	}

	/**
	 * The VERIFIED milestones, handed out per project (projects asked for in id order):
	 * read bucket by bucket in {@code _id} order ({@link IdBucketScan}; a bucket holding
	 * no project asked for is never queried) and filtered here, since a filter in the
	 * query would keep the embedded store from answering it from the {@code _id} index.
	 */
	private final class MilestoneMerge {

		private final IdBucketScan scan = new IdBucketScan(
				OpenDataExport.this.mongo.getCollection(FollowUpStates.MILESTONES), new Document(),
				MILESTONES_PER_QUERY, null);

		List<OutcomeMilestone> take(String projectId) {
			String prefix = projectId + MilestoneKey.SEPARATOR;
			this.scan.skipTo(prefix);
			List<OutcomeMilestone> milestones = new ArrayList<>();
			for (Document milestone = this.scan.peek(); milestone != null
					&& milestone.getString("_id").startsWith(prefix); milestone = this.scan.peek()) {
				this.scan.next();
				if (VerificationState.VERIFIED.name().equals(milestone.getString("verification"))) {
					milestones.add(OpenDataExport.this.mongo.getConverter().read(OutcomeMilestone.class, milestone));
				}
			}
			milestones.sort(Comparator.comparing(OutcomeMilestone::date).thenComparing(OutcomeMilestone::id));
			return milestones;
		}

	}

	private static void text(JsonGenerator json, LocalizedText text) {
		json.writeStartObject();
		json.writeStringProperty("zhTW", text.zhTW());
		json.writeStringProperty("en", text.en());
		json.writeEndObject();
	}

	private static <T> String join(List<T> items, java.util.function.Function<T, String> text) {
		return String.join(";", items.stream().map(text).toList());
	}

	private static String nullToEmpty(@Nullable String text) {
		return (text != null) ? text : "";
	}

}
