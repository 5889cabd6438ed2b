package org.polylogue.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.polylogue.shared.security.Actor;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page template its {@link Layout}. */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

    @ModelAttribute("layout")
    Layout layout(HttpServletRequest request) {
        return of(request);
    }

    static Layout of(HttpServletRequest request) {
        Actor actor = ActorArgumentResolver.currentActor();
        var token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return new Layout(actor, token, request.getRequestURI());
    }
}
