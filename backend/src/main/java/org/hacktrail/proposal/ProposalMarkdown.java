package org.hacktrail.proposal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.node.Block;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.hacktrail.hackathon.LocalizedText;
import org.hacktrail.platform.FreeText;
import org.hacktrail.proposal.ProposalCsv.Parsed;
import org.hacktrail.proposal.ProposalCsv.Row;
import org.hacktrail.proposal.ProposalCsv.RowError;
import org.hacktrail.proposal.ProposalTeamFacts.OpenSeats;
import org.jspecify.annotations.Nullable;

/**
 * The g0v 松後推坑 ("after the hackathon") page: the HackMD page on which g0v's organizers
 * list every proposal of an edition. Plain Java, no Spring: reading gives the same rows
 * the CSV reader gives ({@link ProposalCsv.Row}, one per proposal, cells by CSV column
 * name), so the import checks and writes them exactly as it does a CSV file; writing
 * gives the page back from Hacktrail's data.
 *
 * <p>
 * The page's block structure comes from CommonMark (commonmark-java, with source lines):
 * each level-2 heading starts a proposal, a level-1 heading or a thematic break
 * ({@code ---}) ends one; front matter and HackMD containers ({@code :::warning} …
 * {@code :::}) are banners and ignored, as is everything before the first proposal. The
 * text itself is taken from the page's lines as written, so emoji, full-width punctuation
 * and HTML entities survive unchanged. In a proposal's section:
 * <ul>
 * <li>the heading is the title: zh-TW, or en when it has no Han character; a heading "中文
 * English" whose first part has no Latin letter and whose second part is only ASCII fills
 * both;</li>
 * <li>{@code > [name=發表者 NAME]} gives the proposer's name;</li>
 * <li>{@code :hole: 現在就入坑 #channel @handle …} gives the channel (the first {@code #}
 * token) and the contacts (the other tokens; a word after a handle belongs to it:
 * {@code @Zoey Tseng});</li>
 * <li>{@code 徵求：skill} lines give the skills wanted;</li>
 * <li>{@code label：URL} lines (also several on one line, {@code :} or {@code ：}, labels
 * in parentheses, {@code [label](URL)}), and a {@code label：} line followed by URL lines,
 * give typed links by their label (提案影片, 投影片, 共筆, 官網/網站, 程式碼, or a code host's address);
 * a second link of a type, an unknown label or a bare URL is an OTHER link, with its
 * label kept;</li>
 * <li>every other line is the summary, as written.</li>
 * </ul>
 */
final class ProposalMarkdown {

	/** Cell of the contacts, one a line (not a CSV column: a CSV file cannot have it). */
	static final String CONTACTS = "contacts";

	/** Cell of the English title when a heading has both languages (not a CSV column). */
	static final String TITLE_EN = "title_en";

	private static final Map<LinkType, String> DEFAULT_LABELS = new EnumMap<>(Map.of(LinkType.PITCH_VIDEO, "提案影片",
			LinkType.SLIDES, "提案投影片", LinkType.NOTES, "專案共筆", LinkType.WEBSITE, "專案官網", LinkType.REPOSITORY, "程式碼"));

	private static final Set<String> CODE_HOSTS = Set.of("github.com", "gitlab.com", "bitbucket.org", "codeberg.org",
			"gitee.com", "framagit.org", "git.sr.ht", "sr.ht");

	private static final Pattern NAME = Pattern.compile("^ {0,3}>\\s*\\[name=(.*)\\]\\s*$");

	private static final Pattern PROPOSER_PREFIX = Pattern.compile("^(?:發表者|發表人|提案者|提案人)\\s*[:：]?\\s*");

	private static final Pattern HOLE = Pattern
		.compile("^\\s*(?:[-*+]\\s+)?(?::hole:\\s*|🕳\\uFE0F?\\s*)?現在就入坑\\s*[:：]?(.*)$|^\\s*:hole:(.*)$");

	private static final Pattern WANTED = Pattern.compile("^\\s*(?:[-*+]\\s+)?徵求\\s*[:：]\\s*(.*\\S)\\s*$");

	private static final Pattern SEATS = Pattern.compile("\\s*[（(]\\s*\\d+\\s*[位人]?\\s*[）)]\\s*$");

	/**
	 * An address with any scheme, so that an {@code ftp://} link is refused by the
	 * import's check (with its section and line) rather than read as summary text.
	 */
	private static final String URL = "([a-zA-Z][a-zA-Z0-9+.-]*://[^\\s<>|｜]+)";

	/** One {@code label：URL} pair of a link line; pairs may follow one another. */
	private static final Pattern PAIR = Pattern
		.compile("\\s*(?:[|｜、，,]\\s*)?(?:[-*+]\\s+)?([^:：|｜\\s][^:：|｜]*?)\\s*[:：]\\s*<?" + URL + ">?");

	private static final Pattern PARENTHESISED = Pattern.compile("^[（(](.*)[）)]$");

	private static final Pattern MARKDOWN_LINK = Pattern
		.compile("^\\s*(?:[-*+]\\s+)?\\[([^\\]]+)\\]\\(" + URL + "\\)\\s*$");

	private static final Pattern LABEL_ONLY = Pattern.compile("^\\s*(?:[-*+]\\s+)?([^:：\\s][^:：]{0,39}?)\\s*[:：]\\s*$");

	private static final Pattern BARE_URL = Pattern.compile("^\\s*(?:[-*+]\\s+)?<?" + URL + ">?\\s*$");

	private static final Pattern ATX = Pattern.compile("^ {0,3}#{1,6}(?:\\s+|$)(.*?)(?:\\s+#+)?\\s*$");

	private static final Pattern CONTAINER_OPEN = Pattern.compile("^\\s*:::\\s*\\S.*$");

	private static final Pattern CONTAINER_CLOSE = Pattern.compile("^\\s*:::\\s*$");

	private static final Pattern SEPARATORS = Pattern.compile("[,，、;；]");

	private static final Pattern ASCII_LETTER = Pattern.compile("[A-Za-z]");

	private static final Pattern HAN = Pattern.compile("[\\p{IsHan}\\p{IsBopomofo}]");

	private static final Pattern PRINTABLE_ASCII = Pattern.compile("[\\x20-\\x7E]+");

	private static final char BOM = '\uFEFF';

	private ProposalMarkdown() {
	}

	// ---- reading

	static Parsed parse(byte[] body) {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(body))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return failure(RowError.of(null, null, ProposalImportCode.PAGE_NOT_UTF8, Map.of(),
					"The page is not valid UTF-8 text. Copy it from HackMD (or save the .md file as UTF-8) and import it "
							+ "again."));
		}
		if (!text.isEmpty() && text.charAt(0) == BOM) {
			text = text.substring(1);
		}
		String[] lines = text.split("\r\n|\r|\n", -1);
		for (int i = 0; i < lines.length; i++) {
			for (int at = 0; at < lines[i].length(); at++) {
				char ch = lines[i].charAt(at);
				if (FreeText.isControl(ch) && ch != '\t') {
					return failure(RowError.of(i + 1, null, ProposalImportCode.CONTROL_CHARACTER,
							ProposalImportCode.args("char", FreeText.codePoint(ch)),
							"Line " + (i + 1) + " contains the control character " + FreeText.codePoint(ch)
									+ "; a Markdown page holds text only."));
				}
			}
		}
		String[] content = lines.clone();
		blankFrontMatter(content);
		blankContainers(content);

		List<Section> sections = sections(content);
		if (sections.isEmpty()) {
			return failure(RowError.of(null, null, ProposalImportCode.NO_PROPOSALS, Map.of(),
					"The page has no proposals: each proposal starts with a level-2 heading (\"## title\") followed by "
							+ "\"> [name=發表者 NAME]\"."));
		}
		List<Row> rows = new ArrayList<>();
		List<RowError> errors = new ArrayList<>();
		for (Section section : sections) {
			Row row = row(section, lines, errors);
			if (row != null) {
				rows.add(row);
			}
		}
		return new Parsed(List.of(), rows, errors, false);
	}

	/** A proposal's part of the page: its heading and the lines up to the next one. */
	private record Section(String heading, int headingLine, int from, int to, Set<Integer> verbatim) {
	}

	/**
	 * Blanks a YAML front matter block ({@code ---} on the first line up to the next
	 * {@code ---} or {@code ...}), keeping the line count.
	 */
	private static void blankFrontMatter(String[] lines) {
		if (lines.length == 0 || !lines[0].strip().equals("---")) {
			return;
		}
		for (int i = 1; i < lines.length; i++) {
			String line = lines[i].strip();
			if (line.equals("---") || line.equals("...")) {
				for (int j = 0; j <= i; j++) {
					lines[j] = "";
				}
				return;
			}
		}
	}

	/**
	 * Blanks HackMD containers ({@code :::info} … {@code :::}, nested ones too): banners,
	 * not proposals. A container that is never closed is left as text.
	 */
	private static void blankContainers(String[] lines) {
		int i = 0;
		while (i < lines.length) {
			if (!CONTAINER_OPEN.matcher(lines[i]).matches()) {
				i++;
				continue;
			}
			int depth = 0;
			int end = -1;
			for (int j = i; j < lines.length; j++) {
				if (CONTAINER_OPEN.matcher(lines[j]).matches()) {
					depth++;
				}
				else if (CONTAINER_CLOSE.matcher(lines[j]).matches()) {
					depth--;
					if (depth == 0) {
						end = j;
						break;
					}
				}
			}
			if (end < 0) {
				i++;
				continue;
			}
			for (int j = i; j <= end; j++) {
				lines[j] = "";
			}
			i = end + 1;
		}
	}

	/** The proposals' sections, from CommonMark's blocks and their source lines. */
	private static List<Section> sections(String[] lines) {
		Parser parser = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();
		Node document = parser.parse(String.join("\n", lines));
		List<Section> sections = new ArrayList<>();
		String heading = null;
		int headingLine = -1;
		int from = -1;
		Set<Integer> verbatim = new HashSet<>();
		for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
			List<SourceSpan> spans = node.getSourceSpans();
			if (spans.isEmpty()) {
				continue;
			}
			int first = spans.get(0).getLineIndex();
			int last = spans.get(spans.size() - 1).getLineIndex();
			boolean boundary = (node instanceof Heading h && h.getLevel() <= 2) || node instanceof ThematicBreak;
			if (boundary) {
				if (heading != null) {
					sections.add(new Section(heading, headingLine, from, first, verbatim));
					heading = null;
				}
				if (node instanceof Heading h && h.getLevel() == 2) {
					heading = headingText(lines, first, last);
					headingLine = first;
					from = last + 1;
					verbatim = new HashSet<>();
				}
				continue;
			}
			if (heading != null && isVerbatim((Block) node)) {
				for (int i = first; i <= last; i++) {
					verbatim.add(i);
				}
			}
		}
		if (heading != null) {
			sections.add(new Section(heading, headingLine, from, lines.length, verbatim));
		}
		return sections;
	}

	private static boolean isVerbatim(Block block) {
		return block instanceof FencedCodeBlock || block instanceof IndentedCodeBlock || block instanceof HtmlBlock;
	}

	/** A heading's text as written: an ATX heading's line, or a setext heading's text. */
	private static String headingText(String[] lines, int first, int last) {
		Matcher atx = ATX.matcher(lines[first]);
		if (first == last && atx.matches()) {
			return atx.group(1).strip();
		}
		StringBuilder text = new StringBuilder();
		for (int i = first; i < last; i++) {
			text.append((text.length() > 0) ? " " : "").append(lines[i].strip());
		}
		return text.toString();
	}

	/** A link read from a line, with the label it stood under (null for a bare URL). */
	private record FoundLink(@Nullable String label, String url, int line) {
	}

	/**
	 * A section as a row: cells by CSV column name (and {@link #CONTACTS},
	 * {@link #TITLE_EN}), with the line each came from. Null, with an error, when the
	 * section has no proposer line.
	 */
	private static @Nullable Row row(Section section, String[] lines, List<RowError> errors) {
		int headingLine = section.headingLine() + 1;
		String proposer = null;
		int proposerLine = headingLine;
		String holeText = null;
		int holeLine = headingLine;
		List<String> wanted = new ArrayList<>();
		int wantedLine = headingLine;
		List<FoundLink> found = new ArrayList<>();
		List<String> summary = new ArrayList<>();
		String pendingLabel = null;
		for (int i = section.from(); i < section.to(); i++) {
			String line = lines[i];
			if (section.verbatim().contains(i)) {
				summary.add(line);
				pendingLabel = null;
				continue;
			}
			if (line.isBlank()) {
				summary.add(line);
				continue;
			}
			Matcher name = NAME.matcher(line);
			if (proposer == null && name.matches()) {
				proposer = PROPOSER_PREFIX.matcher(name.group(1).strip()).replaceFirst("");
				proposerLine = i + 1;
				pendingLabel = null;
				continue;
			}
			Matcher hole = HOLE.matcher(line);
			if (holeText == null && hole.matches()) {
				holeText = (hole.group(1) != null) ? hole.group(1) : hole.group(2);
				holeLine = i + 1;
				pendingLabel = null;
				continue;
			}
			Matcher want = WANTED.matcher(line);
			if (want.matches()) {
				for (String skill : SEPARATORS.split(want.group(1))) {
					String stripped = SEATS.matcher(skill).replaceFirst("").strip();
					if (!stripped.isEmpty()) {
						wanted.add(stripped);
					}
				}
				if (wantedLine == headingLine) {
					wantedLine = i + 1;
				}
				pendingLabel = null;
				continue;
			}
			List<FoundLink> pairs = pairs(line, i + 1);
			if (pairs != null) {
				found.addAll(pairs);
				pendingLabel = null;
				continue;
			}
			Matcher bare = BARE_URL.matcher(line);
			if (bare.matches()) {
				found.add(new FoundLink(pendingLabel, bare.group(1), i + 1));
				continue;
			}
			Matcher labelOnly = LABEL_ONLY.matcher(line);
			if (labelOnly.matches() && nextIsUrl(lines, i + 1, section)) {
				pendingLabel = labelOnly.group(1).strip();
				continue;
			}
			pendingLabel = null;
			summary.add(line);
		}
		if (proposer == null) {
			errors.add(new RowError(headingLine, ProposalCsv.PROPOSER, section.heading(),
					ProposalImportCode.NO_PROPOSER_LINE, Map.of(),
					"Section \"" + section.heading() + "\" (line " + headingLine + ") has no proposer line; write \"> "
							+ "[name=發表者 NAME]\" under its heading."));
			return null;
		}
		Map<String, String> cells = new LinkedHashMap<>();
		Map<String, Integer> at = new HashMap<>();
		String[] title = splitTitle(section.heading());
		cells.put(ProposalCsv.TITLE, (title != null) ? title[0] : section.heading());
		if (title != null) {
			cells.put(TITLE_EN, title[1]);
		}
		cells.put(ProposalCsv.PROPOSER, proposer);
		at.put(ProposalCsv.PROPOSER, proposerLine);
		cells.put(ProposalCsv.SUMMARY, String.join("\n", trimBlankLines(summary)));
		at.put(ProposalCsv.SUMMARY, headingLine);
		if (holeText != null) {
			List<String> channels = new ArrayList<>();
			List<String> contacts = new ArrayList<>();
			tokens(holeText, channels, contacts);
			cells.put(ProposalCsv.CHANNEL, channels.isEmpty() ? "" : channels.get(0));
			List<String> others = new ArrayList<>(channels.subList(Math.min(1, channels.size()), channels.size()));
			others.addAll(contacts);
			cells.put(CONTACTS, String.join("\n", others));
			at.put(ProposalCsv.CHANNEL, holeLine);
			at.put(CONTACTS, holeLine);
		}
		if (!wanted.isEmpty()) {
			cells.put(ProposalCsv.NEEDS, String.join(";", wanted));
			at.put(ProposalCsv.NEEDS, wantedLine);
		}
		Map<LinkType, List<String>> byType = new EnumMap<>(LinkType.class);
		Map<String, String> labels = new HashMap<>();
		Set<LinkType> taken = EnumSet.noneOf(LinkType.class);
		for (FoundLink link : found) {
			LinkType type = typeOf(link.label(), link.url());
			if (type != LinkType.OTHER && !taken.add(type)) {
				type = LinkType.OTHER;
			}
			byType.computeIfAbsent(type, (t) -> new ArrayList<>()).add(link.url());
			String label = link.label();
			if (label != null && type != LinkType.OTHER && label.equals(DEFAULT_LABELS.get(type))) {
				label = null;
			}
			if (label != null) {
				labels.put(Row.linkKey(type, link.url()), label);
			}
			at.putIfAbsent(type.column(), link.line());
		}
		for (LinkType type : LinkType.values()) {
			List<String> urls = byType.getOrDefault(type, List.of());
			cells.put(type.column(), String.join(" ", urls));
		}
		return new Row(headingLine, cells, section.heading(), at, labels);
	}

	/**
	 * The {@code label：URL} pairs of a line made only of such pairs (or a
	 * {@code [label](URL)} line); null when the line is something else.
	 */
	private static @Nullable List<FoundLink> pairs(String line, int lineNumber) {
		Matcher markdown = MARKDOWN_LINK.matcher(line);
		if (markdown.matches()) {
			return List.of(new FoundLink(markdown.group(1).strip(), markdown.group(2), lineNumber));
		}
		Matcher pair = PAIR.matcher(line);
		List<FoundLink> links = new ArrayList<>();
		int at = 0;
		while (at < line.length()) {
			pair.region(at, line.length());
			if (!pair.lookingAt()) {
				break;
			}
			String label = pair.group(1).strip();
			Matcher parenthesised = PARENTHESISED.matcher(label);
			if (parenthesised.matches() && !parenthesised.group(1).isBlank()) {
				label = parenthesised.group(1).strip();
			}
			if (label.contains("http")) {
				return null;
			}
			links.add(new FoundLink(label, pair.group(2), lineNumber));
			at = pair.end();
		}
		if (links.isEmpty() || !line.substring(at).isBlank()) {
			return null;
		}
		return links;
	}

	private static boolean nextIsUrl(String[] lines, int from, Section section) {
		for (int i = from; i < section.to(); i++) {
			if (lines[i].isBlank()) {
				continue;
			}
			return BARE_URL.matcher(lines[i]).matches();
		}
		return false;
	}

	/**
	 * Splits what follows 現在就入坑 into channels ({@code #name}) and contacts
	 * ({@code @handle}; a word after a handle in the same comma-separated part belongs to
	 * it; a part without {@code #} or {@code @} is one contact as written, such as an
	 * address or {@code LINE: id}).
	 */
	private static void tokens(String text, List<String> channels, List<String> contacts) {
		for (String part : SEPARATORS.split(text)) {
			String stripped = part.strip();
			if (stripped.isEmpty()) {
				continue;
			}
			if (!stripped.matches("(?s).*(^|\\s)[#＃@＠].*")) {
				// No channel and no handle: one contact as written ("LINE: id", an
				// address).
				contacts.add(stripped);
				continue;
			}
			String handle = null;
			for (String token : stripped.split("\\s+")) {
				String word = token.replaceAll("[。.)）]+$", "");
				if (word.isEmpty()) {
					continue;
				}
				if (word.startsWith("#") || word.startsWith("＃")) {
					if (handle != null) {
						contacts.add(handle);
						handle = null;
					}
					channels.add(word);
				}
				else if (word.startsWith("@") || word.startsWith("＠")) {
					if (handle != null) {
						contacts.add(handle);
					}
					handle = word;
				}
				else if (handle != null && word.indexOf('@') < 0) {
					handle = handle + " " + word;
				}
				else {
					if (handle != null) {
						contacts.add(handle);
						handle = null;
					}
					contacts.add(word);
				}
			}
			if (handle != null) {
				contacts.add(handle);
			}
		}
	}

	/**
	 * A link's type from its label and address: 提案影片, 投影片 or 簡報, 共筆, 程式碼 (or a code
	 * host's address), 官網 or 網站; anything else, or no label, is OTHER.
	 */
	static LinkType typeOf(@Nullable String label, String url) {
		if (label == null) {
			return LinkType.OTHER;
		}
		String l = Normalizer.normalize(label, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
		if (l.contains("提案影片") || l.contains("pitchvideo")) {
			return LinkType.PITCH_VIDEO;
		}
		if (l.contains("投影片") || l.contains("簡報") || l.contains("slide")) {
			return LinkType.SLIDES;
		}
		if (l.contains("共筆") || l.contains("notes")) {
			return LinkType.NOTES;
		}
		if (isCodeHost(url) || l.contains("程式碼") || l.contains("原始碼") || l.contains("repository")
				|| l.contains("sourcecode")) {
			return LinkType.REPOSITORY;
		}
		if (l.contains("官網") || l.contains("網站") || l.contains("website")) {
			return LinkType.WEBSITE;
		}
		return LinkType.OTHER;
	}

	static boolean isCodeHost(String url) {
		try {
			String host = new URI(url).getHost();
			if (host == null) {
				return false;
			}
			host = host.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
			return CODE_HOSTS.contains(host);
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	/**
	 * A heading "中文 English" as its two languages, when it splits cleanly: the first part
	 * has Han characters and no Latin letter, the second is printable ASCII with a letter
	 * and at least two words (a single word such as "BOT" in "小美眉—性別科普 BOT", Hackath45n,
	 * is part of the Chinese title, not its English one). Null otherwise.
	 */
	static String @Nullable [] splitTitle(String heading) {
		for (int i = 1; i < heading.length(); i++) {
			if (!Character.isWhitespace(heading.charAt(i)) || Character.isWhitespace(heading.charAt(i - 1))) {
				continue;
			}
			String left = heading.substring(0, i).strip();
			String right = heading.substring(i).strip();
			if (HAN.matcher(left).find() && !ASCII_LETTER.matcher(left).find()
					&& PRINTABLE_ASCII.matcher(right).matches() && ASCII_LETTER.matcher(right).find()
					&& right.split("\\s+").length >= 2) {
				return new String[] { left, right };
			}
		}
		return null;
	}

	private static List<String> trimBlankLines(List<String> lines) {
		int from = 0;
		int to = lines.size();
		while (from < to && lines.get(from).isBlank()) {
			from++;
		}
		while (to > from && lines.get(to - 1).isBlank()) {
			to--;
		}
		return lines.subList(from, to);
	}

	private static Parsed failure(RowError error) {
		return new Parsed(List.of(), List.of(), List.of(error), true);
	}

	// ---- writing

	/**
	 * The page of a hackathon's proposals: a level-1 heading, then each proposal as the
	 * reader reads it back (the heading, {@code > [name=發表者 …]}, the summary as written,
	 * {@code :hole: 現在就入坑} with the channel and contacts, a {@code 徵求} line for each
	 * skill wanted and each position still open, with its free seats, then the links,
	 * labelled).
	 */
	static byte[] write(LocalizedText hackathonName, List<Proposal> proposals,
			Map<String, List<OpenSeats>> openPositions) {
		StringBuilder out = new StringBuilder();
		String name = (hackathonName.zhTW() != null) ? hackathonName.zhTW() : hackathonName.en();
		out.append("# ").append(name).append(" 松後推坑\n");
		for (Proposal proposal : proposals) {
			out.append('\n');
			out.append("## ").append(heading(proposal.title())).append('\n');
			out.append("> [name=發表者 ").append(proposal.proposerName()).append("]\n");
			String summary = proposal.primarySummary();
			if (summary != null && !summary.isBlank()) {
				out.append('\n')
					.append(String.join("\n", trimBlankLines(List.of(summary.split("\r\n|\r|\n", -1)))))
					.append('\n');
			}
			List<String> hole = new ArrayList<>();
			if (proposal.channel() != null) {
				hole.add(proposal.channel().startsWith("#") ? proposal.channel() : "#" + proposal.channel());
			}
			hole.addAll(proposal.contacts());
			List<String> tail = new ArrayList<>();
			if (!hole.isEmpty()) {
				tail.add(":hole: 現在就入坑 " + String.join(", ", hole));
			}
			tail.addAll(wanted(proposal, openPositions.getOrDefault(proposal.id(), List.of())));
			for (ProposalLink link : proposal.links()) {
				String label = (link.label() != null) ? link.label() : DEFAULT_LABELS.get(link.type());
				tail.add((label != null) ? label + "：" + link.url() : link.url());
			}
			if (!tail.isEmpty()) {
				out.append('\n');
				tail.forEach((line) -> out.append(line).append('\n'));
			}
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** A heading the reader splits back into the same title. */
	private static String heading(LocalizedText title) {
		if (title.zhTW() != null && title.en() != null) {
			String both = title.zhTW() + " " + title.en();
			String[] split = splitTitle(both);
			if (split != null && split[0].equals(title.zhTW()) && split[1].equals(title.en())) {
				return both;
			}
		}
		return title.primary();
	}

	/** 徵求 lines: each skill wanted, then each other open position, with free seats. */
	private static List<String> wanted(Proposal proposal, List<OpenSeats> open) {
		Map<String, Integer> seats = new LinkedHashMap<>();
		Map<String, String> skillOf = new LinkedHashMap<>();
		for (String need : proposal.needs()) {
			skillOf.putIfAbsent(Keys.skill(need), need);
		}
		for (OpenSeats position : open) {
			String key = Keys.skill(position.skill());
			skillOf.putIfAbsent(key, position.skill());
			seats.merge(key, position.free(), Integer::sum);
		}
		List<String> lines = new ArrayList<>();
		skillOf.forEach((key, skill) -> lines
			.add("徵求：" + skill + (seats.containsKey(key) ? "（" + seats.get(key) + " 位）" : "")));
		return lines;
	}

}
