package org.hacktrail.identity;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tells the web panel how one can sign in here: the configured providers, and the demo
 * personas in demo mode.
 */
@RestController
class AuthOptionsController {

	private final LoginProviders providers;

	private final ObjectProvider<DemoPersonas> demo;

	AuthOptionsController(LoginProviders providers, ObjectProvider<DemoPersonas> demo) {
		this.providers = providers;
		this.demo = demo;
	}

	record Provider(String id, String name, String loginUrl) {
	}

	record Persona(String id, String displayName) {
	}

	record AuthOptions(List<Provider> providers, boolean demo, List<Persona> personas) {
	}

	@GetMapping("/api/auth/options")
	AuthOptions options() {
		List<Provider> list = this.providers.registrations()
			.stream()
			.map((registration) -> new Provider(registration.getRegistrationId(), registration.getClientName(),
					"/oauth2/authorization/" + registration.getRegistrationId()))
			.toList();
		DemoPersonas personas = this.demo.getIfAvailable();
		List<Persona> demoPersonas = (personas != null)
				? personas.all().stream().map((p) -> new Persona(p.id(), p.displayName())).toList() : List.of();
		return new AuthOptions(list, personas != null, demoPersonas);
	}

}
