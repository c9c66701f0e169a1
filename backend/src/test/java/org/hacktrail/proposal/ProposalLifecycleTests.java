package org.hacktrail.proposal;

import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.hacktrail.platform.DomainException;
import org.hacktrail.platform.ErrorCode;
import org.hacktrail.proposal.ProposalLifecycle.Actor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hacktrail.proposal.ProposalStatus.DRAFT;
import static org.hacktrail.proposal.ProposalStatus.FINALIST;
import static org.hacktrail.proposal.ProposalStatus.IN_REVIEW;
import static org.hacktrail.proposal.ProposalStatus.NOT_SELECTED;
import static org.hacktrail.proposal.ProposalStatus.NOT_SHORTLISTED;
import static org.hacktrail.proposal.ProposalStatus.OUTSTANDING;
import static org.hacktrail.proposal.ProposalStatus.PITCHED;
import static org.hacktrail.proposal.ProposalStatus.SHORTLISTED;
import static org.hacktrail.proposal.ProposalStatus.SUBMITTED;
import static org.hacktrail.proposal.ProposalStatus.TEAM_FORMING;
import static org.hacktrail.proposal.ProposalStatus.WITHDRAWN;

/**
 * The lifecycle table on its own: every allowed move with its actors, and every other
 * move refused.
 */
class ProposalLifecycleTests {

	/**
	 * The table as documented in {@link ProposalLifecycle}: from>to:actors[:reason-from].
	 */
	static final Set<String> EXPECTED = Set.of("DRAFT>SUBMITTED:ORGANIZER,PROPOSER", "SUBMITTED>PITCHED:ORGANIZER",
			"SUBMITTED>TEAM_FORMING:ORGANIZER,SYSTEM", "SUBMITTED>IN_REVIEW:ORGANIZER,SYSTEM",
			"PITCHED>TEAM_FORMING:ORGANIZER,SYSTEM", "PITCHED>HACKING:ORGANIZER", "PITCHED>IN_REVIEW:ORGANIZER,SYSTEM",
			"TEAM_FORMING>HACKING:ORGANIZER,SYSTEM", "TEAM_FORMING>IN_REVIEW:ORGANIZER,SYSTEM",
			"HACKING>IN_REVIEW:ORGANIZER,SYSTEM", "IN_REVIEW>SHORTLISTED:ORGANIZER,SYSTEM",
			"IN_REVIEW>NOT_SHORTLISTED:ORGANIZER,SYSTEM", "SHORTLISTED>IN_REVIEW:ORGANIZER,SYSTEM",
			"SHORTLISTED>FINALIST:ORGANIZER,SYSTEM", "NOT_SHORTLISTED>IN_REVIEW:ORGANIZER:ORGANIZER",
			"FINALIST>OUTSTANDING:SYSTEM", "FINALIST>NOT_SELECTED:SYSTEM",
			"DRAFT>WITHDRAWN:ORGANIZER,PROPOSER:ORGANIZER", "SUBMITTED>WITHDRAWN:ORGANIZER,PROPOSER:ORGANIZER",
			"PITCHED>WITHDRAWN:ORGANIZER,PROPOSER:ORGANIZER", "TEAM_FORMING>WITHDRAWN:ORGANIZER,PROPOSER:ORGANIZER",
			"HACKING>WITHDRAWN:ORGANIZER,PROPOSER:ORGANIZER", "IN_REVIEW>WITHDRAWN:ORGANIZER,PROPOSER:ORGANIZER",
			"SHORTLISTED>WITHDRAWN:ORGANIZER,PROPOSER:ORGANIZER",
			"NOT_SHORTLISTED>WITHDRAWN:ORGANIZER,PROPOSER:ORGANIZER",
			"FINALIST>WITHDRAWN:ORGANIZER,PROPOSER:ORGANIZER");

	@Test
	void theTableIsExactlyTheDocumentedOne() {
		Set<String> actual = ProposalLifecycle.rules().stream().map((rule) -> {
			String actors = new TreeSet<>(rule.actors().stream().map(Enum::name).toList()).stream()
				.collect(Collectors.joining(","));
			String reason = new TreeSet<>(rule.reasonRequiredFrom().stream().map(Enum::name).toList()).stream()
				.collect(Collectors.joining(","));
			return rule.from() + ">" + rule.to() + ":" + actors + (reason.isEmpty() ? "" : ":" + reason);
		}).collect(Collectors.toSet());
		assertThat(actual).isEqualTo(EXPECTED);
	}

	@ParameterizedTest
	@EnumSource(ProposalStatus.class)
	void everyMoveOutsideTheTableIsBadUserInputNamingFromAndTo(ProposalStatus from) {
		for (ProposalStatus to : ProposalStatus.values()) {
			if (ProposalLifecycle.rule(from, to).isPresent()) {
				continue;
			}
			for (Actor actor : Actor.values()) {
				DomainException ex = catchThrowableOfType(DomainException.class,
						() -> ProposalLifecycle.check(from, to, actor, "because"));
				assertThat(ex).as(from + " -> " + to + " by " + actor).isNotNull();
				assertThat(ex.code()).isEqualTo(ErrorCode.BAD_USER_INPUT);
				assertThat(ex.details()).containsEntry("from", from.name()).containsEntry("to", to.name());
				assertThat(ex.getMessage()).contains(from.name()).contains(to.name());
			}
		}
	}

	@Test
	void aStatusCannotMoveToItself() {
		for (ProposalStatus status : ProposalStatus.values()) {
			assertThat(ProposalLifecycle.rule(status, status)).isEmpty();
		}
	}

	@Test
	void theProposerMaySubmitAndWithdrawOnly() {
		for (ProposalStatus from : ProposalStatus.values()) {
			Set<ProposalStatus> targets = ProposalLifecycle.targets(from, Actor.PROPOSER);
			Set<ProposalStatus> expected = EnumSet.noneOf(ProposalStatus.class);
			if (from == DRAFT) {
				expected.add(SUBMITTED);
			}
			if (ProposalLifecycle.rule(from, WITHDRAWN).isPresent()) {
				expected.add(WITHDRAWN);
			}
			assertThat(targets).as("proposer from " + from).isEqualTo(expected);
		}
	}

	@Test
	void aProposerMovingWhereOnlyOrganizersMayIsForbidden() {
		DomainException ex = catchThrowableOfType(DomainException.class,
				() -> ProposalLifecycle.check(SUBMITTED, PITCHED, Actor.PROPOSER, null));
		assertThat(ex.code()).isEqualTo(ErrorCode.FORBIDDEN);
		assertThat(ex.getMessage()).contains("organizers").contains("SUBMITTED").contains("PITCHED");
	}

	@Test
	void onlyPublishingResultsSetsOutstandingOrNotSelected() {
		for (ProposalStatus to : Set.of(OUTSTANDING, NOT_SELECTED)) {
			DomainException ex = catchThrowableOfType(DomainException.class,
					() -> ProposalLifecycle.check(FINALIST, to, Actor.ORGANIZER, "we like it"));
			assertThat(ex.code()).isEqualTo(ErrorCode.FORBIDDEN);
			assertThat(ex.getMessage()).contains("publishing the results");
			assertThat(ProposalLifecycle.check(FINALIST, to, Actor.SYSTEM, null).to()).isEqualTo(to);
		}
	}

	@Test
	void theTeamsFeatureMovesSubmittedOrPitchedProposalsToTeamForming() {
		assertThat(ProposalLifecycle.check(SUBMITTED, TEAM_FORMING, Actor.SYSTEM, null)).isNotNull();
		assertThat(ProposalLifecycle.check(PITCHED, TEAM_FORMING, Actor.SYSTEM, null)).isNotNull();
		assertThatThrownBy(() -> ProposalLifecycle.check(DRAFT, TEAM_FORMING, Actor.SYSTEM, null))
			.isInstanceOf(DomainException.class)
			.extracting((ex) -> ((DomainException) ex).code())
			.isEqualTo(ErrorCode.BAD_USER_INPUT);
	}

	@Test
	void organizersWithdrawingOrReopeningMustGiveAReason() {
		DomainException withdraw = catchThrowableOfType(DomainException.class,
				() -> ProposalLifecycle.check(PITCHED, WITHDRAWN, Actor.ORGANIZER, " "));
		assertThat(withdraw.code()).isEqualTo(ErrorCode.BAD_USER_INPUT);
		assertThat(withdraw.details()).containsEntry("field", "reason");
		assertThat(ProposalLifecycle.check(PITCHED, WITHDRAWN, Actor.PROPOSER, null)).isNotNull();
		assertThat(ProposalLifecycle.check(PITCHED, WITHDRAWN, Actor.ORGANIZER, "duplicate entry")).isNotNull();

		DomainException reopen = catchThrowableOfType(DomainException.class,
				() -> ProposalLifecycle.check(NOT_SHORTLISTED, IN_REVIEW, Actor.ORGANIZER, null));
		assertThat(reopen.details()).containsEntry("field", "reason");
		assertThat(ProposalLifecycle.check(NOT_SHORTLISTED, IN_REVIEW, Actor.ORGANIZER, "score entry error"))
			.isNotNull();
	}

	@Test
	void theShortlistOfOneRoundIsTheCandidateListOfTheNext() {
		assertThat(ProposalLifecycle.targets(SHORTLISTED)).contains(IN_REVIEW, FINALIST);
	}

	@Test
	void finalStatusesDoNotMove() {
		for (ProposalStatus status : Set.of(OUTSTANDING, NOT_SELECTED, WITHDRAWN)) {
			assertThat(ProposalLifecycle.targets(status)).as(status.name()).isEmpty();
			DomainException ex = catchThrowableOfType(DomainException.class,
					() -> ProposalLifecycle.check(status, DRAFT, Actor.ORGANIZER, "x"));
			assertThat(ex.getMessage()).contains("final");
		}
	}

	@Test
	void theErrorListsWhereTheProposalCanGoInstead() {
		DomainException ex = catchThrowableOfType(DomainException.class,
				() -> ProposalLifecycle.check(SUBMITTED, FINALIST, Actor.ORGANIZER, null));
		assertThat(ex.getMessage()).contains("PITCHED").contains("TEAM_FORMING").contains("IN_REVIEW");
		assertThat(ex.details().get("allowed")).asList().contains("PITCHED", "WITHDRAWN");
	}

	@Test
	void everyStatusButTheFinalOnesCanBeWithdrawn() {
		for (ProposalStatus status : ProposalStatus.values()) {
			boolean terminal = Set.of(OUTSTANDING, NOT_SELECTED, WITHDRAWN).contains(status);
			assertThat(ProposalLifecycle.rule(status, WITHDRAWN).isPresent()).as(status.name()).isEqualTo(!terminal);
		}
		assertThat(ProposalLifecycle.targets(SHORTLISTED, Actor.SYSTEM)).doesNotContain(WITHDRAWN);
	}

}
