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
}
