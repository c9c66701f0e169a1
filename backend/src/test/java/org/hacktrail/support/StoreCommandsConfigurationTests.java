package org.hacktrail.support;

import java.util.List;

import org.hacktrail.platform.store.EmbeddedStoreConfiguration;
import org.hacktrail.platform.store.EmbeddedStoreProperties;
import org.hacktrail.support.StoreCommands.StoreCommand;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link StoreCommandsConfiguration} in a Spring test: Spring Data's implicit AND passes,
 * {@code andOperator} is caught, and round trips are counted.
 */
@EmbeddedStoreOnly
@DataMongoTest
@Import({ EmbeddedStoreConfiguration.class, StoreCommandsConfiguration.class })
@EnableConfigurationProperties(EmbeddedStoreProperties.class)
class StoreCommandsConfigurationTests {

	@Document("shapeSheets")
	record Sheet(@Id String id, String round, String judge, int total) {
	}

	@Autowired
	MongoTemplate mongo;

	@Autowired
	StoreCommands commands;

	@Test
	void implicitAndPassesAndOperatorFails() {
		this.mongo.save(new Sheet("s1", "r1", "j1", 5));

		List<StoreCommand> good = this.commands.assertHotPath(() -> this.mongo
			.findOne(Query.query(Criteria.where("round").is("r1").and("judge").is("j1")), Sheet.class));
		assertThat(good).singleElement().satisfies((command) -> assertThat(command.name()).isEqualTo("find"));

		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.commands.assertHotPath(() -> this.mongo.findOne(Query
				.query(new Criteria().andOperator(Criteria.where("round").is("r1"), Criteria.where("judge").is("j1"))),
					Sheet.class)))
			.withMessageContaining("$and wrapper");
	}

	@Test
	void countsRoundTrips() {
		this.mongo.save(new Sheet("s2", "r1", "j2", 3));
		assertThat(this.commands.count(() -> this.mongo.findById("s2", Sheet.class))).isEqualTo(1);
		assertThat(this.commands.count(() -> {
			for (String id : List.of("s1", "s2", "s3")) {
				this.mongo.findById(id, Sheet.class);
			}
		})).as("an N+1 shows as N round trips").isEqualTo(3);
		assertThat(this.commands
			.count(() -> this.mongo.find(Query.query(Criteria.where("_id").in("s1", "s2", "s3")), Sheet.class)))
			.isEqualTo(1);
	}

}
