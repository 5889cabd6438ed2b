package org.polylogue.account.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.polylogue.account.AccountSessions;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.RequiresSignIn;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** Where the person is signed in: end one session, or all of them. */
@Controller
class SessionPages {

    private final AccountSessions sessions;

    SessionPages(AccountSessions sessions) {
        this.sessions = sessions;
    }

    @GetMapping("/account/sessions")
    @RequiresSignIn
    String list(Actor actor, @RequestParam(required = false) String revoked, HttpServletRequest request, Model model) {
        model.addAttribute("sessions", sessions.list(actor, currentSessionId(request)));
        model.addAttribute("revoked", revoked != null);
        return "account/sessions";
    }

    @PostMapping("/account/sessions/{handle}/revoke")
    @RequiresSignIn
    String revoke(Actor actor, @PathVariable String handle, HttpServletRequest request) throws ServletException {
        switch (sessions.revoke(actor, handle, currentSessionId(request))) {
            case Result.Ok<org.polylogue.account.SessionView> ok when ok.value().current() -> {
                request.logout();
                return "redirect:/sign-in?signed-out";
            }
            case Result.Ok<?> ok -> {
                return "redirect:/account/sessions?revoked";
            }
            case Result.Rejected<?> rejected -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    @PostMapping("/account/sessions/revoke-all")
    @RequiresSignIn
    String revokeAll(Actor actor, HttpServletRequest request) throws ServletException {
        sessions.revokeAll(actor, currentSessionId(request));
        request.logout();
        return "redirect:/sign-in?signed-out-everywhere";
    }

    private static String currentSessionId(HttpServletRequest request) {
        var session = request.getSession(false);
        return session == null ? null : session.getId();
    }
}
