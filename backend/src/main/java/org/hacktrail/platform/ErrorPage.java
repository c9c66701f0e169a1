package org.hacktrail.platform;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.hacktrail.platform.ratelimit.TooManyRequests;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Spring's {@code /error}, where everything ends that no handler answered itself: Spring
 * MVC's own refusals (an unreadable or empty JSON body, a wrong content type or method, a
 * query parameter of the wrong type, no such path), the firewall's, GraphQL's HTTP
 * handler's, and any uncaught failure. Each gets the documented {@link ErrorBody} —
 * {@code code} by status, a message naming what was wrong, the request id — instead of
 * Boot's default body.
 */
@RestController
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@RequestMapping("${server.error.path:${error.path:/error}}")
class ErrorPage implements ErrorController {

	private final ErrorAttributes errors;

	ErrorPage(ErrorAttributes errors) {
		this.errors = errors;
	}

	@RequestMapping
	ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		// Asked for directly, /error is just a path with nothing at it.
		HttpStatusCode status = HttpStatusCode.valueOf((code instanceof Integer number) ? number : 404);
		Throwable error = this.errors.getError(new ServletWebRequest(request));
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body(ErrorBody.of(code(status), message(status, error, request)));
	}

	static String code(HttpStatusCode status) {
		return switch (status.value()) {
			case 401 -> ErrorCode.UNAUTHENTICATED.name();
			case 403 -> ErrorCode.FORBIDDEN.name();
			case 404 -> ErrorCode.NOT_FOUND.name();
			case 409, 412 -> ErrorCode.CONFLICT.name();
			case 429 -> TooManyRequests.CODE;
			case 503 -> ErrorCode.UNAVAILABLE.name();
			default -> status.is4xxClientError() ? ErrorCode.BAD_USER_INPUT.name() : ErrorCode.INTERNAL.name();
		};
	}

	private static String message(HttpStatusCode status, @Nullable Throwable error, HttpServletRequest request) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			String message = message(cause);
			if (message != null) {
				return message;
			}
		}
		String path = (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri) ? uri
				: request.getRequestURI();
		return switch (status.value()) {
			case 400 -> "The request is malformed.";
			case 404 -> "There is nothing at " + abbreviate(path) + ".";
			case 405 -> "This method is not allowed at " + abbreviate(path) + ".";
			case 415 -> "This content type is not accepted at " + abbreviate(path) + ".";
			default -> status.is5xxServerError()
					? "Something went wrong on our side. If it happens again, report the request id."
					: "The request was refused (HTTP " + status.value() + ").";
		};
	}

	private static @Nullable String message(Throwable error) {
		if (error instanceof HttpMessageNotReadableException) {
			return "The request body cannot be read: it is empty, or not valid JSON (NaN and Infinity are no JSON "
					+ "numbers).";
		}
		if (error instanceof HttpMediaTypeNotSupportedException unsupported) {
			return "The content type "
					+ ((unsupported.getContentType() != null) ? unsupported.getContentType() : "(none)")
					+ " is not accepted here; send " + unsupported.getSupportedMediaTypes() + ".";
		}
		if (error instanceof HttpRequestMethodNotSupportedException method) {
			return method.getMethod() + " is not allowed here; use "
					+ String.join(" or ",
							(method.getSupportedMethods() != null) ? method.getSupportedMethods() : new String[0])
					+ ".";
		}
		if (error instanceof MethodArgumentTypeMismatchException mismatch) {
			Class<?> type = mismatch.getRequiredType();
			String expected = (type == boolean.class || type == Boolean.class) ? "true or false"
					: (type != null) ? "a " + type.getSimpleName() : "another value";
			return "The parameter '" + mismatch.getName() + "' must be " + expected + ", not '"
					+ abbreviate(String.valueOf(mismatch.getValue())) + "'.";
		}
		if (error instanceof MissingServletRequestParameterException missing) {
			return "The parameter '" + missing.getParameterName() + "' is required.";
		}
		if (error instanceof NoResourceFoundException || error instanceof NoHandlerFoundException) {
			return null;
		}
		if (error instanceof RequestRejectedException) {
			return "The request's address is refused: it holds a character sequence such as ';', '//', '..' or an "
					+ "encoded '/' or '%'.";
		}
		if (error instanceof ResponseStatusException status && status.getReason() != null
				&& status.getStatusCode().is4xxClientError()) {
			return status.getReason();
		}
		if (error instanceof DomainException domain) {
			return domain.getMessage();
		}
		return null;
	}

	private static String abbreviate(String value) {
		return (value.length() > 80) ? value.substring(0, 77) + "..." : value;
	}

}
