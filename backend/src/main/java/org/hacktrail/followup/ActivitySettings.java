package org.hacktrail.followup;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hacktrail.activity.*}: the repository API the activity check reads.
 *
 * @param baseUrl a GitHub-compatible REST API ({@code GET /repos/{owner}/{repo}}
 * answering {@code pushed_at})
 * @param token sent as {@code Authorization: Bearer}; optional (without it GitHub allows
 * 60 requests an hour)
 * @param hosts repository hosts whose URLs this API serves
 * ({@code https://github.com/owner/repo})
 * @param maxWait the longest the check sleeps for a rate limit (Retry-After, or
 * X-RateLimit-Reset when X-RateLimit-Remaining is 0); a longer wait stops the run and
 * leaves the rest for a run after the reset
 * @param minInterval a project checked more recently than this is skipped (unless the run
 * has {@code force=true})
 * @param timeout of one request
 */
@ConfigurationProperties("hacktrail.activity")
public record ActivitySettings(@DefaultValue("https://api.github.com") URI baseUrl, @Nullable String token,
		@DefaultValue("github.com") List<String> hosts, @DefaultValue("60s") Duration maxWait,
		@DefaultValue("20h") Duration minInterval, @DefaultValue("10s") Duration timeout) {
}
