package org.polylogue.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Two people creating the same thing at the same moment: the database refuses the second, who
 * gets a clear page instead of a server error. (The API answers 409 problem details.)
 */
@ControllerAdvice(annotations = Controller.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.LOWEST_PRECEDENCE)
class PageConflicts {

    @ExceptionHandler(DuplicateKeyException.class)
    ModelAndView duplicate(HttpServletRequest request) {
        var mav = new ModelAndView("shared/error");
        mav.addObject("layout", LayoutAdvice.of(request));
        mav.addObject("status", 409);
        mav.addObject("title", "This already exists");
        mav.addObject("message", "Someone created the same thing at the same moment. Go back, check, and try "
                + "again with another name if needed.");
        mav.setStatus(HttpStatus.CONFLICT);
        return mav;
    }

    @ExceptionHandler(org.polylogue.shared.security.TooManyRequestsException.class)
    ModelAndView tooMany(org.polylogue.shared.security.TooManyRequestsException e, HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response) {
        var mav = new ModelAndView("shared/error");
        mav.addObject("layout", LayoutAdvice.of(request));
        mav.addObject("status", 429);
        mav.addObject("title", "Please wait a moment");
        mav.addObject("message", "You have done this too often in a short time. Try again in " + e.retryAfterText()
                + ". Nothing was saved by this attempt: use your browser's Back button to get back to what you typed.");
        response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
        mav.setStatus(HttpStatus.TOO_MANY_REQUESTS);
        return mav;
    }
}
