package org.polylogue.audit.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.polylogue.audit.AuditEntry;
import org.polylogue.audit.AuditLog;
import org.polylogue.audit.AuditQuery;
import org.polylogue.shared.Paged;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.RequiresSignIn;
import org.polylogue.shared.web.Paging;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Audit", description = "Security-relevant events for platform administrators")
@RestController
class AuditApi {

    private final AuditLog log;

    AuditApi(AuditLog log) {
        this.log = log;
    }

    /** Newest first; filter by kind (e.g. SIGN_IN_FAILED), by account (as actor or subject) or by subject. */
    @GetMapping("/api/v1/admin/audit-events")
    @RequiresSignIn
    @Operation(operationId = "auditEvents", summary = "Read the audit log",
            description = "Administrators only: sign-ins and failures, role and verification changes, token use; filter by kind and account; paged.")
    Paged<AuditEntry> events(@RequestParam(required = false) String kind,
            @RequestParam(required = false) String account, @RequestParam(required = false) String subject,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size, Actor actor) {
        return log.read(new AuditQuery(kind, account, subject), Paging.of(page, size), actor).orThrow();
    }
}
