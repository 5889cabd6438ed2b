package org.polylogue.shared.web;

import org.polylogue.shared.PageRequest;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.RefusedException;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Turns {@code ?page=&size=} into a {@link PageRequest}, refusing values out of range. */
public final class Paging {

    private Paging() {}

    public static PageRequest of(int page, int size) {
        if (page < 0) {
            throw new RefusedException(Refusal.invalid("page", "must be 0 or more"));
        }
        if (size < 1 || size > PageRequest.MAX_SIZE) {
            throw new RefusedException(Refusal.invalid("size", "must be between 1 and " + PageRequest.MAX_SIZE));
        }
        return new PageRequest(page, size);
    }

    /**
     * For pages: a page number or size out of range is answered with the 400 error page (a
     * mistake in the address), not with a server error.
     */
    public static PageRequest forPages(int page, int size) {
        try {
            return of(page, size);
        } catch (RefusedException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.refusal().errors().toString());
        }
    }
}
