package org.hacktrail.webpanel;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The web panel routes in the browser (clean addresses such as
 * {@code /hackathons/g0v-70}); a reload or a shared link asks the server for that
 * address, which answers with the panel's {@code index.html}. Only the panel's own
 * top-level paths are listed, so {@code /api}, {@code /graphql}, {@code /actuator},
 * {@code /oauth2} and static files keep their handlers. A new top-level panel path is
 * added here too ({@code /judging/invitations/accept} is the judge invitation link the
 * API hands out).
 */
@Controller
class PanelRoutes {

	@GetMapping({ "/hackathons", "/hackathons/**", "/proposals/**", "/projects/**", "/sign-in", "/me", "/me/**",
			"/judge", "/judge/**", "/judging", "/judging/**", "/organize", "/organize/**", "/teams", "/teams/**",
			"/notifications", "/statistics", "/statistics/**" })
	String panel() {
		return "forward:/index.html";
	}

}
