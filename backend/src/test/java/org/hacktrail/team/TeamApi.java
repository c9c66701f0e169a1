package org.hacktrail.team;

import java.util.List;
import java.util.UUID;

import org.hacktrail.support.Http;
import org.hacktrail.support.TestAccounts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GraphQL calls the team tests make, in one place, so that each test reads as the
 * rule it proves. Every call takes the account it is made as (null: anonymous).
 */
final class TeamApi {

	static final String TEAM_FIELDS = """
			id size version viewerCanManage lateMembersAllowed
			members { userId displayName role affiliation joinedVia position { id skill } }
			positions { id skill role count filled openings }
			openPositions { id skill openings }
			joinRequests { id requesterId requesterName message status decisionNote position { id } }
			invitations { id inviteeId message status role }
			partnerAgency { name department }""";

	static final String[] PHASES = { "DRAFT", "OPEN_FOR_PROPOSALS", "PITCHING", "HACKING", "JUDGING",
			"RESULTS_PUBLISHED", "FOLLOW_UP", "ARCHIVED" };

	private final Http http;

	private final TestAccounts.Account organizer;

	TeamApi(Http http, TestAccounts.Account organizer) {
		this.http = http;
		this.organizer = organizer;
	}

	/** A hackathon of a kind (its default team rule), opened for proposals. */
	Hackathon hackathon(String kind) {
		return hackathon(kind, null);
	}

	/** A hackathon whose one-team rule is given explicitly (null: the kind's default). */
	Hackathon hackathon(String kind, Boolean allowMultipleTeams) {
		String slug = "tm-" + UUID.randomUUID().toString().substring(0, 8);
		ObjectNode input = Http.json().put("slug", slug).put("kind", kind).put("timeZone", "Asia/Taipei");
		input.put("startsAt", "2026-11-28T09:00:00+08:00").put("endsAt", "2026-11-29T18:00:00+08:00");
		input.putObject("name").put("zhTW", "組隊測試").put("en", "Team test");
		if (allowMultipleTeams != null) {
			input.put("allowMultipleTeams", allowMultipleTeams);
		}
		ObjectNode variables = Http.json();
		variables.set("input", input);
		JsonNode created = ok(this.http.graphql(
				"mutation($input: CreateHackathonInput!) { createHackathon(input: $input) { hackathon { id } } }",
				variables, this.organizer.headers()));
		Hackathon hackathon = new Hackathon(created.path("createHackathon").path("hackathon").path("id").asString(),
				slug);
		moveTo(hackathon, "OPEN_FOR_PROPOSALS", "DRAFT");
		return hackathon;
	}

	record Hackathon(String id, String slug) {
	}

	/** Moves a hackathon forward, phase by phase, from {@code from} to {@code to}. */
	void moveTo(Hackathon hackathon, String to, String from) {
		boolean moving = false;
		for (int i = 1; i < PHASES.length; i++) {
			moving = moving || PHASES[i - 1].equals(from);
			if (moving) {
				ObjectNode variables = Http.json();
				variables.putObject("input").put("hackathonId", hackathon.id()).put("to", PHASES[i]);
				ok(this.http.graphql("mutation($input: ChangeHackathonPhaseInput!) { changeHackathonPhase(input: "
						+ "$input) { hackathon { phase } } }", variables, this.organizer.headers()));
			}
			if (PHASES[i].equals(to)) {
				return;
			}
		}
	}

	/** A SUBMITTED proposal by {@code proposer}; returns its id. */
	String proposal(Hackathon hackathon, String title, TestAccounts.Account proposer, String... needs) {
		String id = draft(hackathon, title, proposer, needs);
		transition(id, "SUBMITTED", proposer);
		return id;
	}

	String draft(Hackathon hackathon, String title, TestAccounts.Account proposer, String... needs) {
		ObjectNode input = Http.json().put("hackathonSlug", hackathon.slug());
		input.putObject("title").put("en", title);
		input.set("needs", array(needs));
		ObjectNode variables = Http.json();
		variables.set("input", input);
		return ok(call("mutation($input: CreateProposalInput!) { createProposal(input: $input) { proposal { id } } }",
				variables, proposer))
			.path("createProposal")
			.path("proposal")
			.path("id")
			.asString();
	}

	/**
	 * A proposal an organizer entered for a person without an account (like an imported
	 * one): no lead.
	 */
	String proposalWithoutProposer(Hackathon hackathon, String title) {
		ObjectNode input = Http.json().put("hackathonSlug", hackathon.slug()).put("proposerName", "王小明");
		input.putObject("title").put("en", title);
		ObjectNode variables = Http.json();
		variables.set("input", input);
		String id = ok(
				call("mutation($input: CreateProposalInput!) { createProposal(input: $input) { proposal { id } } }",
						variables, this.organizer))
			.path("createProposal")
			.path("proposal")
			.path("id")
			.asString();
		transition(id, "SUBMITTED", this.organizer);
		return id;
	}

	JsonNode transition(String proposalId, String to, TestAccounts.Account as) {
		return transition(proposalId, to, null, as);
	}

	JsonNode transition(String proposalId, String to, String reason, TestAccounts.Account as) {
		ObjectNode variables = Http.json();
		ObjectNode input = variables.putObject("input").put("proposalId", proposalId).put("to", to);
		if (reason != null) {
			input.put("reason", reason);
		}
		return ok(call("mutation($input: TransitionProposalInput!) { transitionProposal(input: $input) { proposal { "
				+ "status } } }", variables, as));
	}

	Http.GraphQlResult transitionResult(String proposalId, String to, TestAccounts.Account as) {
		ObjectNode variables = Http.json();
		variables.putObject("input").put("proposalId", proposalId).put("to", to);
		return call("mutation($input: TransitionProposalInput!) { transitionProposal(input: $input) { proposal { "
				+ "status } } }", variables, as);
	}

	/**
	 * The proposal with its status, history, team size and team, as {@code as} sees it.
	 */
	JsonNode proposalWithTeam(String proposalId, TestAccounts.Account as) {
		return ok(call("query($id: ID!) { proposal(id: $id) { id status teamSize history { from to by actor reason } "
				+ "team { " + TEAM_FIELDS + " } } }", Http.json().put("id", proposalId), as))
			.path("proposal");
	}

	JsonNode team(String proposalId, TestAccounts.Account as) {
		return ok(call("query($id: ID!) { team(proposalId: $id) { " + TEAM_FIELDS + " } }",
				Http.json().put("id", proposalId), as))
			.path("team");
	}

	// ---- mutations: each returns the raw result; the *Ok variants assert success and
	// return the payload

	Http.GraphQlResult mutate(String name, String inputType, ObjectNode input, String selection,
			TestAccounts.Account as) {
		ObjectNode variables = Http.json();
		variables.set("input", input);
		return call("mutation($input: " + inputType + "!) { " + name + "(input: $input) { " + selection + " } }",
				variables, as);
	}

	JsonNode mutateOk(String name, String inputType, ObjectNode input, String selection, TestAccounts.Account as) {
		return ok(mutate(name, inputType, input, selection, as)).path(name);
	}

	Http.GraphQlResult openPosition(String proposalId, String skill, String role, int count, TestAccounts.Account as) {
		ObjectNode input = Http.json().put("proposalId", proposalId).put("skill", skill).put("count", count);
		if (role != null) {
			input.put("role", role);
		}
		return mutate("openTeamPosition", "OpenTeamPositionInput", input, "position { id } team { id }", as);
	}

	String openPositionOk(String proposalId, String skill, String role, int count, TestAccounts.Account as) {
		return ok(openPosition(proposalId, skill, role, count, as)).path("openTeamPosition")
			.path("position")
			.path("id")
			.asString();
	}

	Http.GraphQlResult request(String proposalId, String positionId, String message, TestAccounts.Account as) {
		ObjectNode input = Http.json().put("proposalId", proposalId);
		if (positionId != null) {
			input.put("positionId", positionId);
		}
		if (message != null) {
			input.put("message", message);
		}
		return mutate("requestToJoinTeam", "RequestToJoinTeamInput", input,
				"joinRequest { id status message position { id } }", as);
	}

	String requestOk(String proposalId, String positionId, String message, TestAccounts.Account as) {
		return ok(request(proposalId, positionId, message, as)).path("requestToJoinTeam")
			.path("joinRequest")
			.path("id")
			.asString();
	}

	Http.GraphQlResult accept(String requestId, TestAccounts.Account as) {
		return mutate("acceptJoinRequest", "AcceptJoinRequestInput", Http.json().put("requestId", requestId),
				"joinRequest { id status } member { userId role position { id } } team { size }", as);
	}

	Http.GraphQlResult decline(String requestId, String note, TestAccounts.Account as) {
		ObjectNode input = Http.json().put("requestId", requestId);
		if (note != null) {
			input.put("note", note);
		}
		return mutate("declineJoinRequest", "DeclineJoinRequestInput", input, "joinRequest { id status decisionNote }",
				as);
	}

	Http.GraphQlResult withdrawRequest(String requestId, TestAccounts.Account as) {
		return mutate("withdrawJoinRequest", "WithdrawJoinRequestInput", Http.json().put("requestId", requestId),
				"joinRequest { id status }", as);
	}

	Http.GraphQlResult invite(String proposalId, String userId, String positionId, TestAccounts.Account as) {
		ObjectNode input = Http.json().put("proposalId", proposalId).put("userId", userId).put("message", "來吧");
		if (positionId != null) {
			input.put("positionId", positionId);
		}
		return mutate("inviteToTeam", "InviteToTeamInput", input, "invitation { id status role }", as);
	}

	String inviteOk(String proposalId, String userId, String positionId, TestAccounts.Account as) {
		return ok(invite(proposalId, userId, positionId, as)).path("inviteToTeam")
			.path("invitation")
			.path("id")
			.asString();
	}

	Http.GraphQlResult acceptInvitation(String invitationId, TestAccounts.Account as) {
		return mutate("acceptTeamInvitation", "AcceptTeamInvitationInput",
				Http.json().put("invitationId", invitationId), "invitation { status } member { userId role }", as);
	}

	Http.GraphQlResult declineInvitation(String invitationId, TestAccounts.Account as) {
		return mutate("declineTeamInvitation", "DeclineTeamInvitationInput",
				Http.json().put("invitationId", invitationId), "invitation { status }", as);
	}

	Http.GraphQlResult withdrawInvitation(String invitationId, TestAccounts.Account as) {
		return mutate("withdrawTeamInvitation", "WithdrawTeamInvitationInput",
				Http.json().put("invitationId", invitationId), "invitation { status }", as);
	}

	Http.GraphQlResult leave(String proposalId, String handOverTo, TestAccounts.Account as) {
		ObjectNode input = Http.json().put("proposalId", proposalId);
		if (handOverTo != null) {
			input.put("handOverTo", handOverTo);
		}
		return mutate("leaveTeam", "LeaveTeamInput", input, "team { size members { userId role } }", as);
	}

	Http.GraphQlResult remove(String proposalId, String userId, TestAccounts.Account as) {
		return mutate("removeTeamMember", "RemoveTeamMemberInput",
				Http.json().put("proposalId", proposalId).put("userId", userId).put("reason", "Inactive"),
				"team { size }", as);
	}

	Http.GraphQlResult updateMember(String proposalId, String userId, String role, String affiliation,
			TestAccounts.Account as) {
		ObjectNode input = Http.json().put("proposalId", proposalId).put("userId", userId);
		if (role != null) {
			input.put("role", role);
		}
		if (affiliation != null) {
			input.put("affiliation", affiliation);
		}
		return mutate("updateTeamMember", "UpdateTeamMemberInput", input, "member { userId role affiliation }", as);
	}

	Http.GraphQlResult addMember(String proposalId, String userId, String role, TestAccounts.Account as) {
		return mutate("addTeamMember", "AddTeamMemberInput",
				Http.json().put("proposalId", proposalId).put("userId", userId).put("role", role),
				"member { userId role joinedVia } team { size }", as);
	}

	Http.GraphQlResult setPartner(String proposalId, String name, String department, TestAccounts.Account as) {
		ObjectNode input = Http.json().put("proposalId", proposalId);
		if (name != null) {
			input.putObject("partnerAgency").put("name", name).put("department", department);
		}
		return mutate("setTeamPartnerAgency", "SetTeamPartnerAgencyInput", input,
				"team { partnerAgency { name department } }", as);
	}

	Http.GraphQlResult allowLate(String proposalId, boolean allowed, String reason, TestAccounts.Account as) {
		ObjectNode input = Http.json().put("proposalId", proposalId).put("allowed", allowed);
		if (reason != null) {
			input.put("reason", reason);
		}
		return mutate("allowLateTeamMembers", "AllowLateTeamMembersInput", input, "team { lateMembersAllowed }", as);
	}

	Http.GraphQlResult updatePosition(String proposalId, String positionId, int count, TestAccounts.Account as) {
		return mutate("updateTeamPosition", "UpdateTeamPositionInput",
				Http.json().put("proposalId", proposalId).put("positionId", positionId).put("count", count),
				"position { count openings }", as);
	}

	Http.GraphQlResult removePosition(String proposalId, String positionId, TestAccounts.Account as) {
		return mutate("removeTeamPosition", "RemoveTeamPositionInput",
				Http.json().put("proposalId", proposalId).put("positionId", positionId), "team { id }", as);
	}

	// ---- invitation links

	static final String LINK_FIELDS = "id message role position { id } status expired createdByName createdAt "
			+ "expiresAt usedByName usedAt decisionNote proposal { id }";

	Http.GraphQlResult createLink(String proposalId, String role, String positionId, String message,
			TestAccounts.Account as) {
		ObjectNode input = Http.json().put("proposalId", proposalId);
		if (role != null) {
			input.put("role", role);
		}
		if (positionId != null) {
			input.put("positionId", positionId);
		}
		if (message != null) {
			input.put("message", message);
		}
		return mutate("createTeamInviteLink", "CreateTeamInviteLinkInput", input,
				"token path link { " + LINK_FIELDS + " } team { id }", as);
	}

	/** A new link of the team, made by {@code as}: its id and token. */
	Link createLinkOk(String proposalId, TestAccounts.Account as) {
		JsonNode created = ok(createLink(proposalId, null, null, null, as)).path("createTeamInviteLink");
		return new Link(created.path("link").path("id").asString(), created.path("token").asString());
	}

	record Link(String id, String token) {
	}

	Http.GraphQlResult openLink(String token, TestAccounts.Account as) {
		return call("query($t: String!) { teamInviteLink(token: $t) { " + LINK_FIELDS + " } }",
				Http.json().put("t", token), as);
	}

	Http.GraphQlResult acceptLink(String token, String affiliation, TestAccounts.Account as) {
		ObjectNode input = Http.json().put("token", token);
		if (affiliation != null) {
			input.put("affiliation", affiliation);
		}
		return mutate("acceptTeamInviteLink", "AcceptTeamInviteLinkInput", input,
				"link { id status usedByName } member { userId role affiliation joinedVia position { id } } "
						+ "team { size }",
				as);
	}

	Http.GraphQlResult declineLink(String token, String note, TestAccounts.Account as) {
		ObjectNode input = Http.json().put("token", token);
		if (note != null) {
			input.put("note", note);
		}
		return mutate("declineTeamInviteLink", "DeclineTeamInviteLinkInput", input,
				"link { id status usedByName decisionNote }", as);
	}

	Http.GraphQlResult withdrawLink(String linkId, TestAccounts.Account as) {
		return mutate("withdrawTeamInviteLink", "WithdrawTeamInviteLinkInput", Http.json().put("linkId", linkId),
				"link { id status } team { id }", as);
	}

	/** The team's open links as {@code as} sees them. */
	JsonNode openLinks(String proposalId, TestAccounts.Account as) {
		return ok(call("query($id: ID!) { team(proposalId: $id) { openInviteLinks { " + LINK_FIELDS + " } } }",
				Http.json().put("id", proposalId), as))
			.path("team")
			.path("openInviteLinks");
	}

	// ---- plumbing

	Http.GraphQlResult call(String query, ObjectNode variables, TestAccounts.Account as) {
		return this.http.graphql(query, variables, (as != null) ? as.headers() : new String[0]);
	}

	static JsonNode ok(Http.GraphQlResult result) {
		assertThat(result.hasErrors()).as(result.body().toString()).isFalse();
		return result.data();
	}

	/**
	 * Asserts the call failed with {@code code}; returns the first error's extensions.
	 */
	static JsonNode fails(Http.GraphQlResult result, String code) {
		assertThat(result.errorCode()).as(result.body().toString()).isEqualTo(code);
		return result.body().path("errors").path(0).path("extensions");
	}

	static tools.jackson.databind.node.ArrayNode array(String... values) {
		tools.jackson.databind.node.ArrayNode array = Http.json().arrayNode();
		for (String value : values) {
			array.add(value);
		}
		return array;
	}

	static List<String> values(JsonNode nodes, String field) {
		return nodes.findValuesAsString(field);
	}

}
