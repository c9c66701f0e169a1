package org.hacktrail.judging.ranking.service;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The per-hackathon key of pseudonymous judge ids (id: the hackathon's id). Never
 * exported or shown: without it, a pseudonym cannot be traced back to a user.
 */
@Document("judging_secrets")
record JudgingSecret(@Id String id, String key, Instant createdAt) {
}
