package org.hacktrail.platform.audit;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

/** GraphQL: organizers read the audit log. There is no mutation. */
@Controller
class AuditController {

	private final AuditLog audit;

	AuditController(AuditLog audit) {
		this.audit = audit;
	}

	record AuditDetail(String key, String value) {
	}

	@QueryMapping
	Window<AuditEvent> auditEvents(@Argument @Nullable AuditEventType type, ScrollSubrange subrange) {
		return this.audit.list(type, subrange);
	}

	@SchemaMapping(typeName = "AuditEvent")
	List<AuditDetail> details(AuditEvent event) {
		return event.details().entrySet().stream().map((e) -> new AuditDetail(e.getKey(), e.getValue())).toList();
	}

}
