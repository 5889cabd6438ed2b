package org.polylogue.audit.web;

import jakarta.servlet.http.HttpServletResponse;
import org.polylogue.audit.AuditLog;
import org.polylogue.audit.AuditQuery;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.RequiresSignIn;
import org.polylogue.shared.security.SecurityEvent;
import org.polylogue.shared.web.FormErrors;
import org.polylogue.shared.web.Paging;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class AuditPage {

    private static final int PAGE_SIZE = 100;

    private final AuditLog log;

    AuditPage(AuditLog log) {
        this.log = log;
    }

    @GetMapping("/admin/audit")
    @RequiresSignIn
    String audit(@RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String account,
            @RequestParam(defaultValue = "0") int page, Actor actor, Model model, HttpServletResponse response) {
        var query = new AuditQuery(kind, account, null);
        var result = log.read(query, Paging.forPages(page, PAGE_SIZE), actor);
        model.addAttribute("query", query);
        model.addAttribute("kinds", SecurityEvent.Kind.values());
        model.addAttribute("retentionDays", log.retention().toDays());
        switch (result) {
            case Result.Ok<?> ok -> {
                model.addAttribute("entries", result.orThrow());
                model.addAttribute("errors", FormErrors.none());
            }
            case Result.Rejected<?> rejected -> {
                if (rejected.refusal().kind() == org.polylogue.shared.Refusal.Kind.FORBIDDEN) {
                    throw new AccessDeniedException(rejected.refusal().title());
                }
                model.addAttribute("entries", null);
                model.addAttribute("errors", FormErrors.of(rejected.refusal()));
                response.setStatus(400);
            }
        }
        return "audit/audit";
    }
}
