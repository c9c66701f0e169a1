package org.hacktrail.proposal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.hacktrail.hackathon.LocalizedText;
import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One pitch of a project at one hackathon. The history of its status lives inside the
 * document, so that a status change and its record are one atomic write, guarded by the
 * version (optimistic locking).
 *
 * <p>
 * Derived fields ({@code normalizedTitle}, {@code proposerKey}, {@code channelKey},
 * {@code needKeys}, {@code repositoryKey}, {@code searchText}) are computed only by the
 * factory methods here, from the content, so they never drift from it. The natural key
 * {@code (hackathonId, normalizedTitle, proposerKey)} is unique: it is what makes a CSV
 * import idempotent.
 *
 * @param proposerId the proposing user; null for proposals imported from a list (only a
 * name is known)
 * @param proposerName the proposer's name as shown
 * @param teamSize members of the proposal's team, kept up to date by the teams feature (1
 * at creation for a user proposer, the team's first lead; 0 for a proposal without one
 * until members join); stored here so that listing proposals costs no extra round trip
 * @param teamVersion version of the team document {@code teamSize} was taken from; an
 * older one never overwrites a newer one
 * @param partnerAgency the team's government partner agency, kept up to date by the teams
 * feature; a PRESIDENTIAL hackathon can require one before FINALIST
 * @param proposerAffiliation the organisation of a proposer without an account (entered
 * by an organizer or imported from CSV), for conflict-of-interest detection; null for a
 * user proposer, whose account's affiliations count instead
 * @param contacts how to reach the team besides the channel ({@code @handle}, an email
 * address), as a 松後推坑 page lists them
 */
@Document("proposals")
// Versioned saves filter on {_id, version}; the embedded store uses an index only when it
// names exactly the query's
// fields, so without this one every save of a versioned document scans the collection.
@CompoundIndex(name = "id_version", def = "{'_id': 1, 'version': 1}", unique = true)
@CompoundIndex(name = "natural_key", def = "{'hackathonId': 1, 'normalizedTitle': 1, 'proposerKey': 1}", unique = true)
@CompoundIndex(name = "hackathon_created", def = "{'hackathonId': 1, 'createdAt': -1, '_id': -1}")
@CompoundIndex(name = "hackathon_status", def = "{'hackathonId': 1, 'status': 1}")
@CompoundIndex(name = "hackathon_tags", def = "{'hackathonId': 1, 'tags': 1}")
@CompoundIndex(name = "hackathon_needs", def = "{'hackathonId': 1, 'needKeys': 1}")
public record Proposal(@Id String id, String hackathonId, @Indexed @Nullable String projectId, LocalizedText title,
		LocalizedText summary, @Indexed String normalizedTitle, String proposerKey, @Nullable String proposerId,
		String proposerName, @Nullable String channel, @Indexed @Nullable String channelKey, List<String> tags,
		List<String> needs, List<String> needKeys, List<ProposalLink> links, @Indexed @Nullable String repositoryKey,
		@Nullable String searchText, ProposalStatus status, List<StatusChange> history, int teamSize,
		@Nullable Long teamVersion, @Nullable String partnerAgency, @Nullable String proposerAffiliation,
		List<String> contacts, Instant createdAt, @Nullable String createdBy, Instant updatedAt,
		@Version @Nullable Long version) {

	public Proposal {
		// Lists left out by a projection read as empty.
		tags = (tags != null) ? List.copyOf(tags) : List.of();
		needs = (needs != null) ? List.copyOf(needs) : List.of();
		needKeys = (needKeys != null) ? List.copyOf(needKeys) : List.of();
		links = (links != null) ? List.copyOf(links) : List.of();
		history = (history != null) ? List.copyOf(history) : List.of();
		contacts = (contacts != null) ? List.copyOf(contacts) : List.of();
	}

	/**
	 * A new proposal, its creation recorded as the first history entry. A user proposer
	 * is its team's first member (and lead) from the start, so {@code teamSize} starts at
	 * 1 for them, 0 for a proposal without a user proposer.
	 */
	static Proposal create(String id, String hackathonId, ProposalContent content, @Nullable String proposerId,
			String proposerName, StatusChange created, Instant now, @Nullable Long version) {
		return new Proposal(id, hackathonId, null, content.title(), content.summary(),
				Keys.title(content.title().primary()), Keys.title(proposerName), proposerId, proposerName,
				content.channel(), Keys.channel(content.channel()), content.tags(), content.needs(),
				content.needs().stream().map(Keys::skill).toList(), content.links(),
				Keys.repository(content.link(LinkType.REPOSITORY)), searchText(content, proposerName), created.to(),
				List.of(created), (proposerId != null) ? 1 : 0, null, null, null, content.contacts(), now, created.by(),
				now, version);
	}

	/**
	 * The key a CSV row is matched by: hackathon, normalised title, normalised proposer
	 * name.
	 */
	static String naturalKey(String normalizedTitle, String proposerKey) {
		return normalizedTitle + '\u0000' + proposerKey;
	}

	String naturalKey() {
		return naturalKey(this.normalizedTitle, this.proposerKey);
	}

	ProposalContent content() {
		return new ProposalContent(this.title, this.summary, this.channel, this.tags, this.needs, this.links,
				this.contacts);
	}

	/**
	 * The summary in the language of the primary title: what the CSV {@code summary}
	 * column carries.
	 */
	@Nullable String primarySummary() {
		return this.title.primaryIsZhTW() ? this.summary.zhTW() : this.summary.en();
	}

	Proposal withContent(ProposalContent content, Instant now) {
		return new Proposal(this.id, this.hackathonId, this.projectId, content.title(), content.summary(),
				Keys.title(content.title().primary()), this.proposerKey, this.proposerId, this.proposerName,
				content.channel(), Keys.channel(content.channel()), content.tags(), content.needs(),
				content.needs().stream().map(Keys::skill).toList(), content.links(),
				Keys.repository(content.link(LinkType.REPOSITORY)), searchText(content, this.proposerName), this.status,
				this.history, this.teamSize, this.teamVersion, this.partnerAgency, this.proposerAffiliation,
				content.contacts(), this.createdAt, this.createdBy, now, this.version);
	}

	Proposal withStatus(StatusChange change, Instant now) {
		List<StatusChange> changed = new ArrayList<>(this.history);
		changed.add(change);
		return new Proposal(this.id, this.hackathonId, this.projectId, this.title, this.summary, this.normalizedTitle,
				this.proposerKey, this.proposerId, this.proposerName, this.channel, this.channelKey, this.tags,
				this.needs, this.needKeys, this.links, this.repositoryKey, this.searchText, change.to(), changed,
				this.teamSize, this.teamVersion, this.partnerAgency, this.proposerAffiliation, this.contacts,
				this.createdAt, this.createdBy, now, this.version);
	}

	Proposal withProject(@Nullable String projectId, Instant now) {
		return new Proposal(this.id, this.hackathonId, projectId, this.title, this.summary, this.normalizedTitle,
				this.proposerKey, this.proposerId, this.proposerName, this.channel, this.channelKey, this.tags,
				this.needs, this.needKeys, this.links, this.repositoryKey, this.searchText, this.status, this.history,
				this.teamSize, this.teamVersion, this.partnerAgency, this.proposerAffiliation, this.contacts,
				this.createdAt, this.createdBy, now, this.version);
	}

	/**
	 * The proposal with its proposer's organisation (a proposer without an account only).
	 */
	Proposal withProposerAffiliation(@Nullable String affiliation, Instant now) {
		return new Proposal(this.id, this.hackathonId, this.projectId, this.title, this.summary, this.normalizedTitle,
				this.proposerKey, this.proposerId, this.proposerName, this.channel, this.channelKey, this.tags,
				this.needs, this.needKeys, this.links, this.repositoryKey, this.searchText, this.status, this.history,
				this.teamSize, this.teamVersion, this.partnerAgency, affiliation, this.contacts, this.createdAt,
				this.createdBy, now, this.version);
	}

	private static String searchText(ProposalContent content, String proposerName) {
		return Stream
			.of(content.title().zhTW(), content.title().en(), content.summary().zhTW(), content.summary().en(),
					proposerName)
			.filter((text) -> text != null)
			.map(Keys::search)
			.collect(Collectors.joining("\n"));
	}

}
