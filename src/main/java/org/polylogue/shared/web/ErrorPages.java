package org.polylogue.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.polylogue.shared.security.PublicEndpoint;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.json.JacksonJsonView;

/**
 * The error page for everything the controllers did not answer themselves: a readable page for
 * people, problem details for {@code /api} clients.
 */
@Controller
class ErrorPages implements ErrorController {

    @RequestMapping("/error")
    @PublicEndpoint("errors are shown to whoever caused them")
    ModelAndView error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        var resolved = HttpStatus.resolve(status);
        String uri = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        String title = resolved == null ? "Error" : resolved.getReasonPhrase();
        if (uri.startsWith("/api/")) {
            var problem = new LinkedHashMap<String, Object>();
            problem.put("type", Problems.TYPE_BASE + (resolved == null ? "error" : Problems.codeFor(resolved)));
            problem.put("title", title);
            problem.put("status", status);
            problem.put("detail", status == 404 ? "No such resource: " + uri : title);
            var view = new JacksonJsonView();
            view.setContentType("application/problem+json");
            // Only the problem is the body: model attributes added by advice (the page layout) stay out.
            view.setModelKeys(Set.of("problem"));
            view.setExtractValueFromSingleKeyModel(true);
            var mav = new ModelAndView(view, Map.of("problem", problem));
            mav.setStatus(HttpStatus.valueOf(status));
            return mav;
        }
        var mav = new ModelAndView("shared/error");
        mav.addObject("layout", LayoutAdvice.of(request));
        mav.addObject("status", status);
        mav.addObject("title", title);
        mav.addObject("message", switch (status) {
            case 404 -> "We could not find this page. It may have moved, or the address may be mistyped.";
            case 403 -> "You do not have permission to see or do this.";
            case 401 -> "Please sign in first.";
            case 429 -> "Too many requests. Please wait a moment and try again.";
            default -> status >= 500 ? "Something went wrong on our side. Nothing you submitted was lost; please try again."
                    : "The request could not be completed.";
        });
        mav.setStatus(HttpStatus.valueOf(status));
        return mav;
    }
}
