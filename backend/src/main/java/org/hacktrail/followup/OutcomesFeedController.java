package org.hacktrail.followup;

import org.hacktrail.platform.AtomFeed;
import org.hacktrail.platform.PublicDocument;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/feeds/outcomes.atom}, for anyone (see {@link OutcomesFeed}).
 */
@RestController
class OutcomesFeedController {

	private final OutcomesFeed feed;

	OutcomesFeedController(OutcomesFeed feed) {
		this.feed = feed;
	}

	@GetMapping("/api/feeds/outcomes.atom")
	ResponseEntity<byte[]> outcomes() {
		return PublicDocument.ok(this.feed.atom(PublicDocument.base()), AtomFeed.ATOM);
	}

}
