package org.hacktrail.proposal;

import java.util.List;

import org.springframework.data.repository.CrudRepository;

interface ProposalRepository extends CrudRepository<Proposal, String> {

	List<Proposal> findByProjectId(String projectId);

}
