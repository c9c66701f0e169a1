package org.hacktrail.proposal;

import org.hacktrail.platform.PublicDocument;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/projects/{id}/g0v.json}, for anyone: a public project's metadata in the
 * g0v.json format, to commit at the root of its repository (see {@link ProjectG0vJson}).
 */
@RestController
class ProjectG0vJsonController {

	private final ProjectG0vJson g0vJson;

	ProjectG0vJsonController(ProjectG0vJson g0vJson) {
		this.g0vJson = g0vJson;
	}

	@GetMapping("/api/projects/{id}/g0v.json")
	ResponseEntity<byte[]> g0vJson(@PathVariable String id) {
		ResponseEntity<byte[]> file = PublicDocument.ok(this.g0vJson.write(id), MediaType.APPLICATION_JSON);
		return ResponseEntity.status(file.getStatusCode())
			.headers(file.getHeaders())
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"g0v.json\"")
			.body(file.getBody());
	}

}
