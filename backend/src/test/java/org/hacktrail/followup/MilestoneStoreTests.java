package org.hacktrail.followup;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.bson.Document;
import org.hacktrail.support.ServiceTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import's hand-built documents are exactly what Spring Data's converter writes, and
 * read back as the same milestone: imported and GraphQL-recorded milestones can never
 * differ in form.
 */
@ServiceTest
class MilestoneStoreTests {

	@Autowired
	MongoTemplate mongo;

	@Autowired
	MilestoneStore store;

	@Test
	void handBuiltDocumentsEqualTheConvertersAndReadBack() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		MilestoneDraft full = new MilestoneDraft(MilestoneType.ADOPTED, LocalDate.of(2025, 2, 3), "Taipei City",
				AgencyLevel.LOCAL, "Smart city", null, null, "https://example.org/e", "a note");
		MilestoneDraft sparse = new MilestoneDraft(MilestoneType.FUNDING_APPLIED, LocalDate.of(2025, 2, 3), null, null,
				null, new BigDecimal("12.50"), "TWD", null, null);
		OutcomeMilestone decided = OutcomeMilestone.create("p", full, MilestoneSource.ORGANIZER,
				VerificationState.VERIFIED,
				new MilestoneEvent(now, "u1", MilestoneEvent.Action.RECORDED, VerificationState.VERIFIED, null), "u1");
		OutcomeMilestone rejected = decided.withDecision(VerificationState.REJECTED, "no", new MilestoneEvent(
				now.plusSeconds(5), "u2", MilestoneEvent.Action.REJECTED, VerificationState.REJECTED, "no"));
		OutcomeMilestone pending = OutcomeMilestone.create("p", sparse, MilestoneSource.IMPORTED,
				VerificationState.PENDING,
				new MilestoneEvent(now, null, MilestoneEvent.Action.IMPORTED, VerificationState.PENDING, null), null);
		OutcomeMilestone imported = pending.withImport(new MilestoneImport(7L, 12L, "upload-1.csv"));
		OutcomeMilestone importedWithoutFile = pending.withImport(new MilestoneImport(8L, 13L, null));
		for (OutcomeMilestone milestone : List.of(decided, rejected, pending, imported, importedWithoutFile)) {
			Document converted = new Document();
			this.mongo.getConverter().write(milestone, converted);
			converted.remove("_id");
			Document handBuilt = this.store.document(milestone);
			assertThat(handBuilt.get("version")).isEqualTo(0L);
			handBuilt.remove("version");
			assertThat(handBuilt).isEqualTo(converted);

			Document stored = this.store.document(milestone).append("_id", milestone.id());
			OutcomeMilestone read = this.mongo.getConverter().read(OutcomeMilestone.class, stored);
			assertThat(read).usingRecursiveComparison().ignoringFields("version").isEqualTo(milestone);
			assertThat(read.version()).isZero();
		}
	}

}
