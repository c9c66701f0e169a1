package org.hacktrail.followup;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;

import org.hacktrail.identity.CurrentUser;
import org.hacktrail.identity.Role;
import org.hacktrail.platform.DomainException;
import org.hacktrail.proposal.Project;
import org.hacktrail.proposal.ProjectService;
import org.jspecify.annotations.Nullable;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The metadata updates a project's g0v.json proposes ({@link G0vJsonUpdates}), for
 * organizers and the project's team leads: they see the PENDING ones and accept or
 * dismiss each. Accepting applies exactly the proposed value to that one field
 * ({@link ProjectService#applyMetadata}), and only while the field still has the value
 * the update was proposed against (otherwise CONFLICT, nothing changed); accepting an
 * accepted update or dismissing a dismissed one changes nothing.
 */
@Service
class ProjectMetadataUpdateService {

	/** An update and the project after the decision. */
	record Decided(ProjectMetadataUpdate update, Project project) {
	}

	private final MongoTemplate mongo;

	private final ProjectService projects;

	private final ProjectTeamLeads leads;

	private final CurrentUser currentUser;

	private final Clock clock;

	ProjectMetadataUpdateService(MongoTemplate mongo, ProjectService projects, ProjectTeamLeads leads,
			CurrentUser currentUser, Clock clock) {
		this.mongo = mongo;
		this.projects = projects;
		this.leads = leads;
		this.currentUser = currentUser;
		this.clock = clock;
	}

	/**
	 * The project's PENDING updates, by field; null for callers who may not decide them.
	 */
	@Nullable List<ProjectMetadataUpdate> pending(String projectId) {
		if (!mayDecide(projectId)) {
			return null;
		}
		return this.mongo.find(new Query(Criteria.where("projectId").is(projectId)), ProjectMetadataUpdate.class)
			.stream()
			.filter((u) -> u.status() == ProjectMetadataUpdate.Status.PENDING)
			.sorted(Comparator.comparing(ProjectMetadataUpdate::field))
			.toList();
	}

	/**
	 * What the last check of the project's g0v.json found; null if none was ever read.
	 */
	@Nullable ProjectG0vJsonCheck check(String projectId) {
		return this.mongo.findById(projectId, ProjectG0vJsonCheck.class);
	}

	Decided accept(String updateId) {
		ProjectMetadataUpdate update = requireDecidable(updateId);
		if (update.status() == ProjectMetadataUpdate.Status.DISMISSED) {
			throw DomainException.conflict("This update was dismissed; it cannot be accepted any more.");
		}
		Project project = this.projects.applyMetadata(update.projectId(), update.field(), update.current(),
				update.proposed());
		return new Decided(decide(update, ProjectMetadataUpdate.Status.ACCEPTED), project);
	}

	Decided dismiss(String updateId) {
		ProjectMetadataUpdate update = requireDecidable(updateId);
		if (update.status() == ProjectMetadataUpdate.Status.ACCEPTED) {
			throw DomainException.conflict("This update was accepted; it cannot be dismissed any more.");
		}
		Project project = this.projects.findAllById(List.of(update.projectId()))
			.stream()
			.findFirst()
			.orElseThrow(() -> notFound(updateId));
		return new Decided(decide(update, ProjectMetadataUpdate.Status.DISMISSED), project);
	}

	/**
	 * Marks a PENDING update decided, if it is still the same update (a check may have
	 * replaced it meanwhile); an update already so decided is returned as it is.
	 */
	private ProjectMetadataUpdate decide(ProjectMetadataUpdate update, ProjectMetadataUpdate.Status to) {
		if (update.status() == to) {
			return update;
		}
		ProjectMetadataUpdate decided = this.mongo.findAndModify(
				new Query(Criteria.where("_id")
					.is(update.id())
					.and("status")
					.is(ProjectMetadataUpdate.Status.PENDING.name())
					.and("proposed")
					.is(update.proposed())),
				new Update().set("status", to.name())
					.set("decidedAt", this.clock.instant())
					.set("decidedBy", this.currentUser.requireId()),
				FindAndModifyOptions.options().returnNew(true), ProjectMetadataUpdate.class);
		if (decided == null) {
			throw DomainException.conflict("This update changed while you decided (the activity check read a newer "
					+ "g0v.json, or someone else decided it); look at it again.");
		}
		return decided;
	}

	private ProjectMetadataUpdate requireDecidable(String updateId) {
		String me = this.currentUser.requireId();
		ProjectMetadataUpdate update = this.mongo.findById(updateId, ProjectMetadataUpdate.class);
		if (update == null) {
			throw notFound(updateId);
		}
		if (!this.currentUser.hasRole(Role.ORGANIZER) && !this.leads.leadsOf(update.projectId()).contains(me)) {
			throw DomainException
				.forbidden("Only organizers and the project's team leads accept or dismiss its metadata updates.");
		}
		return update;
	}

	private boolean mayDecide(String projectId) {
		if (this.currentUser.hasRole(Role.ORGANIZER)) {
			return true;
		}
		String me = this.currentUser.id().orElse(null);
		return me != null && this.leads.leadsOf(projectId).contains(me);
	}

	private static DomainException notFound(String updateId) {
		return DomainException.notFound("There is no metadata update with the id '" + updateId + "'.");
	}

}
