package org.hacktrail.hackathon;

import java.util.Optional;

import org.springframework.data.repository.CrudRepository;

interface HackathonRepository extends CrudRepository<Hackathon, String> {

	Optional<Hackathon> findBySlug(String slug);

}
