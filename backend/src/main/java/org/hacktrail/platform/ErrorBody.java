package org.hacktrail.platform;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;

/**
 * The JSON body of an error answered outside GraphQL (filters, REST endpoints). It reads
 * both as a REST error ({@code code}, {@code message}, {@code requestId}) and as a
 * GraphQL response ({@code errors[].extensions.code}), because clients of
 * {@code /graphql} get these too (401 from a bad token, 413 from an oversized body).
 */
public final class ErrorBody {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ErrorBody() {
	}

	public static Map<String, Object> of(ErrorCode code, String message) {
		return of(code.name(), message);
	}

	/**
	 * A body whose error carries details as extensions too (e.g. {@code field},
	 * {@code rule}), as GraphQL's do.
	 */
	public static Map<String, Object> of(ErrorCode code, String message, Map<String, Object> details) {
		return of(code.name(), message, details);
	}

	/**
	 * A body with a code outside {@link ErrorCode}: {@code RATE_LIMITED} (HTTP 429) is
	 * answered only by filters, never by a data fetcher, so it is not an
	 * {@code ErrorCode} that every feature's switch must handle.
	 */
	public static Map<String, Object> of(String code, String message) {
		return of(code, message, Map.of());
	}

	private static Map<String, Object> of(String code, String message, Map<String, Object> details) {
		Map<String, Object> extensions = new LinkedHashMap<>(details);
		extensions.put("code", code);
		String requestId = RequestIdFilter.current();
		if (!requestId.isEmpty()) {
			extensions.put("requestId", requestId);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", code);
		body.put("message", message);
		if (!requestId.isEmpty()) {
			body.put("requestId", requestId);
		}
		body.put("errors", List.of(Map.of("message", message, "extensions", extensions)));
		return body;
	}

	public static void write(HttpServletResponse response, int status, ErrorCode code, String message)
			throws IOException {
		write(response, status, code.name(), message);
	}

	public static void write(HttpServletResponse response, int status, String code, String message) throws IOException {
		if (response.isCommitted()) {
			return;
		}
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(JSON.writeValueAsString(of(code, message)));
	}

}
