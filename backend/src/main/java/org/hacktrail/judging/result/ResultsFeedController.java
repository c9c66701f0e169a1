package org.hacktrail.judging.result;

import org.hacktrail.platform.AtomFeed;
import org.hacktrail.platform.PublicDocument;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/feeds/results.atom}, for anyone (see {@link ResultsFeed}).
 */
@RestController
class ResultsFeedController {

	private final ResultsFeed feed;

	ResultsFeedController(ResultsFeed feed) {
		this.feed = feed;
	}

	@GetMapping("/api/feeds/results.atom")
	ResponseEntity<byte[]> results() {
		return PublicDocument.ok(this.feed.atom(PublicDocument.base()), AtomFeed.ATOM);
	}

}
