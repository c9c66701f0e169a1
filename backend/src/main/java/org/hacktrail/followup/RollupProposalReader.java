package org.hacktrail.followup;

import java.util.Iterator;

import org.hacktrail.platform.batch.IdBucketItemReader;
import org.hacktrail.platform.batch.JobRunner;
import org.hacktrail.proposal.ProposalFacts;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Every proposal's facts, in id order, read bucket by bucket through
 * {@link ProposalFacts} (at most {@link IdBucketItemReader#LIMIT} a query). Always from
 * the start: a roll-up is a sum over everything, so there is no position to keep. The
 * number of proposals is published as the run's total, for progress.
 */
class RollupProposalReader implements ItemStreamReader<ProposalFacts.Summary> {

	private final ProposalFacts proposals;

	private @Nullable Iterator<ProposalFacts.Summary> scan;

	RollupProposalReader(ProposalFacts proposals) {
		this.proposals = proposals;
	}

	@Override
	public void open(ExecutionContext context) {
		JobRunner.reportTotal(this.proposals.estimatedCount());
		this.scan = this.proposals.inIdOrder(IdBucketItemReader.LIMIT);
	}

	@Override
	public ProposalFacts.@Nullable Summary read() {
		if (this.scan == null) {
			throw new IllegalStateException("The roll-up proposal reader is not open");
		}
		return this.scan.hasNext() ? this.scan.next() : null;
	}

	@Override
	public void close() {
		this.scan = null;
	}

}
