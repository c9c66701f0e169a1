package org.hacktrail.followup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hacktrail.hackathon.HackathonKind;
import org.hacktrail.proposal.ProposalStatus;
import org.jspecify.annotations.Nullable;

/**
 * The tables of the open-data package and their Table Schemas: the one place that names
 * each file's columns, in order, with type, format, constraints and a description in
 * English and in Traditional Chinese. The CSV files are written with these columns and
 * {@code datapackage.json} describes them from here, so the two cannot disagree.
 *
 * <p>
 * Bilingual text: the Frictionless properties {@code title} and {@code description} are
 * in English (what generic tools show), and the custom properties {@code title_zh_tw} and
 * {@code description_zh_tw} carry the same text in Traditional Chinese (zh-TW).
 */
final class OpenDataTables {

	/** An address as Hacktrail accepts it: http or https. */
	static final String URL_PATTERN = "https?://\\S+";

	private OpenDataTables() {
	}

	/** One column: a Table Schema field. */
	record Column(String name, String type, @Nullable String format, Map<String, Object> constraints,
			String description, String descriptionZh) {

		Map<String, Object> descriptor() {
			Map<String, Object> field = new LinkedHashMap<>();
			field.put("name", this.name);
			field.put("type", this.type);
			if (this.format != null) {
				field.put("format", this.format);
			}
			field.put("description", this.description);
			field.put("description_zh_tw", this.descriptionZh);
			if (!this.constraints.isEmpty()) {
				field.put("constraints", this.constraints);
			}
			return field;
		}

	}

	/** A foreign key: {@code column} holds a value of {@code resource.referenced}. */
	record ForeignKey(String column, String resource, String referenced) {
	}

	/**
	 * One file of the package.
	 *
	 * @param primaryKey its primary key's column, or columns separated by commas
	 */
	record Table(String name, String title, String titleZh, String description, String descriptionZh,
			List<Column> columns, String primaryKey, List<ForeignKey> foreignKeys) {

		String path() {
			return "data/" + this.name + ".csv";
		}

		List<String> header() {
			return this.columns.stream().map(Column::name).toList();
		}

	}

	private static Column column(String name, String type, String description, String descriptionZh,
			Object... constraints) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < constraints.length; i += 2) {
			map.put((String) constraints[i], constraints[i + 1]);
		}
		return new Column(name, type, null, map, description, descriptionZh);
	}

	private static Column id(String name, String description, String descriptionZh, boolean unique) {
		return unique ? column(name, "string", description, descriptionZh, "required", true, "unique", true)
				: column(name, "string", description, descriptionZh, "required", true);
	}

	private static Column date(String name, String description, String descriptionZh, boolean required) {
		Map<String, Object> constraints = required ? Map.of("required", true) : Map.of();
		return new Column(name, "date", "default", constraints, description, descriptionZh);
	}

	private static Column url(String name, String description, String descriptionZh) {
		return column(name, "string", description, descriptionZh, "pattern", URL_PATTERN);
	}

	private static List<String> names(Enum<?>[] values, Enum<?>... without) {
		List<String> names = new ArrayList<>();
		List<Enum<?>> left = Arrays.asList(without);
		for (Enum<?> value : values) {
			if (!left.contains(value)) {
				names.add(value.name());
			}
		}
		return names;
	}

	static final Table HACKATHONS = new Table("hackathons", "Hackathons", "黑客松場次",
			"Every hackathon edition whose results are published (or that is in follow-up or archived), with its "
					+ "first and last day.",
			"結果已公布（或進入後續追蹤、已封存）的每一場黑客松，含首日與最後一日。",
			List.of(id("hackathon_id", "Identifier of the hackathon edition.", "黑客松場次的識別碼。", true),
					column("slug", "string", "Short name of the edition in Hacktrail's addresses.", "場次在網址中的代稱。",
							"required", true, "unique", true),
					column("name_zh_tw", "string", "Name in Traditional Chinese (empty when it has none).",
							"中文名稱（沒有則空白）。"),
					column("name_en", "string", "Name in English (empty when it has none).", "英文名稱（沒有則空白）。"),
					column("kind", "string",
							"PRESIDENTIAL: a presidential-hackathon style competition; COMMUNITY: a community "
									+ "hackathon (g0v style); OTHER.",
							"PRESIDENTIAL：總統盃黑客松形式的競賽；COMMUNITY：社群黑客松（g0v 形式）；OTHER：其他。", "required", true, "enum",
							names(HackathonKind.values())),
					column("phase", "string", "RESULTS_PUBLISHED, FOLLOW_UP (outcomes are being followed) or ARCHIVED.",
							"RESULTS_PUBLISHED（已公布結果）、FOLLOW_UP（後續追蹤中）或 ARCHIVED（已封存）。", "required", true, "enum",
							List.of("RESULTS_PUBLISHED", "FOLLOW_UP", "ARCHIVED")),
					column("year", "integer", "Year of the first day.", "首日的年份。", "required", true),
					date("starts_on", "First day, in the hackathon's time zone (ISO 8601).", "首日，以該場次的時區計（ISO 8601）。",
							true),
					date("ends_on", "Last day, in the hackathon's time zone (ISO 8601).", "最後一日，以該場次的時區計（ISO 8601）。",
							true)),
			"hackathon_id", List.of());

	static final Table PROPOSALS = new Table("proposals", "Proposals", "提案",
			"Every published proposal: not a draft, at a hackathon in hackathons.csv; linked to a project or not.",
			"每一件公開的提案：非草稿、屬於 hackathons.csv 所列場次；不論是否已連結到專案。",
			List.of(id("proposal_id", "Identifier of the proposal.", "提案的識別碼。", true),
					id("hackathon_id", "The hackathon it was pitched at (hackathons.csv).",
							"提案所屬的黑客松場次（hackathons.csv）。", false),
					column("hackathon_slug", "string", "That hackathon's short name.", "該場次的代稱。", "required", true),
					column("project_id", "string",
							"The project it belongs to (projects.csv); empty when it is linked to none.",
							"所屬專案（projects.csv）；未連結專案則空白。"),
					column("title_zh_tw", "string", "Title in Traditional Chinese (empty when it has none).",
							"中文標題（沒有則空白）。"),
					column("title_en", "string", "Title in English (empty when it has none).", "英文標題（沒有則空白）。"),
					column("proposer", "string", "The proposer's name as shown on the proposal.", "提案上顯示的提案人名稱。",
							"required", true),
					column("status", "string",
							"Where it stands: SUBMITTED, PITCHED, TEAM_FORMING, HACKING, IN_REVIEW, SHORTLISTED, "
									+ "NOT_SHORTLISTED, FINALIST, OUTSTANDING, NOT_SELECTED or WITHDRAWN.",
							"目前狀態：SUBMITTED（已提交）、PITCHED（已發表）、TEAM_FORMING（組隊中）、HACKING（開發中）、IN_REVIEW（審查中）、"
									+ "SHORTLISTED（入圍）、NOT_SHORTLISTED（未入圍）、FINALIST（決選）、OUTSTANDING（卓越團隊）、"
									+ "NOT_SELECTED（未獲選）或 WITHDRAWN（已撤回）。",
							"required", true, "enum", names(ProposalStatus.values(), ProposalStatus.DRAFT)),
					column("award", "string", "OUTSTANDING for an outstanding team; empty otherwise (see awards.csv).",
							"獲選卓越團隊為 OUTSTANDING，否則空白（見 awards.csv）。", "enum", List.of("OUTSTANDING")),
					column("issue_areas", "string", "Issue areas (tag ids), separated by \";\".", "議題領域（標籤代碼），以「;」分隔。"),
					column("team_size", "integer", "Members of its team.", "團隊人數。", "required", true, "minimum", 0),
					column("team_formed", "boolean",
							"Funnel stage \"teams\": a team of more than one, or it was TEAM_FORMING.",
							"漏斗的「成隊」階段：團隊超過一人，或曾為 TEAM_FORMING。", "required", true),
					column("shortlisted", "boolean",
							"Funnel stage \"shortlisted\": it was SHORTLISTED, FINALIST, OUTSTANDING or NOT_SELECTED.",
							"漏斗的「入圍」階段：曾為 SHORTLISTED、FINALIST、OUTSTANDING 或 NOT_SELECTED。", "required", true)),
			"proposal_id", List.of(new ForeignKey("hackathon_id", "hackathons", "hackathon_id"),
					new ForeignKey("project_id", "projects", "project_id")));

	static final Table AWARDS = new Table("awards", "Awards", "獲獎",
			"The awards of published proposals: one row for each award track a proposal won (a proposal can win "
					+ "several).",
			"公開提案的獲獎紀錄：提案每獲得一個獎項（獎項類別）一列；一件提案可獲多個獎項。",
			List.of(id("proposal_id", "The awarded proposal (proposals.csv).", "獲獎的提案（proposals.csv）。", false),
					id("hackathon_id", "The hackathon (hackathons.csv).", "黑客松場次（hackathons.csv）。", false),
					column("hackathon_slug", "string", "That hackathon's short name.", "該場次的代稱。", "required", true),
					column("year", "integer", "Year of the hackathon's first day.", "該場次首日的年份。", "required", true),
					column("award", "string",
							"The kind of award: OUTSTANDING (the outstanding teams, the default track) or TRACK "
									+ "(another award track: a sponsor's, an agency's, a theme's).",
							"獎項種類：OUTSTANDING（卓越團隊，預設獎項）或 TRACK（其他獎項：贊助者獎、機關獎、主題獎）。", "required", true, "enum",
							List.of("OUTSTANDING", "TRACK")),
					column("track_id", "string",
							"The award track: the hackathon's id, a dot and the track's short name.",
							"獎項類別：場次識別碼、一個句點與獎項代稱。", "required", true),
					column("track_slug", "string", "The track's short name (outstanding for the outstanding teams).",
							"獎項代稱（卓越團隊為 outstanding）。", "required", true),
					column("track_name_zh_tw", "string", "The track's name in Traditional Chinese, as published.",
							"獎項的中文名稱（公布時）。"),
					column("track_name_en", "string", "The track's name in English, as published.", "獎項的英文名稱（公布時）。"),
					column("sponsor", "string", "Who gives the award (a sponsor or an agency); empty when not named.",
							"頒獎者（贊助者或機關）；未列名則空白。"),
					column("project_id", "string", "The proposal's project (projects.csv); empty when none.",
							"該提案的專案（projects.csv）；沒有則空白。"),
					column("title_zh_tw", "string", "The proposal's title in Traditional Chinese.", "提案的中文標題。"),
					column("title_en", "string", "The proposal's title in English.", "提案的英文標題。")),
			"proposal_id,track_id",
			List.of(new ForeignKey("proposal_id", "proposals", "proposal_id"),
					new ForeignKey("hackathon_id", "hackathons", "hackathon_id"),
					new ForeignKey("project_id", "projects", "project_id")));

	static final Table PROJECTS = new Table("projects", "Projects", "專案",
			"Every published project (at least one published proposal) with its public state, derived from its "
					+ "verified milestones only.",
			"每一個公開的專案（至少有一件公開提案），含其公開狀態（只依已查核的里程碑推導）。",
			List.of(id("project_id", "Identifier of the project.", "專案的識別碼。", true),
					column("name_zh_tw", "string", "Name in Traditional Chinese (empty when it has none).",
							"中文名稱（沒有則空白）。"),
					column("name_en", "string", "Name in English (empty when it has none).", "英文名稱（沒有則空白）。"),
					url("repository_url", "Its code repository (http or https address).", "程式碼庫網址（http 或 https）。"),
					url("website_url", "Its web site (http or https address).", "網站網址（http 或 https）。"),
					column("issue_areas", "string", "Issue areas (tag ids), separated by \";\".", "議題領域（標籤代碼），以「;」分隔。"),
					column("state", "string",
							"Public state: INTEGRATED, ADOPTED or FUNDED (the strongest verified outcome), "
									+ "DISCONTINUED, DORMANT (no sign of life for 6 months) or ACTIVE.",
							"公開狀態：INTEGRATED（納入政府運作）、ADOPTED（獲採用）或 FUNDED（獲補助），取已查核的最強成果；"
									+ "DISCONTINUED（已停止）、DORMANT（6 個月無動靜）或 ACTIVE（活躍）。",
							"required", true, "enum", names(ProjectState.values())),
					column("dormant", "boolean",
							"true when a funded, adopted or integrated project shows no sign of life for 6 months.",
							"已獲補助、採用或納入運作的專案 6 個月無動靜時為 true。", "required", true),
					column("published_proposals", "integer", "Its published proposals (proposals.csv).",
							"公開提案數（proposals.csv）。", "required", true, "minimum", 1),
					date("first_funded_on", "Date of the first verified FUNDED milestone.", "第一個已查核「獲補助」里程碑的日期。",
							false),
					date("adopted_on", "Date of the first verified ADOPTED or INTEGRATED_INTO_OPERATIONS milestone.",
							"第一個已查核「獲採用」或「納入政府運作」里程碑的日期。", false),
					date("integrated_on", "Date of the first verified INTEGRATED_INTO_OPERATIONS milestone.",
							"第一個已查核「納入政府運作」里程碑的日期。", false),
					date("discontinued_on", "Date of the first verified DISCONTINUED milestone.", "第一個已查核「停止」里程碑的日期。",
							false),
					column("verified_milestones", "integer", "Its verified milestones (milestones.csv).",
							"已查核的里程碑數（milestones.csv）。", "required", true, "minimum", 0)),
			"project_id", List.of());

	static final Table MILESTONES = new Table("milestones", "Outcome milestones", "成果里程碑",
			"The verified milestones of the published projects: funding, pilots, adoption and integration by "
					+ "government agencies, discontinuation and activity signals.",
			"公開專案已查核的里程碑：補助、試辦、政府機關採用與納入運作、停止及活動訊號。",
			List.of(id("milestone_id", "Identifier of the milestone.", "里程碑的識別碼。", true),
					id("project_id", "The project (projects.csv).", "所屬專案（projects.csv）。", false),
					column("type", "string",
							"FUNDING_APPLIED, FUNDED, PILOT, ADOPTED, INTEGRATED_INTO_OPERATIONS, DISCONTINUED or "
									+ "ACTIVITY (repository activity in that month).",
							"FUNDING_APPLIED（申請補助）、FUNDED（獲補助）、PILOT（試辦）、ADOPTED（獲採用）、"
									+ "INTEGRATED_INTO_OPERATIONS（納入政府運作）、DISCONTINUED（停止）或 ACTIVITY（當月程式碼庫有活動）。",
							"required", true, "enum", names(MilestoneType.values())),
					date("date", "When it happened (ISO 8601).", "發生日期（ISO 8601）。", true),
					column("year", "integer", "Year of the date.", "發生年份。", "required", true),
					column("agency", "string",
							"Who funds (FUNDED, FUNDING_APPLIED) or who pilots, adopts or integrates.",
							"補助者（FUNDED、FUNDING_APPLIED），或試辦、採用、納入運作的機關。"),
					column("level", "string", "The agency's level: CENTRAL or LOCAL government; empty when not known.",
							"機關層級：CENTRAL（中央）或 LOCAL（地方）；未知則空白。", "enum", names(AgencyLevel.values())),
					column("programme", "string", "The funding or adoption programme.", "補助或採用的計畫名稱。"),
					column("amount", "number", "Amount of funding, exact, in currency (FUNDED, FUNDING_APPLIED).",
							"補助金額（精確值），幣別見 currency。", "minimum", 0),
					column("currency", "string", "ISO 4217 code of the amount (TWD, USD, ...).",
							"金額的 ISO 4217 幣別代碼（TWD、USD…）。", "pattern", "[A-Z]{3}"),
					url("evidence_url", "Public evidence of it (http or https address).", "公開佐證的網址（http 或 https）。"),
					column("source", "string",
							"Who recorded it: SELF_REPORTED (the team), ORGANIZER or IMPORTED (from a file).",
							"紀錄來源：SELF_REPORTED（團隊自行回報）、ORGANIZER（主辦單位）或 IMPORTED（檔案匯入）。", "required", true, "enum",
							names(MilestoneSource.values())),
					column("verified_by", "string", "The role that verified it (never the person): ORGANIZER.",
							"查核者的角色（不列個人）：ORGANIZER（主辦單位）。", "required", true, "enum", List.of("ORGANIZER")),
					new Column("verified_at", "datetime", "default", Map.of(),
							"When it was last verified (UTC, ISO 8601); empty when not recorded.",
							"最近一次查核的時間（UTC，ISO 8601）；未記錄則空白。")),
			"milestone_id", List.of(new ForeignKey("project_id", "projects", "project_id")));

	/** In the order they are written and listed. */
	static final List<Table> ALL = List.of(HACKATHONS, PROJECTS, PROPOSALS, AWARDS, MILESTONES);

}
