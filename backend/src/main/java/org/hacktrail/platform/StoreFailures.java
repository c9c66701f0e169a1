package org.hacktrail.platform;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.hacktrail.platform.store.StoreState;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoExceptionTranslator;

/**
 * Recognises "the store cannot serve this now" in whatever shape it arrives: Spring's
 * translated exceptions, the driver's own (code that talks to the driver directly), or
 * the embedded store's refusal of a write.
 */
public final class StoreFailures {

	private static final String WRITES_REFUSED = "Writes refused: ";

	private StoreFailures() {
	}

	/**
	 * Whether the failure means the store is unreachable or refusing: UNAVAILABLE, not
	 * INTERNAL.
	 */
	public static boolean isUnavailable(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof MongoTimeoutException
					|| cause instanceof MongoSocketException || refusal(cause) != null) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	/**
	 * The embedded store's refusal anywhere in the chain, as the exception the service
	 * handles.
	 */
	public static @Nullable StoreUnavailableException refusal(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof StoreUnavailableException unavailable) {
				return unavailable;
			}
			if (cause instanceof com.mongodb.MongoServerException server
					&& StoreState.REFUSED_CODE_NAME.equals(server.getErrorCodeName())) {
				String message = (server instanceof com.mongodb.MongoCommandException command)
						? command.getErrorMessage() : server.getMessage();
				return new StoreUnavailableException(publicReason(message), server);
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return null;
	}

	/**
	 * The store's message without its prefix ("Writes refused: the server is running out
	 * of disk space").
	 */
	private static String publicReason(@Nullable String message) {
		if (message == null) {
			return "the store is unavailable";
		}
		int at = message.indexOf(WRITES_REFUSED);
		if (at < 0) {
			return "the server cannot read its data";
		}
		String reason = message.substring(at + WRITES_REFUSED.length());
		int quote = reason.indexOf('\'');
		return (quote >= 0) ? reason.substring(0, quote) : reason;
	}

	/**
	 * Spring Data's translation, with the embedded store's refusals as
	 * {@link StoreUnavailableException}.
	 */
	static final class Translator extends MongoExceptionTranslator {

		@Override
		public @Nullable DataAccessException translateExceptionIfPossible(RuntimeException ex) {
			StoreUnavailableException refused = refusal(ex);
			return (refused != null) ? refused : super.translateExceptionIfPossible(ex);
		}

	}

}
