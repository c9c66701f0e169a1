package org.hacktrail.architecture.layering.method;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Fixture: a "plain Java" method that reads the store (not a bean: component scanning of
 * the tests must not pick it up).
 */
public record Method(MongoTemplate mongo) {
}
