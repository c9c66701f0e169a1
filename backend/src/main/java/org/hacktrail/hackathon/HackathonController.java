package org.hacktrail.hackathon;

import java.time.OffsetDateTime;
import java.util.List;

import org.hacktrail.identity.CurrentUser;
import org.hacktrail.identity.Role;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

/**
 * GraphQL for hackathons. Rules and security live in {@link HackathonService}.
 */
@Controller
class HackathonController {

	private final HackathonService hackathons;

	private final CurrentUser currentUser;

	HackathonController(HackathonService hackathons, CurrentUser currentUser) {
		this.hackathons = hackathons;
		this.currentUser = currentUser;
	}

	@QueryMapping
	@Nullable Hackathon hackathon(@Argument String slug) {
		return this.hackathons.findVisibleBySlug(slug).orElse(null);
	}

	@QueryMapping
	Window<Hackathon> hackathons(@Argument @Nullable HackathonKind kind, @Argument @Nullable HackathonPhase phase,
			@Argument @Nullable Integer year, @Argument @Nullable String search, ScrollSubrange subrange) {
		return this.hackathons.list(new HackathonService.ListFilter(kind, phase, year, search), subrange);
	}

	record HackathonPayload(Hackathon hackathon) {
	}

	record ChangeHackathonPhaseInput(String hackathonId, HackathonPhase to, @Nullable String reason,
			@Nullable Integer expectedVersion) {
	}

	record SetHackathonRoundsInput(String hackathonId, List<HackathonService.RoundInput> rounds,
			@Nullable Integer expectedVersion) {
	}

	@MutationMapping
	HackathonPayload createHackathon(@Argument HackathonService.CreateHackathonInput input) {
		return new HackathonPayload(this.hackathons.create(input));
	}

	@MutationMapping
	HackathonPayload updateHackathon(@Argument HackathonService.UpdateHackathonInput input) {
		return new HackathonPayload(this.hackathons.update(input));
	}

	@MutationMapping
	HackathonPayload changeHackathonPhase(@Argument ChangeHackathonPhaseInput input) {
		return new HackathonPayload(
				this.hackathons.changePhase(input.hackathonId(), input.to(), input.reason(), input.expectedVersion()));
	}

	@MutationMapping
	HackathonPayload setHackathonRounds(@Argument SetHackathonRoundsInput input) {
		return new HackathonPayload(
				this.hackathons.setRounds(input.hackathonId(), input.rounds(), input.expectedVersion()));
	}

	@SchemaMapping(typeName = "Hackathon")
	OffsetDateTime startsAt(Hackathon hackathon) {
		return hackathon.startsAt().atZone(hackathon.zone()).toOffsetDateTime();
	}

	@SchemaMapping(typeName = "Hackathon")
	OffsetDateTime endsAt(Hackathon hackathon) {
		return hackathon.endsAt().atZone(hackathon.zone()).toOffsetDateTime();
	}

	/** The planned deadlines, each with the offset of the hackathon's time zone. */
	record PlannedDeadlinesView(@Nullable OffsetDateTime proposalDeadline, @Nullable OffsetDateTime teamFormation,
			@Nullable OffsetDateTime judging) {
	}

	@SchemaMapping(typeName = "Hackathon")
	@Nullable PlannedDeadlinesView plannedDeadlines(Hackathon hackathon) {
		PlannedDeadlines deadlines = hackathon.plannedDeadlines();
		if (deadlines == null) {
			return null;
		}
		java.util.function.Function<java.time.@Nullable Instant, @Nullable OffsetDateTime> local = (at) -> (at != null)
				? at.atZone(hackathon.zone()).toOffsetDateTime() : null;
		return new PlannedDeadlinesView(local.apply(deadlines.proposalDeadline()),
				local.apply(deadlines.teamFormation()), local.apply(deadlines.judging()));
	}

	@SchemaMapping(typeName = "Hackathon")
	OffsetDateTime createdAt(Hackathon hackathon) {
		return hackathon.createdAt().atZone(hackathon.zone()).toOffsetDateTime();
	}

	@SchemaMapping(typeName = "Hackathon")
	OffsetDateTime updatedAt(Hackathon hackathon) {
		return hackathon.updatedAt().atZone(hackathon.zone()).toOffsetDateTime();
	}

	@SchemaMapping(typeName = "Hackathon")
	@Nullable List<PhaseChange> phaseHistory(Hackathon hackathon) {
		return this.currentUser.hasRole(Role.ORGANIZER) ? hackathon.phaseHistory() : null;
	}

}
