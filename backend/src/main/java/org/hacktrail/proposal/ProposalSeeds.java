package org.hacktrail.proposal;

import java.time.Instant;
import java.util.List;

import org.hacktrail.hackathon.LocalizedText;
import org.hacktrail.proposal.ProposalLifecycle.Actor;
import org.jspecify.annotations.Nullable;

/**
 * Builds proposals and projects for data loaders (demo datasets, benchmarks) outside this
 * package, through the same factory methods the services use, so that the derived fields
 * (normalised title, keys, search text) are exactly what the services would store.
 * Nothing here is checked or saved: the caller inserts the documents, typically in
 * batches.
 */
public final class ProposalSeeds {

	private ProposalSeeds() {
	}

	/**
	 * A proposal that went through {@code path} (each step recorded at {@code at}, by an
	 * organizer, except a proposer's own submission).
	 * @param teamSize members of its team, as the teams feature would have recorded it
	 */
	public static Proposal proposal(String id, String hackathonId, @Nullable String projectId, LocalizedText title,
			LocalizedText summary, String proposerName, @Nullable String proposerId, List<String> tags,
			List<ProposalLink> links, int teamSize, Instant at, List<ProposalStatus> path) {
		ProposalContent content = new ProposalContent(title, summary, null, tags, List.of(), links);
		Actor creator = (proposerId != null) ? Actor.PROPOSER : Actor.ORGANIZER;
		Proposal proposal = Proposal.create(id, hackathonId, content, proposerId, proposerName,
				new StatusChange(null, ProposalStatus.DRAFT, at, proposerId, creator, null), at, null);
		for (ProposalStatus to : path) {
			Actor actor = (to == ProposalStatus.SUBMITTED && proposerId != null) ? Actor.PROPOSER : Actor.ORGANIZER;
			proposal = proposal.withStatus(new StatusChange(proposal.status(), to, at, null, actor, null), at);
		}
		proposal = proposal.withProject(projectId, at);
		return new Proposal(proposal.id(), proposal.hackathonId(), proposal.projectId(), proposal.title(),
				proposal.summary(), proposal.normalizedTitle(), proposal.proposerKey(), proposal.proposerId(),
				proposal.proposerName(), proposal.channel(), proposal.channelKey(), proposal.tags(), proposal.needs(),
				proposal.needKeys(), proposal.links(), proposal.repositoryKey(), proposal.searchText(),
				proposal.status(), proposal.history(), teamSize, null, null, null, proposal.contacts(),
				proposal.createdAt(), proposal.createdBy(), proposal.updatedAt(), null);
	}

	/** A project with its normalised name and repository key. */
	public static Project project(String id, LocalizedText name, @Nullable String repositoryUrl,
			@Nullable String websiteUrl, List<String> issueAreas, Instant at) {
		String primary = name.primary();
		return new Project(id, name, Keys.title((primary != null) ? primary : ""), repositoryUrl,
				Keys.repository(repositoryUrl), websiteUrl, issueAreas, at, null, at, null);
	}

}
