package org.hacktrail.identity;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.annotation.Profile;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The people a demo visitor can be. Present only in demo mode.
 */
@Profile("demo")
@Component
public class DemoPersonas {

	public record Persona(String id, String displayName, String email, Set<Role> roles, List<String> affiliations) {
	}

	private static final List<Persona> ALL = List.of(
			new Persona("organizer", "Demo Organizer 示範主辦", "organizer@demo.hacktrail.invalid", Set.of(Role.ORGANIZER),
					List.of("Hacktrail Demo Organizing Team")),
			new Persona("judge-public", "Demo Judge (Public Sector) 公部門評審", "judge.public@demo.hacktrail.invalid",
					Set.of(Role.JUDGE), List.of("Ministry of Digital Affairs (demo)")),
			new Persona("judge-private", "Demo Judge (Private Sector) 民間評審", "judge.private@demo.hacktrail.invalid",
					Set.of(Role.JUDGE), List.of("Example Tech Co. (demo)")),
			new Persona("proposer", "Demo Proposer 示範提案人", "proposer@demo.hacktrail.invalid", Set.of(),
					List.of("Open Data Volunteers (demo)")));

	private final MongoTemplate mongo;

	private final UserDirectory users;

	DemoPersonas(MongoTemplate mongo, UserDirectory users) {
		this.mongo = mongo;
		this.users = users;
	}

	public List<Persona> all() {
		return ALL;
	}

	List<String> ids() {
		return ALL.stream().map(Persona::id).toList();
	}

	Optional<Persona> find(String id) {
		return ALL.stream().filter((persona) -> persona.id().equals(id)).findFirst();
	}

	/** Gives the persona's user exactly the persona's roles and affiliations. */
	User applyRoles(User user, Persona persona) {
		Query query = new Query(Criteria.where("_id").is(user.id()));
		Update update = new Update().set("roles", persona.roles())
			.set("affiliations", persona.affiliations())
			.set("displayName", persona.displayName());
		User updated = this.mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true),
				User.class);
		for (Role role : persona.roles()) {
			if (!user.hasRole(role)) {
				this.users.roleGranted(user.id(), role, "demo persona " + persona.id());
			}
		}
		return updated;
	}

}
