package org.hacktrail.platform;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A {@link DomainException} thrown by a REST endpoint (CSV downloads and imports, open
 * data, results files) becomes the HTTP status of its code with the usual
 * {@link ErrorBody}. GraphQL data fetchers are not affected: their exceptions go through
 * {@link DomainErrorResolver}.
 */
@RestControllerAdvice
class RestErrorAdvice {

	static HttpStatus status(ErrorCode code) {
		return switch (code) {
			case BAD_USER_INPUT -> HttpStatus.BAD_REQUEST;
			case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
			case FORBIDDEN -> HttpStatus.FORBIDDEN;
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case CONFLICT -> HttpStatus.CONFLICT;
			case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
			case INTERNAL -> HttpStatus.INTERNAL_SERVER_ERROR;
		};
	}

	@ExceptionHandler(DomainException.class)
	ResponseEntity<Map<String, Object>> domainError(DomainException ex) {
		return ResponseEntity.status(status(ex.code()))
			.contentType(MediaType.APPLICATION_JSON)
			.body(ErrorBody.of(ex.code(), ex.getMessage(), ex.details()));
	}

}
