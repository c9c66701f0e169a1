package org.hacktrail.followup;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

import org.hacktrail.platform.batch.IdBucketItemReader;
import org.hacktrail.platform.batch.JobRunner;
import org.hacktrail.proposal.ProjectFacts;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The projects whose repository the activity check asks about: projects with a repository
 * on a configured host, not checked within {@code minInterval} (unless {@code force}),
 * least recently checked first (never checked before all), at most {@link #MAX_PER_RUN}
 * of them.
 *
 * <p>
 * When opened, it reads every project with a repository bucket by bucket
 * ({@link ProjectFacts}), with the time each was last checked ({@code $in} on the
 * follow-up documents' {@code _id}, per bucket), and keeps only the {@link #MAX_PER_RUN}
 * least recently checked: memory does not grow with the number of projects, and the
 * projects left over are the most recently checked, for the next run. It reads nothing
 * when the API said no request is allowed before a time still to come, and stops reading
 * once a rate limit stopped the step ({@link ActivityRateLimit}).
 */
class ActivityCheckReader implements ItemStreamReader<ActivityCheckReader.Target> {

	/**
	 * Projects one run checks at most: twice what GitHub allows a token in an hour (5,000
	 * requests), so a run is stopped by the rate limit before it runs out of projects.
	 */
	static final int MAX_PER_RUN = 10_000;

	/** A project to check: its repository, as owner and name on the API. */
	record Target(String projectId, String repositoryUrl, String owner, String repo) {
	}

	private record Candidate(Target target, Instant lastChecked) {
	}

	private static final Comparator<Candidate> LEAST_RECENTLY_CHECKED = Comparator.comparing(Candidate::lastChecked)
		.thenComparing((c) -> c.target().projectId());

	private final MongoTemplate mongo;

	private final ProjectFacts projects;

	private final RepositoryActivityClient client;

	private final ActivitySettings settings;

	private final Clock clock;

	private final boolean forced;

	private List<Target> targets = List.of();

	private long candidates;

	private int position;

	ActivityCheckReader(MongoTemplate mongo, ProjectFacts projects, RepositoryActivityClient client,
			ActivitySettings settings, Clock clock, boolean forced) {
		this.mongo = mongo;
		this.projects = projects;
		this.client = client;
		this.settings = settings;
		this.clock = clock;
		this.forced = forced;
	}

	@Override
	public void open(ExecutionContext context) {
		Instant now = this.clock.instant();
		ActivityCheckState state = this.mongo.findById(ActivityCheckState.ID, ActivityCheckState.class);
		if (state != null && state.blockedUntil() != null && state.blockedUntil().isAfter(now)) {
			// The API said no more requests until then: this run checks nothing.
			ActivityRateLimit.stop(new RepositoryActivityClient.Result.RateLimited(state.blockedUntil(),
					"The repository API is rate-limited until " + state.blockedUntil() + "."));
			return;
		}
		Instant recent = now.minus(this.settings.minInterval());
		// The most recently checked of those kept on top, to be dropped first when a less
		// recent one comes.
		PriorityQueue<Candidate> kept = new PriorityQueue<>(LEAST_RECENTLY_CHECKED.reversed());
		Iterator<ProjectFacts.Listing> projects = this.projects.inIdOrder(null, IdBucketItemReader.LIMIT);
		List<Target> bucket = new ArrayList<>();
		while (projects.hasNext()) {
			ProjectFacts.Listing project = projects.next();
			String url = project.repositoryUrl();
			Optional<String[]> repository = this.client.repository(url);
			if (repository.isPresent()) {
				bucket.add(new Target(project.id(), url, repository.get()[0], repository.get()[1]));
			}
			if (bucket.size() == 1_000) {
				keep(bucket, recent, kept);
			}
		}
		keep(bucket, recent, kept);
		List<Candidate> sorted = new ArrayList<>(kept);
		sorted.sort(LEAST_RECENTLY_CHECKED);
		this.targets = sorted.stream().map(Candidate::target).toList();
		this.position = 0;
		JobRunner.reportTotal(this.candidates);
	}

	/**
	 * Adds the targets due for a check to those kept, with when each was last checked;
	 * empties the list.
	 */
	private void keep(List<Target> targets, Instant recent, PriorityQueue<Candidate> kept) {
		if (targets.isEmpty()) {
			return;
		}
		Query query = new Query(Criteria.where("_id").in(targets.stream().map(Target::projectId).toList()));
		query.fields().include("activityCheckedAt");
		Map<String, Instant> checked = new HashMap<>();
		for (ProjectFollowUp followUp : this.mongo.find(query, ProjectFollowUp.class)) {
			if (followUp.activityCheckedAt() != null) {
				checked.put(followUp.id(), followUp.activityCheckedAt());
			}
		}
		for (Target target : targets) {
			Instant last = checked.get(target.projectId());
			if (this.forced || last == null || last.isBefore(recent)) {
				this.candidates++;
				kept.add(new Candidate(target, (last != null) ? last : Instant.EPOCH));
				if (kept.size() > MAX_PER_RUN) {
					kept.poll();
				}
			}
		}
		targets.clear();
	}

	@Override
	public @Nullable Target read() {
		if (ActivityRateLimit.stoppedBy() != null || this.position >= this.targets.size()) {
			ActivityRateLimit.left(Math.max(0, this.candidates - this.position));
			return null;
		}
		return this.targets.get(this.position++);
	}

}
