package org.hacktrail.identity;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.hacktrail.platform.ratelimit.RateLimiter;
import org.hacktrail.platform.ratelimit.TooManyRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Demo login: pick a persona and be signed in as it. Exists only in the {@code demo}
 * profile, which {@code scripts/run --demo} switches on, and refuses to start beside a
 * real MongoDB (where real people's data lives) unless
 * {@code hacktrail.demo.allow-external-store} is set as well.
 */
@Profile("demo")
@RestController
class DemoLogin {

	private static final Logger log = LoggerFactory.getLogger(DemoLogin.class);

	private final DemoPersonas personas;

	private final UserDirectory users;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final SignInEvents events;

	private final RateLimiter limiter;

	DemoLogin(DemoPersonas personas, UserDirectory users, Environment environment, SignInEvents events,
			RateLimiter limiter, @Value("${hacktrail.demo.allow-external-store:false}") boolean allowExternalStore) {
		if (StringUtils.hasText(environment.getProperty("spring.mongodb.uri")) && !allowExternalStore) {
			throw new IllegalStateException("Demo login is on (profile 'demo') while MONGODB_URI points at a real "
					+ "MongoDB. Demo login lets anyone act as an organizer; run the demo on the embedded store, or set "
					+ "hacktrail.demo.allow-external-store=true if this really is a throw-away database.");
		}
		this.personas = personas;
		this.users = users;
		this.events = events;
		this.limiter = limiter;
	}

	@EventListener(ApplicationStartedEvent.class)
	void warn() {
		log.warn("DEMO MODE: anyone can sign in as any demo persona (organizer, judges, proposer). Never expose this "
				+ "instance to real users.");
	}

	record DemoLoginRequest(String persona) {
	}

	@PostMapping("/api/demo/login")
	ResponseEntity<Map<String, Object>> login(@RequestBody DemoLoginRequest body, HttpServletRequest request,
			HttpServletResponse response) {
		// Per account (persona); per address is limited before Spring Security
		// (SignInRateLimitFilter).
		java.util.Optional<java.time.Duration> wait = this.limiter.tryConsume(RateLimiter.Kind.SIGN_IN_PER_ACCOUNT,
				"demo:" + String.valueOf(body.persona()));
		if (wait.isPresent()) {
			long seconds = RateLimiter.retryAfterSeconds(wait.get());
			return ResponseEntity.status(429)
				.header("Retry-After", Long.toString(seconds))
				.body(org.hacktrail.platform.ErrorBody.of(TooManyRequests.CODE,
						"Too many sign-in attempts for this persona; try again in " + seconds + " s."));
		}
		DemoPersonas.Persona persona = this.personas.find(body.persona()).orElse(null);
		if (persona == null) {
			this.events.signInFailed("demo", "unknown persona", Map.of("persona", String.valueOf(body.persona())));
			return ResponseEntity.badRequest()
				.body(Map.of("code", "BAD_USER_INPUT", "message",
						"Unknown persona '" + body.persona() + "'; choose one of " + this.personas.ids() + "."));
		}
		User user = this.users.signIn(User.DEMO_PROVIDER, persona.id(), persona.displayName(), persona.email(), false);
		user = this.personas.applyRoles(user, persona);
		UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken
			.authenticated(new DemoPrincipal(user.id(), persona.id()), null, Authorities.of(user));
		if (request.getSession(false) != null) {
			request.changeSessionId();
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
		this.events.signedIn(user.id(), "demo", Map.of("persona", persona.id()));
		return ResponseEntity.ok(Map.of("userId", user.id(), "displayName", user.displayName()));
	}

	/**
	 * Serializable: sessions live in the store. Its name is the user id, which the
	 * session store indexes.
	 */
	record DemoPrincipal(String userId, String persona)
			implements
				SignedInUser,
				org.springframework.security.core.AuthenticatedPrincipal,
				java.io.Serializable {

		@Override
		public String getName() {
			return this.userId;
		}

		@Override
		public String toString() {
			return "demo:" + this.persona;
		}

	}

}
