package org.hacktrail.proposal;

import org.hacktrail.support.Http;
import org.hacktrail.support.TestAccounts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Continuity across editions: projects, linking proposals to them, and suggestions that
 * never link by themselves.
 */
class ProjectTests extends ProposalApiTestSupport {

	static final String LINK = """
			mutation($input: LinkProposalToProjectInput!) {
			  linkProposalToProject(input: $input) { proposal { id project { id name { zhTW en } repositoryUrl } } }
			}""";

	static final String SUGGESTIONS = """
			query($id: ID!) {
			  projectSuggestions(proposalId: $id) { project { id } reasons proposals { id } }
			}""";

	static final String PROJECT = """
			query($id: ID!) {
			  project(id: $id) { id name { zhTW en } repositoryUrl websiteUrl issueAreas { id } proposals { id } }
			}""";

	String propose(String slug, String title, String channel, String repository, TestAccounts.Account as) {
		ObjectNode input = ProposalApi.proposalInput(slug, null, title);
		if (channel != null) {
			input.put("channel", channel);
		}
		if (repository != null) {
			input.putArray("links").addObject().put("type", "REPOSITORY").put("url", repository);
		}
		input.set("tags", ProposalApi.array("open-government"));
		String id = this.api.createOk(input, as).path("id").asString();
		this.api.transitionOk(id, "SUBMITTED", null, as);
		return id;
	}

	Http.GraphQlResult link(String proposalId, String projectId, TestAccounts.Account as) {
		ObjectNode variables = Http.json();
		ObjectNode input = variables.putObject("input").put("proposalId", proposalId);
		if (projectId != null) {
			input.put("projectId", projectId);
		}
		return this.http.graphql(LINK, variables, (as != null) ? as.headers() : new String[0]);
	}

	JsonNode suggestions(String proposalId, TestAccounts.Account as) {
		Http.GraphQlResult result = this.http.graphql(SUGGESTIONS, Http.json().put("id", proposalId), as.headers());
		assertThat(result.hasErrors()).as(result.body().toString()).isFalse();
		return result.data().path("projectSuggestions");
	}

	@Test
	void aProjectKeepsItsProposalsAcrossHackathons() {
		String first = this.api.hackathon("COMMUNITY", "OPEN_FOR_PROPOSALS");
		String second = this.api.hackathon("COMMUNITY", "OPEN_FOR_PROPOSALS");
		// A channel of this test's own: the g0v pages other tests import in the same
		// context have proposals in #vtaiwan.
		String pitchA = propose(first, "vTaiwan", "#vtaiwan-project-tests", "https://github.com/g0v/vtaiwan.tw",
				this.alice);
		JsonNode started = link(pitchA, null, this.alice).data().path("linkProposalToProject").path("proposal");
		String projectId = started.path("project").path("id").asString();
		assertThat(started.path("project").path("name").path("en").asString()).isEqualTo("vTaiwan");
		assertThat(started.path("project").path("repositoryUrl").asString())
			.isEqualTo("https://github.com/g0v/vtaiwan.tw");

		// The next edition: same idea, spelled differently, same channel and repository
		// in another form.
		String pitchB = propose(second, "VTAIWAN!", "vTaiwan-Project-Tests",
				"http://www.github.com/g0v/vtaiwan.tw.git/", this.bob);
		JsonNode suggested = suggestions(pitchB, this.bob);
		assertThat(suggested).hasSize(1);
		assertThat(suggested.get(0).path("project").path("id").asString()).isEqualTo(projectId);
		assertThat(suggested.get(0).path("reasons").toString()).contains("SAME_TITLE")
			.contains("SAME_CHANNEL")
			.contains("SAME_REPOSITORY");
		assertThat(suggested.get(0).path("proposals").findValuesAsString("id")).containsExactly(pitchA);
		assertThat(this.api.get(pitchB, this.bob).path("project").isNull()).as("a suggestion links nothing").isTrue();

		assertThat(link(pitchB, projectId, this.bob).hasErrors()).isFalse();
		JsonNode project = this.http.graphql(PROJECT, Http.json().put("id", projectId)).data().path("project");
		assertThat(project.path("proposals").findValuesAsString("id")).containsExactly(pitchA, pitchB);
		assertThat(project.path("issueAreas").findValuesAsString("id")).containsExactly("open-government");
		assertThat(suggestions(pitchB, this.bob)).as("its own project is not suggested").isEmpty();
	}

	@Test
	void matchingProposalsWithoutAProjectAreSuggestedToo() {
		String first = this.api.hackathon("COMMUNITY", "OPEN_FOR_PROPOSALS");
		String second = this.api.hackathon("COMMUNITY", "OPEN_FOR_PROPOSALS");
		String earlier = propose(first, "Disaster map", "#disaster", null, this.alice);
		String later = propose(second, "Another name", "#Disaster", null, this.alice);
		JsonNode suggested = suggestions(later, this.alice);
		assertThat(suggested).hasSize(1);
		assertThat(suggested.get(0).path("project").isNull()).isTrue();
		assertThat(suggested.get(0).path("reasons").toString()).isEqualTo("[\"SAME_CHANNEL\"]");
		assertThat(suggested.get(0).path("proposals").findValuesAsString("id")).containsExactly(earlier);
	}

	@Test
	void onlyTheProposerAndOrganizersLinkAndSeeSuggestions() {
		String slug = this.api.hackathon("COMMUNITY", "OPEN_FOR_PROPOSALS");
		String proposal = propose(slug, "Guarded", null, null, this.alice);
		assertThat(link(proposal, null, null).errorCode()).isEqualTo("UNAUTHENTICATED");
		assertThat(link(proposal, null, this.bob).errorCode()).isEqualTo("FORBIDDEN");
		Http.GraphQlResult bobSuggestions = this.http.graphql(SUGGESTIONS, Http.json().put("id", proposal),
				this.bob.headers());
		assertThat(bobSuggestions.errorCode()).isEqualTo("FORBIDDEN");
		assertThat(this.http.graphql(SUGGESTIONS, Http.json().put("id", proposal)).errorCode())
			.isEqualTo("UNAUTHENTICATED");
		assertThat(link(proposal, null, this.organizer).hasErrors()).isFalse();
		assertThat(link(proposal, "no-such-project", this.alice).errorCode()).isEqualTo("NOT_FOUND");
	}

	@Test
	void projectsAreChangedByTheirPeopleOnly() {
		String slug = this.api.hackathon("COMMUNITY", "OPEN_FOR_PROPOSALS");
		String proposal = propose(slug, "Editable project", null, null, this.alice);
		String projectId = link(proposal, null, this.alice).data()
			.path("linkProposalToProject")
			.path("proposal")
			.path("project")
			.path("id")
			.asString();
		String mutation = """
				mutation($input: UpdateProjectInput!) { updateProject(input: $input) { project { websiteUrl } } }""";
		ObjectNode variables = Http.json();
		variables.putObject("input").put("id", projectId).put("websiteUrl", "https://project.example");
		assertThat(this.http.graphql(mutation, variables, this.bob.headers()).errorCode()).isEqualTo("FORBIDDEN");
		Http.GraphQlResult byAlice = this.http.graphql(mutation, variables, this.alice.headers());
		assertThat(byAlice.data().path("updateProject").path("project").path("websiteUrl").asString())
			.isEqualTo("https://project.example");
		((ObjectNode) variables.get("input")).put("websiteUrl", "file:///etc/passwd");
		assertThat(this.http.graphql(mutation, variables, this.organizer.headers()).errorCode())
			.isEqualTo("BAD_USER_INPUT");
	}

	@Test
	void aProjectIsHiddenWhileAllItsProposalsAre() {
		String slug = this.api.hackathon("COMMUNITY", "OPEN_FOR_PROPOSALS");
		String id = this.api.createOk(ProposalApi.proposalInput(slug, null, "Secret project"), this.alice)
			.path("id")
			.asString();
		String projectId = link(id, null, this.alice).data()
			.path("linkProposalToProject")
			.path("proposal")
			.path("project")
			.path("id")
			.asString();
		assertThat(this.http.graphql(PROJECT, Http.json().put("id", projectId)).data().path("project").isNull())
			.isTrue();
		assertThat(this.http.graphql(PROJECT, Http.json().put("id", projectId), this.alice.headers())
			.data()
			.path("project")
			.path("proposals")).hasSize(1);
		this.api.transitionOk(id, "SUBMITTED", null, this.alice);
		assertThat(
				this.http.graphql(PROJECT, Http.json().put("id", projectId)).data().path("project").path("proposals"))
			.hasSize(1);
	}

	@Test
	void unlinkingRemovesTheProposalFromTheProject() {
		String slug = this.api.hackathon("COMMUNITY", "OPEN_FOR_PROPOSALS");
		String proposal = propose(slug, "Unlink me", null, null, this.alice);
		String projectId = link(proposal, null, this.alice).data()
			.path("linkProposalToProject")
			.path("proposal")
			.path("project")
			.path("id")
			.asString();
		ObjectNode variables = Http.json();
		variables.putObject("input").put("proposalId", proposal);
		Http.GraphQlResult result = this.http
			.graphql("mutation($input: UnlinkProposalFromProjectInput!) { unlinkProposalFromProject(input: $input) { "
					+ "proposal { project { id } } } }", variables, this.alice.headers());
		assertThat(result.data().path("unlinkProposalFromProject").path("proposal").path("project").isNull()).isTrue();
		assertThat(this.http.graphql(PROJECT, Http.json().put("id", projectId), this.organizer.headers())
			.data()
			.path("project")
			.path("proposals")).isEmpty();
	}

}
