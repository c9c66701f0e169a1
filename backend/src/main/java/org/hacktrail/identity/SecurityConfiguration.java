package org.hacktrail.identity;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.hacktrail.platform.ErrorBody;
import org.hacktrail.platform.ErrorCode;
import org.hacktrail.platform.PublicDownloadCaching;
import org.hacktrail.platform.ratelimit.TooManyRequests;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.http.HttpStatus;

/**
 * Who may reach what over HTTP. {@code /graphql} is open to anonymous POSTs: resolvers
 * and secured services decide what each caller may see or do. Browsers sign in through
 * OAuth2/OIDC (or a demo persona) and carry a session cookie; scripts send
 * {@code Authorization: Bearer <API token>}.
 *
 * <p>
 * CSRF: a state-changing request that carries the session cookie must carry the
 * {@code X-XSRF-TOKEN} header matching the {@code XSRF-TOKEN} cookie. Requests without
 * the session cookie carry no ambient authority, and bearer requests cannot be forged
 * cross-site without a CORS preflight, so neither needs the token.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableMethodSecurity
class SecurityConfiguration {

	static final String SESSION_COOKIE = "HACKTRAIL_SESSION";

	/**
	 * The web panel runs with no inline script or style and talks only to its own origin.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, LoginProviders providers, SignInUserServices signIn,
			ApiTokenIntrospector introspector, SignInEvents events, MetricsScrapeToken scrape) throws Exception {
		AuthenticationEntryPoint unauthenticated = SecurityConfiguration::writeUnauthenticated;
		BearerTokenAuthenticationEntryPoint bearerChallenge = new BearerTokenAuthenticationEntryPoint();
		http.authorizeHttpRequests((requests) -> {
			requests.requestMatchers("/graphql").permitAll();
			requests.requestMatchers(HttpMethod.POST, "/api/demo/login").permitAll();
			requests.requestMatchers(HttpMethod.GET, "/api/auth/options").permitAll();
			requests.requestMatchers("/api/public/**").permitAll();
			requests
				.requestMatchers(HttpMethod.GET, "/api/hackathons/*/results.json", "/api/hackathons/*/results.csv",
						"/api/hackathons/*/proposals.csv", "/api/hackathons/*/proposals.md", "/api/opendata/**",
						"/api/hackathons.ics", "/api/hackathons/*.ics", "/api/feeds/**", "/api/projects/*/g0v.json")
				.permitAll();
			requests.requestMatchers("/api/**").authenticated();
			requests.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll();
			requests.requestMatchers(MetricsScrapeToken.PATH)
				.hasAnyRole(Role.ORGANIZER.name(), MetricsScrapeToken.ROLE);
			requests.requestMatchers("/actuator/**").hasRole(Role.ORGANIZER.name());
			requests.anyRequest().permitAll();
		});
		http.csrf((csrf) -> csrf.spa().requireCsrfProtectionMatcher(csrfRequired()));
		http.addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class);
		http.sessionManagement((session) -> session.sessionFixation((fixation) -> fixation.changeSessionId()));
		http.addFilterBefore(scrape.filter(), BearerTokenAuthenticationFilter.class);
		http.oauth2ResourceServer((resource) -> resource.opaqueToken((opaque) -> opaque.introspector(introspector))
			.bearerTokenResolver(scrape.resolver())
			.authenticationEntryPoint((request, response, ex) -> {
				// Counted, and charged to the address's and the token's failure limits
				// (SignInRateLimitFilter).
				Optional<Duration> wait = events.tokenFailed(request);
				if (wait.isPresent()) {
					TooManyRequests.write(response, wait.get(), "failed API tokens from your address");
					return;
				}
				bearerChallenge.commence(request, response, ex);
				writeBody(response, HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHENTICATED",
						"The API token is missing, malformed, unknown, revoked or expired.");
			}));
		if (providers.any()) {
			ClientRegistrationRepository registrations = new InMemoryClientRegistrationRepository(
					providers.registrations());
			DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
					registrations, "/oauth2/authorization");
			// PKCE for every client, confidential ones included (RFC 9700).
			resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
			http.oauth2Login((login) -> login.clientRegistrationRepository(registrations)
				.authorizationEndpoint((endpoint) -> endpoint.authorizationRequestResolver(resolver))
				.userInfoEndpoint((userInfo) -> userInfo.oidcUserService(signIn.oidcUserService())
					.userService(signIn.oauth2UserService()))
				.loginPage("/")
				.successHandler(events.oauth2Success())
				.failureHandler(events.oauth2Failure()));
		}
		http.logout((logout) -> logout.logoutUrl("/logout")
			.addLogoutHandler(events.signOut())
			.deleteCookies(SESSION_COOKIE)
			.logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT)));
		http.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(unauthenticated)
			.accessDeniedHandler(accessDenied()));
		// HSTS is sent on secure requests only (HTTPS, or X-Forwarded-Proto: https with
		// server.forward-headers-strategy
		// set behind a proxy); a browser that saw it never falls back to plain HTTP for
		// this host.
		http.headers((headers) -> headers.frameOptions((frame) -> frame.deny())
			.httpStrictTransportSecurity((hsts) -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
			// no-store on every response that sets no Cache-Control of its own, except
			// the
			// anonymous public downloads, whose caching PublicDownloadCaching decides
			// once
			// their body is complete (a streamed body is not yet written when this runs).
			.cacheControl((cache) -> cache.disable())
			.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
					(request) -> !PublicDownloadCaching.cachesPublicly(request), new CacheControlHeadersWriter()))
			// GraphiQL (demo and development only) loads its scripts from a CDN;
			// everything else runs under the policy.
			.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
					(request) -> !request.getRequestURI().startsWith("/graphiql"),
					new StaticHeadersWriter("Content-Security-Policy", CONTENT_SECURITY_POLICY))));
		http.requestCache((cache) -> cache.disable());
		return http.build();
	}

	/** State-changing requests that carry the session cookie and no bearer token. */
	static RequestMatcher csrfRequired() {
		return (request) -> {
			String method = request.getMethod();
			if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method) || "TRACE".equals(method)) {
				return false;
			}
			String authorization = request.getHeader("Authorization");
			if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
				return false;
			}
			// Signing in as a demo persona starts a session: guard it against login CSRF
			// too.
			if ("/api/demo/login".equals(request.getRequestURI())) {
				return true;
			}
			return hasSessionCookie(request);
		};
	}

	private static boolean hasSessionCookie(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return false;
		}
		for (Cookie cookie : cookies) {
			if (SESSION_COOKIE.equals(cookie.getName())) {
				return true;
			}
		}
		return false;
	}

	private static AccessDeniedHandler accessDenied() {
		return (request, response, ex) -> {
			if (ex instanceof CsrfException) {
				writeBody(response, HttpServletResponse.SC_FORBIDDEN, "FORBIDDEN",
						"Missing or invalid CSRF token: send the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header.");
			}
			else {
				writeBody(response, HttpServletResponse.SC_FORBIDDEN, "FORBIDDEN", "You are not allowed to do this.");
			}
		};
	}

	private static void writeUnauthenticated(HttpServletRequest request, HttpServletResponse response,
			org.springframework.security.core.AuthenticationException ex) throws IOException {
		writeBody(response, HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHENTICATED",
				"Sign in first: this needs a signed-in user or an API token.");
	}

	static void writeBody(HttpServletResponse response, int status, String code, String message) throws IOException {
		ErrorBody.write(response, status, ErrorCode.valueOf(code), message);
	}

}
