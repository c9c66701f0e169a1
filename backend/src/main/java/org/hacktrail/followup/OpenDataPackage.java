package org.hacktrail.followup;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.annotation.PreDestroy;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.hacktrail.judging.AwardFacts;
import org.hacktrail.hackathon.HackathonFacts;
import org.hacktrail.proposal.Project;
import org.hacktrail.proposal.ProposalStatus;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

/**
 * The open data as a Frictionless Data Package (spec v1, profile
 * {@code tabular-data-package}): {@code datapackage.json}, one CSV file per table of
 * {@link OpenDataTables} under {@code data/}, and the same files as one ZIP.
 *
 * <p>
 * What is in the tables is {@link OpenDataExport}'s: the same published-projects rule,
 * the same public state and the same VERIFIED milestones, read once for all five files
 * ({@link OpenDataExport#forEachPublished}). No personal data beyond the proposer's name
 * as shown on the proposal: no user ids, e-mail addresses, reporters, verifiers (only
 * their role), milestone notes or verification notes.
 *
 * <p>
 * The files are written to a temporary folder as one snapshot, reused for
 * {@code hacktrail.opendata.max-age}: every file of a download comes from the same
 * snapshot, an ETag is the SHA-256 of a file's bytes, and memory holds what
 * {@link OpenDataExport} holds, never a file. Two snapshots are kept, so that a download
 * of the previous one can finish after a new one is made.
 */
@Service
public class OpenDataPackage {

	static final String DESCRIPTOR = "datapackage.json";

	static final String ZIP = "datapackage.zip";

	static final String NAME = "hackathon-projects-and-outcomes";

	private static final Logger LOG = LoggerFactory.getLogger(OpenDataPackage.class);

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

	/** ZIP entries carry this time, so that the same files make the same ZIP. */
	private static final long ZIP_ENTRY_TIME = LocalDate.of(2000, 1, 1)
		.atStartOfDay(java.time.ZoneOffset.UTC)
		.toInstant()
		.toEpochMilli();

	private final OpenDataExport export;

	private final OpenDataSettings settings;

	private final Clock clock;

	private @Nullable Snapshot current;

	private @Nullable Snapshot previous;

	OpenDataPackage(OpenDataExport export, OpenDataSettings settings, Clock clock) {
		this.export = export;
		this.settings = settings;
		this.clock = clock;
	}

	/** One file of a snapshot. */
	record File(String name, Path path, long bytes, String sha256) {

		/** A strong ETag: the SHA-256 of the bytes. */
		String etag() {
			return "\"" + this.sha256 + "\"";
		}

	}

	/** The files of one build, by name ({@code datapackage.json}, {@code data/x.csv}). */
	record Snapshot(Path folder, Map<String, File> files, Instant builtAt) {
	}

	/** The current snapshot, built when there is none or it is older than max-age. */
	synchronized Snapshot current() {
		Instant now = this.clock.instant();
		if (this.current == null || !now.isBefore(this.current.builtAt().plus(this.settings.maxAge()))) {
			Snapshot built = build(now);
			delete(this.previous);
			this.previous = this.current;
			this.current = built;
		}
		return this.current;
	}

	/** The named file of the current snapshot; null when the package has no such file. */
	@Nullable File file(String name) {
		return current().files().get(name);
	}

	/** Forgets the current snapshot: the next request builds a new one. */
	synchronized void refresh() {
		delete(this.previous);
		this.previous = this.current;
		this.current = null;
	}

	@PreDestroy
	synchronized void close() {
		delete(this.previous);
		delete(this.current);
		this.previous = null;
		this.current = null;
	}

	private Snapshot build(Instant now) {
		Path folder;
		try {
			folder = Files.createTempDirectory("hacktrail-opendata-");
			Files.createDirectories(folder.resolve("data"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try {
			Map<String, File> files = new LinkedHashMap<>();
			for (File file : writeTables(folder)) {
				files.put(file.name(), file);
			}
			File descriptor = write(folder, DESCRIPTOR, (out) -> JSON.writeValue(out, descriptor(files)));
			Map<String, File> all = new LinkedHashMap<>();
			all.put(DESCRIPTOR, descriptor);
			all.putAll(files);
			File zip = write(folder, ZIP, (out) -> zip(out, all));
			all.put(ZIP, zip);
			return new Snapshot(folder, Map.copyOf(all), now);
		}
		catch (RuntimeException ex) {
			delete(new Snapshot(folder, Map.of(), now));
			throw ex;
		}
	}

	/** The five tables, written in one read of the data. */
	private List<File> writeTables(Path folder) {
		Map<OpenDataTables.Table, TableWriter> writers = new LinkedHashMap<>();
		try {
			for (OpenDataTables.Table table : OpenDataTables.ALL) {
				writers.put(table, new TableWriter(folder, table));
			}
			TableWriter hackathons = writers.get(OpenDataTables.HACKATHONS);
			TableWriter proposals = writers.get(OpenDataTables.PROPOSALS);
			TableWriter awards = writers.get(OpenDataTables.AWARDS);
			TableWriter projects = writers.get(OpenDataTables.PROJECTS);
			TableWriter milestones = writers.get(OpenDataTables.MILESTONES);
			this.export.forEachPublished((hackathon) -> hackathons.row(hackathonRow(hackathon)), (proposal) -> {
				proposals.row(proposalRow(proposal));
				for (AwardFacts.Award award : proposal.awards()) {
					awards.row(awardRow(proposal, award));
				}
			}, (project) -> {
				projects.row(projectRow(project));
				project.milestones().forEach((milestone) -> milestones.row(milestoneRow(milestone)));
			});
			List<File> files = new ArrayList<>();
			for (TableWriter writer : writers.values()) {
				files.add(writer.finish());
			}
			return files;
		}
		finally {
			writers.values().forEach(TableWriter::closeQuietly);
		}
	}

	static List<@Nullable Object> hackathonRow(HackathonFacts.Edition hackathon) {
		return List.of(hackathon.id(), hackathon.slug(), text(hackathon.name().zhTW()), text(hackathon.name().en()),
				hackathon.kind().name(), hackathon.phase().name(), hackathon.firstDay().getYear(),
				hackathon.firstDay().toString(), hackathon.lastDay().toString());
	}

	static List<@Nullable Object> proposalRow(OpenDataExport.PublicProposal proposal) {
		return List.of(proposal.id(), proposal.hackathon().id(), proposal.hackathon().slug(),
				text(proposal.projectId()), text(proposal.title().zhTW()), text(proposal.title().en()),
				proposal.proposerName(), proposal.status().name(),
				(proposal.status() == ProposalStatus.OUTSTANDING) ? "OUTSTANDING" : "",
				String.join(";", proposal.tags()), proposal.teamSize(), proposal.teamFormed(), proposal.shortlisted());
	}

	static List<@Nullable Object> awardRow(OpenDataExport.PublicProposal proposal, AwardFacts.Award award) {
		return List.of(proposal.id(), proposal.hackathon().id(), proposal.hackathon().slug(),
				proposal.hackathon().firstDay().getYear(), award.outstanding() ? "OUTSTANDING" : "TRACK",
				award.trackId(), award.trackSlug(), text(award.nameZhTW()), text(award.nameEn()), text(award.sponsor()),
				text(proposal.projectId()), text(proposal.title().zhTW()), text(proposal.title().en()));
	}

	static List<@Nullable Object> projectRow(OpenDataExport.PublicProject p) {
		Project project = p.project();
		Map<MilestoneType, String> first = new HashMap<>();
		for (OutcomeMilestone m : p.milestones()) {
			first.merge(m.type(), m.date(), (a, b) -> (a.compareTo(b) <= 0) ? a : b);
		}
		String adopted = Stream
			.of(first.get(MilestoneType.ADOPTED), first.get(MilestoneType.INTEGRATED_INTO_OPERATIONS))
			.filter(java.util.Objects::nonNull)
			.min(Comparator.naturalOrder())
			.orElse("");
		return List.of(project.id(), text(project.name().zhTW()), text(project.name().en()),
				text(project.repositoryUrl()), text(project.websiteUrl()), String.join(";", project.issueAreas()),
				p.state().name(), p.dormant(), p.proposals().size(), text(first.get(MilestoneType.FUNDED)), adopted,
				text(first.get(MilestoneType.INTEGRATED_INTO_OPERATIONS)), text(first.get(MilestoneType.DISCONTINUED)),
				p.milestones().size());
	}

	static List<@Nullable Object> milestoneRow(OutcomeMilestone m) {
		return List.of(m.id(), m.projectId(), m.type().name(), m.date(), m.localDate().getYear(), text(m.agency()),
				(m.level() != null) ? m.level().name() : "", text(m.programme()),
				(m.amount() != null) ? MilestoneDraft.canonical(new java.math.BigDecimal(m.amount())) : "",
				text(m.currency()), text(m.evidenceUrl()), m.source().name(), "ORGANIZER",
				(m.decidedAt() != null) ? m.decidedAt().truncatedTo(ChronoUnit.SECONDS).toString() : "");
	}

	/** datapackage.json, describing the files written. */
	Map<String, Object> descriptor(Map<String, File> files) {
		Map<String, Object> descriptor = new LinkedHashMap<>();
		descriptor.put("profile", "tabular-data-package");
		descriptor.put("name", NAME);
		descriptor.put("title", "Hackathon projects, proposals, awards and outcomes · 黑客松專案、提案、獲獎與後續成果");
		descriptor.put("description",
				"The published record of civic-tech hackathons: editions, every published proposal, awards, "
						+ "projects across editions with their public state, and their verified outcome milestones "
						+ "(funding, adoption and integration by government agencies). Names marked SYNTHETIC are "
						+ "demo data.");
		descriptor.put("description_zh_tw",
				"公民科技黑客松的公開紀錄：各場次、每一件公開提案、獲獎、跨場次的專案及其公開狀態，" + "以及已查核的後續成果里程碑（補助、政府機關採用與納入運作）。標示 SYNTHETIC／模擬者為示範資料。");
		descriptor.put("keywords", List.of("civic tech", "hackathon", "open government", "公民科技", "黑客松", "開放政府"));
		if (this.settings.publisherUrl() != null) {
			descriptor.put("homepage", this.settings.publisherUrl());
		}
		Map<String, Object> licence = new LinkedHashMap<>();
		licence.put("name", this.settings.licence());
		String licenceUrl = this.settings.resolvedLicenceUrl();
		if (!licenceUrl.isBlank()) {
			licence.put("path", licenceUrl);
		}
		licence.put("title", this.settings.licence());
		descriptor.put("licenses", List.of(licence));
		descriptor.put("attribution", this.settings.attribution());
		Map<String, Object> publisher = new LinkedHashMap<>();
		publisher.put("title", this.settings.publisher());
		if (this.settings.publisherUrl() != null) {
			publisher.put("path", this.settings.publisherUrl());
		}
		publisher.put("role", "publisher");
		descriptor.put("contributors", List.of(publisher));
		Map<String, Object> source = new LinkedHashMap<>();
		source.put("title", "Records kept by " + this.settings.publisher()
				+ ": proposals, published judging results and outcome milestones verified by organisers");
		if (this.settings.publisherUrl() != null) {
			source.put("path", this.settings.publisherUrl());
		}
		descriptor.put("sources", List.of(source));
		List<Map<String, Object>> resources = new ArrayList<>();
		for (OpenDataTables.Table table : OpenDataTables.ALL) {
			File file = files.get(table.path());
			Map<String, Object> resource = new LinkedHashMap<>();
			resource.put("name", table.name());
			resource.put("path", table.path());
			resource.put("profile", "tabular-data-resource");
			resource.put("title", table.title());
			resource.put("title_zh_tw", table.titleZh());
			resource.put("description", table.description());
			resource.put("description_zh_tw", table.descriptionZh());
			resource.put("format", "csv");
			resource.put("mediatype", "text/csv");
			resource.put("encoding", "utf-8");
			resource.put("bytes", file.bytes());
			resource.put("hash", "sha256:" + file.sha256());
			resource.put("dialect", Map.of("delimiter", ",", "lineTerminator", "\r\n", "quoteChar", "\"", "doubleQuote",
					true, "header", true));
			resource.put("schema", schema(table));
			resources.add(resource);
		}
		descriptor.put("resources", resources);
		return descriptor;
	}

	static Map<String, Object> schema(OpenDataTables.Table table) {
		Map<String, Object> schema = new LinkedHashMap<>();
		schema.put("fields", table.columns().stream().map(OpenDataTables.Column::descriptor).toList());
		schema.put("missingValues", List.of(""));
		// A primary key of several columns is written as their list.
		schema.put("primaryKey",
				table.primaryKey().contains(",") ? List.of(table.primaryKey().split(",")) : table.primaryKey());
		if (!table.foreignKeys().isEmpty()) {
			schema.put("foreignKeys",
					table.foreignKeys()
						.stream()
						.map((key) -> Map.of("fields", key.column(), "reference",
								Map.of("resource", key.resource(), "fields", key.referenced())))
						.toList());
		}
		return schema;
	}

	private void zip(OutputStream out, Map<String, File> files) throws IOException {
		ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
		for (File file : files.values()) {
			ZipEntry entry = new ZipEntry(file.name());
			entry.setTime(ZIP_ENTRY_TIME);
			zip.putNextEntry(entry);
			Files.copy(file.path(), zip);
			zip.closeEntry();
		}
		zip.finish();
	}

	private interface Content {

		void write(OutputStream out) throws IOException;

	}

	private static File write(Path folder, String name, Content content) {
		Path path = folder.resolve(name);
		try (HashingOutput out = new HashingOutput(path)) {
			// Writers such as Jackson close what they write to: the file is closed here.
			content.write(new java.io.FilterOutputStream(out.stream()) {

				@Override
				public void write(byte[] b, int off, int len) throws IOException {
					this.out.write(b, off, len);
				}

				@Override
				public void close() throws IOException {
					flush();
				}

			});
			return out.finish(name);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** One CSV file being written: header first, then rows as they come. */
	private static final class TableWriter {

		private final OpenDataTables.Table table;

		private final HashingOutput out;

		private final CSVPrinter printer;

		TableWriter(Path folder, OpenDataTables.Table table) {
			this.table = table;
			try {
				this.out = new HashingOutput(folder.resolve(table.path()));
				Writer writer = new OutputStreamWriter(this.out.stream(), StandardCharsets.UTF_8);
				this.printer = new CSVPrinter(writer, CSV);
				this.printer.printRecord(table.header());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		void row(List<@Nullable Object> values) {
			if (values.size() != this.table.columns().size()) {
				throw new IllegalStateException(this.table.name() + ": a row of " + values.size() + " values for "
						+ this.table.columns().size() + " columns");
			}
			try {
				this.printer.printRecord(values);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		File finish() {
			try {
				this.printer.flush();
				return this.out.finish(this.table.path());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		void closeQuietly() {
			try {
				this.printer.close();
			}
			catch (IOException ex) {
				LOG.debug("Closing {}", this.table.path(), ex);
			}
		}

	}

	/** A file written through SHA-256, counting its bytes. */
	private static final class HashingOutput implements AutoCloseable {

		private final Path path;

		private final MessageDigest digest;

		private final CountingStream counting;

		private final DigestOutputStream stream;

		HashingOutput(Path path) throws IOException {
			this.path = path;
			try {
				this.digest = MessageDigest.getInstance("SHA-256");
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
			this.counting = new CountingStream(Files.newOutputStream(path));
			this.stream = new DigestOutputStream(new java.io.BufferedOutputStream(this.counting, 64 * 1024),
					this.digest);
		}

		OutputStream stream() {
			return this.stream;
		}

		File finish(String name) throws IOException {
			this.stream.flush();
			return new File(name, this.path, this.counting.count, HexFormat.of().formatHex(this.digest.digest()));
		}

		@Override
		public void close() throws IOException {
			this.stream.close();
		}

	}

	private static final class CountingStream extends java.io.FilterOutputStream {

		private long count;

		CountingStream(OutputStream out) {
			super(out);
		}

		@Override
		public void write(int b) throws IOException {
			this.out.write(b);
			this.count++;
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			this.out.write(b, off, len);
			this.count += len;
		}

	}

	private static void delete(@Nullable Snapshot snapshot) {
		if (snapshot == null) {
			return;
		}
		try (Stream<Path> paths = Files.walk(snapshot.folder())) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			LOG.warn("Could not delete the open-data snapshot in {}: {}", snapshot.folder(), ex.getMessage());
		}
	}

	private static String text(@Nullable String text) {
		return (text != null) ? text : "";
	}

}
