package org.hacktrail.proposal;

import org.springframework.data.repository.CrudRepository;

interface ProjectRepository extends CrudRepository<Project, String> {

}
