package org.hacktrail.proposal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.hacktrail.hackathon.LocalizedText;
import org.hacktrail.proposal.ProposalCsv.Parsed;
import org.hacktrail.proposal.ProposalCsv.Row;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading g0v 松後推坑 pages (real ones, from the g0v HackMD archive, see
 * {@code resources/g0v-pages/README.md}) into import rows, and writing the page back.
 * Plain Java: no Spring, no store.
 */
class ProposalMarkdownTests {

	static byte[] page(String name) {
		try (InputStream in = ProposalMarkdownTests.class.getResourceAsStream("/g0v-pages/" + name)) {
			assertThat(in).as(name).isNotNull();
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Parsed parse(String markdown) {
		return ProposalMarkdown.parse(markdown.getBytes(StandardCharsets.UTF_8));
	}

	static Row row(Parsed parsed, String title) {
		return parsed.rows()
			.stream()
			.filter((row) -> row.cell(ProposalCsv.TITLE).equals(title))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no row titled " + title + " in "
					+ parsed.rows().stream().map((r) -> r.cell(ProposalCsv.TITLE)).toList()));
	}

	@Test
	void hackath53nGivesFourteenProposalsWithTheirProposersChannelsAndLinks() {
		Parsed parsed = ProposalMarkdown.parse(page("hackath53n.md"));
		assertThat(parsed.errors()).isEmpty();
		assertThat(parsed.fatal()).isFalse();
		assertThat(parsed.rows()).hasSize(14);
		assertThat(parsed.rows().get(0).cell(ProposalCsv.TITLE)).isEqualTo("刑法上修 - 刑法完全刑事責任上修至20歲");
		assertThat(parsed.rows().get(13).cell(ProposalCsv.TITLE)).isEqualTo("沒有人做帽 T - 群眾設計帽 T");

		Row criminalLaw = parsed.rows().get(0);
		assertThat(criminalLaw.cell(ProposalCsv.PROPOSER)).isEqualTo("Ronny");
		assertThat(criminalLaw.cell(ProposalCsv.CHANNEL)).isEqualTo("#刑法十八禁");
		assertThat(criminalLaw.cell(ProposalCsv.SUMMARY)).startsWith("【反串要註明】\n由於今年 11/26 的公投結果")
			.contains("本提案希望能突顯這些荒謬 🧐 由於")
			.endsWith("一同加入附議。");
		assertThat(criminalLaw.cell(LinkType.PITCH_VIDEO.column())).isEqualTo("https://youtu.be/qO5BtdTpiiA");
		String join = "https://join.gov.tw/idea/detail/a5bb0fed-5695-4c1a-a2e1-515989922169";
		assertThat(criminalLaw.cell(LinkType.OTHER.column())).isEqualTo(join);
		assertThat(criminalLaw.linkLabels()).containsEntry(Row.linkKey(LinkType.OTHER, join), "公共政策網路參與平台");

		Row vtaiwan = row(parsed, "vTaiwan 復興運動 - 如何重建一個新的 vTaiwan?");
		assertThat(vtaiwan.cell(ProposalCsv.CHANNEL)).isEqualTo("#vtaiwan");
		assertThat(vtaiwan.cell(ProposalMarkdown.CONTACTS)).isEqualTo("@Peter");
		assertThat(vtaiwan.cell(LinkType.NOTES.column()))
			.isEqualTo("https://g0v.hackmd.io/@Pno233SAS8G5UfL5OvSRmA/ByCNvc5_s");
		assertThat(vtaiwan.cell(LinkType.SLIDES.column())).startsWith("https://docs.google.com/presentation/d/1D_3W5");

		assertThat(row(parsed, "g0v 成就系統 - 功能發想").cell(ProposalCsv.PROPOSER)).isEqualTo("揪松團 博翔");
		assertThat(row(parsed, "CourseAPI - 彙整政府開放式課程資料與追問尚未釋出的政府單位").cell(ProposalCsv.PROPOSER)).isEqualTo("chewei");
		assertThat(row(parsed, "indieveloper 獨立開發者 - 推廣自由軟體與架伺服器的 YouTube 頻道").cell(ProposalCsv.PROPOSER))
			.isEqualTo("wancat（宏信）");
		Row openParliament = row(parsed, "作伙來參與開放國會！ - 就目前民間在參與開放國會行動方案遇到的困難，一起集思廣益解決方法！");
		assertThat(openParliament.cell(ProposalCsv.CHANNEL)).isEmpty();
		assertThat(openParliament.cell(ProposalMarkdown.CONTACTS)).isEqualTo("@claire\n@weichen");
		assertThat(row(parsed, "AI 製圖坑 - 2022 年要過了，你還不會 AI 製圖嗎？").cell(ProposalMarkdown.CONTACTS))
			.isEqualTo("muyueh@muyueh.com");
		// 現在就入坑 with nothing after it: no channel, no contacts.
		Row history = row(parsed, "翻轉歷史");
		assertThat(history.cell(ProposalCsv.CHANNEL)).isEmpty();
		assertThat(history.cell(ProposalMarkdown.CONTACTS)).isEmpty();
		assertThat(history.cell(LinkType.NOTES.column())).isEqualTo("https://hackmd.io/@MC-HistoryRPG/historyrpg");
		Row school = row(parsed, "零時小學校 - 專案孵化競賽");
		assertThat(school.cell(LinkType.WEBSITE.column())).isEqualTo("https://sch001.g0v.tw/");
		assertThat(school.linkLabels()).containsValue("目前成果");
	}

	@Test
	void hackath60nGivesFifteenProposalsWithUnknownLabelsKeptAndContactsAsWritten() {
		Parsed parsed = ProposalMarkdown.parse(page("hackath60n.md"));
		assertThat(parsed.errors()).isEmpty();
		assertThat(parsed.rows()).hasSize(15);
		assertThat(parsed.rows().stream().map((r) -> r.cell(ProposalCsv.PROPOSER)))
			.startsWith("嗡嗡", "Bil", "paul", "fly")
			.endsWith("Stanley");

		Row pride = row(parsed, "PrideWatch 彩虹選民投票指南");
		assertThat(pride.cell(ProposalCsv.CHANNEL)).isEqualTo("#pridewatch彩虹選民觀選指南");
		assertThat(pride.cell(LinkType.PITCH_VIDEO.column())).isEqualTo("https://youtu.be/iue8odUAlHc?feature=shared");
		assertThat(pride.cell(LinkType.SLIDES.column())).isEqualTo("https://bit.ly/48q4G9y");
		assertThat(pride.cell(LinkType.WEBSITE.column())).isEqualTo("https://pridewatch.tw/");
		assertThat(pride.cell(LinkType.OTHER.column())).isEqualTo("https://www.youtube.com/watch?v=9qR-SyWal04");
		assertThat(pride.linkLabels())
			.isEqualTo(Map.of(Row.linkKey(LinkType.OTHER, "https://www.youtube.com/watch?v=9qR-SyWal04"), "專案相關影片"));

		Row cofacts = row(parsed, "Cofacts 真的假的 - 要被選舉訊息淹沒啦／台灣選務謠言筆記");
		assertThat(cofacts.cell(ProposalCsv.CHANNEL)).isEqualTo("#cofacts");
		assertThat(cofacts.cell(ProposalMarkdown.CONTACTS)).isEqualTo("@mrorz\n@bil");

		Row fly = row(parsed, "醬活 - 開放、即興、自然地活著");
		assertThat(fly.cell(ProposalCsv.CHANNEL)).isEqualTo("#flyism");
		assertThat(fly.cell(ProposalMarkdown.CONTACTS)).isEqualTo("@fly\nfb.me/flyism\nLINE: leovgrace");

		Row ai = row(parsed, "繁體中文 AI 開源實踐計畫");
		assertThat(ai.cell(ProposalCsv.CHANNEL)).isEqualTo("#jothon");
		assertThat(ai.cell(ProposalMarkdown.CONTACTS)).isEqualTo("#ai-learning");
		// A '#' without a space is no heading: it stays in the summary.
		assertThat(ai.cell(ProposalCsv.SUMMARY)).startsWith("#越早投件越有機會獲補助 \n本計畫將針對");

		Row rentea = row(parsed, "Rentea - 你想在 g0v Summit 聊什麼租屋議題？");
		assertThat(rentea.cell(ProposalCsv.SUMMARY)).contains("討論面向包含：\n* 弱勢自立租屋\n* 自治共居、半公共居住");

		Row linux = row(parsed, "Linux Odyssey - 互動式終端機教學網站");
		assertThat(linux.cell(LinkType.OTHER.column())).isEqualTo("https://linuxodyssey.xyz");
		assertThat(linux.linkLabels()).containsValue("專案網頁（**歡迎大家來試玩**）");

		// A heading "中文 English" that splits cleanly fills both languages.
		Row resilience = row(parsed, "數位韌性松");
		assertThat(resilience.cell(ProposalMarkdown.TITLE_EN)).isEqualTo("digital resilience hackathon");
		assertThat(resilience.cell(ProposalCsv.SUMMARY)).contains("\n\n歡迎有興趣的夥伴加入本專案");
	}

	@Test
	void hackath61nGivesFifteenProposalsWithLabelsOnTheirOwnLinesAndHandlesWithSpaces() {
		Parsed parsed = ProposalMarkdown.parse(page("hackath61n.md"));
		assertThat(parsed.errors()).isEmpty();
		assertThat(parsed.rows()).hasSize(15);
		assertThat(parsed.rows().get(0).cell(ProposalCsv.TITLE)).isEqualTo("Arm0ry");
		assertThat(parsed.rows().get(14).cell(ProposalCsv.TITLE)).isEqualTo("new safeID 換洩證號");

		Row armory = parsed.rows().get(0);
		assertThat(armory.cell(ProposalCsv.PROPOSER)).isEqualTo("Stamford");
		assertThat(armory.cell(ProposalCsv.CHANNEL)).isEmpty();
		assertThat(armory.cell(ProposalMarkdown.CONTACTS)).isEqualTo("@Stamford\n@Zoey Tseng");
		assertThat(armory.cell(LinkType.WEBSITE.column())).isEqualTo("https://arm0ry.g0v.tw/");

		Row blockade = parsed.rows().get(1);
		assertThat(blockade.cell(ProposalCsv.SUMMARY)).startsWith("**台灣是個四面環海的島，");
		assertThat(blockade.cell(LinkType.SLIDES.column()))
			.isEqualTo("https://g0v.hackmd.io/x4cR0BtxTf6eLw_6vaPY3A#服務韌性檢測方式（wip）");

		Row report = row(parsed, "永續報告書分析 aka 企業捐款與合作分析");
		assertThat(report.cell(ProposalCsv.CHANNEL)).isEqualTo("#企業捐款與合作分析");
		assertThat(report.cell(ProposalMarkdown.CONTACTS)).isEqualTo("@Franki");
		// "提案投影片/資料：" then two URLs: the first is the slides, the second another link
		// with the label kept.
		assertThat(report.cell(LinkType.SLIDES.column())).isEqualTo("https://bityl.co/PFNL");
		assertThat(report.cell(LinkType.OTHER.column())).isEqualTo("https://bityl.co/PFNQ");
		assertThat(report.linkLabels()).containsEntry(Row.linkKey(LinkType.SLIDES, "https://bityl.co/PFNL"), "提案投影片/資料")
			.containsEntry(Row.linkKey(LinkType.OTHER, "https://bityl.co/PFNQ"), "提案投影片/資料");

		assertThat(row(parsed, "來救松").cell(ProposalCsv.PROPOSER)).isEqualTo("救松團 chewei, Ronny");
		assertThat(row(parsed, "來救松").cell(ProposalCsv.CHANNEL)).isEqualTo("#fundraising-救松團-募款執行");
		assertThat(row(parsed, "summit 2024").cell(ProposalCsv.PROPOSER)).isEqualTo("Peter");
		assertThat(row(parsed, "GuanDOOM").cell(LinkType.NOTES.column())).isEqualTo("https://bityl.co/PFEt");
		Row safeId = row(parsed, "new safeID 換洩證號");
		assertThat(safeId.cell(ProposalCsv.SUMMARY)).startsWith("**找到熱血律師告官啦！！");
		assertThat(safeId.linkLabels()).containsValue("提案表單");
		assertThat(row(parsed, "Public Code").has(ProposalCsv.CHANNEL)).isFalse();
	}

	@Test
	void hackath45nGivesTenProposalsWithABareUrlAfterALabelAndAChannelJoinedToAHandle() {
		Parsed parsed = ProposalMarkdown.parse(page("hackath45n.md"));
		assertThat(parsed.errors()).isEmpty();
		assertThat(parsed.fatal()).isFalse();
		assertThat(parsed.rows()).hasSize(10);
		assertThat(parsed.rows().stream().map((r) -> r.cell(ProposalCsv.PROPOSER))).containsExactly("Viola", "昭岑",
				"Wikimedia Taiwan- Allen", "bil, Mr.Orz", "John", "ddio", "Ken", "fly", "Peter", "diaoga");
		assertThat(parsed.rows().get(0).cell(ProposalCsv.TITLE)).isEqualTo("這樣說不行喔！小美眉—性別科普 BOT");
		assertThat(parsed.rows().get(9).cell(ProposalCsv.TITLE)).isEqualTo("台灣黑熊通報與資訊平台");

		Row gender = parsed.rows().get(0);
		assertThat(gender.cell(ProposalCsv.CHANNEL)).isEqualTo("#gender");
		assertThat(gender.cell(ProposalCsv.SUMMARY)).startsWith("「這樣說不行喔！小美眉—性別科普 BOT」是針對")
			.contains("足夠的知識， 避免雙方錯失第一時間的反應或尋求申訴管道的機會, 使性別歧視")
			.endsWith("擅長製作 Line 貼圖的插畫家。");
		assertThat(gender.cell(LinkType.PITCH_VIDEO.column())).isEqualTo("https://www.youtube.com/watch?v=PARkUxrrPkg");
		assertThat(gender.cell(LinkType.NOTES.column())).isEqualTo("https://g0v.hackmd.io/4GbILP7PSKWKzOpFl-DSJw?both");
		assertThat(gender.linkLabels()).containsEntry(Row.linkKey(LinkType.OTHER, "https://reurl.cc/R0MK5z"), "專案問卷");

		// 現在就入坑 followed by a space only: no channel, no contacts.
		Row locate = row(parsed, "邀你一起來定位");
		assertThat(locate.cell(ProposalCsv.CHANNEL)).isEmpty();
		assertThat(locate.cell(ProposalMarkdown.CONTACTS)).isEmpty();
		assertThat(locate.linkLabels()).containsValue("使用歷史影像平台");

		assertThat(row(parsed, "為圖片找個家 WPW 2021 編輯松").cell(ProposalMarkdown.CONTACTS)).isEqualTo("@allenwang621");
		Row cofacts = row(parsed, "Cofacts 真的假的");
		assertThat(cofacts.cell(ProposalCsv.CHANNEL)).isEqualTo("#cofacts");
		assertThat(cofacts.cell(LinkType.NOTES.column())).isEqualTo("https://cofacts.tw/hack");
		assertThat(cofacts.cell(LinkType.WEBSITE.column())).isEqualTo("https://cofacts.tw/");
		assertThat(cofacts.linkLabels())
			.isEqualTo(Map.of(Row.linkKey(LinkType.WEBSITE, "https://cofacts.tw/"), "專案網站"));
		// "專案共筆： https://…": a space after the full-width colon.
		assertThat(row(parsed, "批批踢不能亡 — Android APP 子專案現況").cell(LinkType.NOTES.column()))
			.isEqualTo("https://bit.ly/3gyxLGE");
		// A bare URL on the line after a labelled one is another link.
		Row hili = row(parsed, "不賴台灣/ Hili.link：開放即興自然的縮址");
		assertThat(hili.cell(ProposalMarkdown.CONTACTS)).isEqualTo("@fly");
		assertThat(hili.cell(LinkType.NOTES.column())).isEqualTo("https://hackmd.io/@flab/flytaiwan");
		assertThat(hili.cell(LinkType.OTHER.column())).isEqualTo("https://hackmd.io/@flab/hili");
		assertThat(row(parsed, "運動爭議時間軸").cell(LinkType.SLIDES.column())).isEqualTo("https://bit.ly/3B6FS5k");
		// "#tbbca、@diaoga": a channel and a handle joined by 、.
		Row bear = row(parsed, "台灣黑熊通報與資訊平台");
		assertThat(bear.cell(ProposalCsv.CHANNEL)).isEqualTo("#tbbca");
		assertThat(bear.cell(ProposalMarkdown.CONTACTS)).isEqualTo("@diaoga");
		// The closing banner after the last section is not part of its summary or links.
		assertThat(bear.cell(ProposalCsv.SUMMARY)).endsWith("一起加入保育台灣黑熊的行列。");
		assertThat(bear.cell(LinkType.OTHER.column())).isEqualTo("https://www.taiwanbear.org.tw/questionnaire/");
	}

	@Test
	void aSectionWithoutItsProposerLineIsReportedWithItsHeadingAndLine() {
		Parsed parsed = parse("""
				# Page

				## 有提案人
				> [name=發表者 甲]

				第一段。

				## 沒有提案人

				摘要。
				""");
		assertThat(parsed.rows()).hasSize(1);
		assertThat(parsed.errors()).singleElement().satisfies((error) -> {
			assertThat(error.row()).isEqualTo(8);
			assertThat(error.column()).isEqualTo(ProposalCsv.PROPOSER);
			assertThat(error.message()).contains("\"沒有提案人\"", "line 8", "[name=發表者");
		});
	}

	@Test
	void aPageWithoutProposalsOrNotInUtf8IsRefusedAsAWhole() {
		assertThat(parse("# 只有標題\n\n一段文字。\n").fatal()).isTrue();
		assertThat(parse("# 只有標題\n\n一段文字。\n").errors().get(0).message()).contains("no proposals");
		Parsed latin1 = ProposalMarkdown.parse(new byte[] { '#', '#', ' ', (byte) 0xE9, '\n' });
		assertThat(latin1.fatal()).isTrue();
		assertThat(latin1.errors().get(0).message()).contains("UTF-8");
		Parsed nul = parse("## a\n> [name=發表者 b]\n\nx\u0000y\n");
		assertThat(nul.fatal()).isTrue();
		assertThat(nul.errors().get(0).row()).isEqualTo(4);
		assertThat(nul.errors().get(0).message()).contains("U+0000");
	}

	@Test
	void smallDifferencesBetweenEditionsReadTheSame() {
		Parsed parsed = parse("""
				## 地號轉地圖 Land No. Mapper
				  > [name=發表者:  Ronny ]


				第一段 &amp; 🙂，全形：標點。


				  :hole: 現在就入坑：#landno ＠ronny , @Audrey Tang
				  提案影片: https://youtu.be/x
				（提案投影片）：https://slides.example/y
				專案共筆：https://g0v.hackmd.io/z 程式碼：https://github.com/g0v/landno
				[專案官網](https://landno.tw)
				徵求：前端（2 位）、資料分析
				https://example.org/bare
				""");
		assertThat(parsed.errors()).isEmpty();
		Row row = parsed.rows().get(0);
		assertThat(row.cell(ProposalCsv.TITLE)).isEqualTo("地號轉地圖");
		assertThat(row.cell(ProposalMarkdown.TITLE_EN)).isEqualTo("Land No. Mapper");
		assertThat(row.cell(ProposalCsv.PROPOSER)).isEqualTo("Ronny");
		assertThat(row.cell(ProposalCsv.SUMMARY)).isEqualTo("第一段 &amp; 🙂，全形：標點。");
		assertThat(row.cell(ProposalCsv.CHANNEL)).isEqualTo("#landno");
		assertThat(row.cell(ProposalMarkdown.CONTACTS)).isEqualTo("＠ronny\n@Audrey Tang");
		assertThat(row.cell(LinkType.PITCH_VIDEO.column())).isEqualTo("https://youtu.be/x");
		assertThat(row.cell(LinkType.SLIDES.column())).isEqualTo("https://slides.example/y");
		assertThat(row.cell(LinkType.NOTES.column())).isEqualTo("https://g0v.hackmd.io/z");
		assertThat(row.cell(LinkType.REPOSITORY.column())).isEqualTo("https://github.com/g0v/landno");
		assertThat(row.cell(LinkType.WEBSITE.column())).isEqualTo("https://landno.tw");
		assertThat(row.cell(LinkType.OTHER.column())).isEqualTo("https://example.org/bare");
		assertThat(row.cell(ProposalCsv.NEEDS)).isEqualTo("前端;資料分析");
		// Usual labels are not kept; the bare link has none.
		assertThat(row.linkLabels()).isEmpty();
	}

	@Test
	void aCodeHostsAddressIsTheRepositoryWhateverItsLabelAndASecondLinkOfATypeIsAnOtherLink() {
		assertThat(ProposalMarkdown.typeOf("GitHub", "https://github.com/g0v/x")).isEqualTo(LinkType.REPOSITORY);
		assertThat(ProposalMarkdown.typeOf("專案官網", "https://gitlab.com/g0v/x")).isEqualTo(LinkType.REPOSITORY);
		assertThat(ProposalMarkdown.typeOf("專案官網", "https://g0v.github.io/x")).isEqualTo(LinkType.WEBSITE);
		assertThat(ProposalMarkdown.typeOf(null, "https://github.com/g0v/x")).isEqualTo(LinkType.OTHER);
		assertThat(ProposalMarkdown.typeOf("專案相關影片", "https://youtu.be/x")).isEqualTo(LinkType.OTHER);
		Row row = parse("""
				## A
				> [name=發表者 B]

				專案共筆：https://a.example/1
				專案共筆：https://a.example/2
				""").rows().get(0);
		assertThat(row.cell(LinkType.NOTES.column())).isEqualTo("https://a.example/1");
		assertThat(row.cell(LinkType.OTHER.column())).isEqualTo("https://a.example/2");
		assertThat(row.linkLabels()).isEqualTo(Map.of(Row.linkKey(LinkType.OTHER, "https://a.example/2"), "專案共筆"));
	}

	@Test
	void aHeadingSplitsIntoTwoLanguagesOnlyWhenItSplitsCleanly() {
		assertThat(ProposalMarkdown.splitTitle("地號轉地圖 Land No. Mapper")).containsExactly("地號轉地圖", "Land No. Mapper");
		assertThat(ProposalMarkdown.splitTitle("Cofacts 真的假的")).isNull();
		assertThat(ProposalMarkdown.splitTitle("g0v 時間軸")).isNull();
		assertThat(ProposalMarkdown.splitTitle("藥學．要學：AI驅動的個人化精準學習")).isNull();
		assertThat(ProposalMarkdown.splitTitle("GuanDOOM")).isNull();
		assertThat(ProposalMarkdown.splitTitle("這樣說不行喔！小美眉—性別科普 BOT")).as("one English word").isNull();
	}

	@Test
	void theWrittenPageReadsBackAsTheSameRows() {
		ProposalContent content = new ProposalContent(new LocalizedText("地號轉地圖", "Land No. Mapper"),
				new LocalizedText("第一段 &amp; 🙂\n\n第二段：全形。", null), "#landno", List.of(), List.of("前端", "設計"),
				List.of(new ProposalLink(LinkType.PITCH_VIDEO, "https://youtu.be/x"),
						new ProposalLink(LinkType.REPOSITORY, "https://github.com/g0v/landno", "GitHub"),
						new ProposalLink(LinkType.OTHER, "https://example.org/a", "專案相關影片"),
						new ProposalLink(LinkType.OTHER, "https://example.org/b")),
				List.of("@ronny", "@Audrey Tang"));
		Proposal proposal = Proposal.create(
				"p1", "h1", content, null, "Ronny", new StatusChange(null, ProposalStatus.SUBMITTED,
						java.time.Instant.EPOCH, "me", ProposalLifecycle.Actor.ORGANIZER, null),
				java.time.Instant.EPOCH, 0L);
		byte[] page = ProposalMarkdown.write(new LocalizedText("g0v Hackath99n", null), List.of(proposal), Map.of("p1",
				List.of(new ProposalTeamFacts.OpenSeats("設計", 2), new ProposalTeamFacts.OpenSeats("後端", 1))));
		String text = new String(page, StandardCharsets.UTF_8);
		assertThat(text).startsWith("# g0v Hackath99n 松後推坑\n\n## 地號轉地圖 Land No. Mapper\n> [name=發表者 Ronny]\n")
			.contains(":hole: 現在就入坑 #landno, @ronny, @Audrey Tang\n")
			.contains("徵求：前端\n徵求：設計（2 位）\n徵求：後端（1 位）\n")
			.contains("提案影片：https://youtu.be/x\nGitHub：https://github.com/g0v/landno\n")
			.endsWith("專案相關影片：https://example.org/a\nhttps://example.org/b\n");

		Row row = ProposalMarkdown.parse(page).rows().get(0);
		assertThat(row.cell(ProposalCsv.TITLE)).isEqualTo("地號轉地圖");
		assertThat(row.cell(ProposalMarkdown.TITLE_EN)).isEqualTo("Land No. Mapper");
		assertThat(row.cell(ProposalCsv.SUMMARY)).isEqualTo("第一段 &amp; 🙂\n\n第二段：全形。");
		assertThat(row.cell(ProposalCsv.CHANNEL)).isEqualTo("#landno");
		assertThat(row.cell(ProposalMarkdown.CONTACTS)).isEqualTo("@ronny\n@Audrey Tang");
		assertThat(row.cell(ProposalCsv.NEEDS)).isEqualTo("前端;設計;後端");
		assertThat(row.cell(LinkType.REPOSITORY.column())).isEqualTo("https://github.com/g0v/landno");
		assertThat(row.cell(LinkType.OTHER.column())).isEqualTo("https://example.org/a https://example.org/b");
		assertThat(row.linkLabels()).isEqualTo(Map.of(Row.linkKey(LinkType.REPOSITORY, "https://github.com/g0v/landno"),
				"GitHub", Row.linkKey(LinkType.OTHER, "https://example.org/a"), "專案相關影片"));
	}

}
