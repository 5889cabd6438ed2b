package org.polylogue.shared.web;

import java.util.ArrayList;
import java.util.List;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.RefusedException;
import org.polylogue.shared.security.TooManyRequestsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Every error of a JSON API controller as {@code application/problem+json}, never a stack trace. */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ApiProblems {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler(RefusedException.class)
    ResponseEntity<ProblemDetail> refused(RefusedException e) {
        return Problems.response(e.refusal());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e) {
        List<Refusal.FieldMessage> errors = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            errors.add(new Refusal.FieldMessage(error.getField(), error.getDefaultMessage()));
        }
        e.getBindingResult().getGlobalErrors().forEach(
                error -> errors.add(new Refusal.FieldMessage(error.getObjectName(), error.getDefaultMessage())));
        return Problems.response(Refusal.invalid(errors));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException e) {
        List<Refusal.FieldMessage> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error -> errors.add(
                new Refusal.FieldMessage(result.getMethodParameter().getParameterName(), error.getDefaultMessage()))));
        return Problems.response(Refusal.invalid(errors));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e) {
        return Problems.response(Refusal.invalid(e.getName(), "has an invalid value"));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        tools.jackson.databind.DatabindException mismatch = null;
        for (Throwable cause = e; cause != null && mismatch == null; cause = cause.getCause()) {
            if (cause instanceof tools.jackson.databind.DatabindException databind && !databind.getPath().isEmpty()) {
                mismatch = databind;
            }
        }
        if (mismatch != null) {
            String field = mismatch.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("body");
            return Problems.response(Refusal.invalid(field, "has a value of the wrong type or format"
                    + (field.endsWith("At") ? " (expected an ISO-8601 timestamp with offset, such as 2026-12-01T09:00:00Z)" : "")));
        }
        String message = e.getMostSpecificCause().getMessage();
        if (message != null && message.length() > 300) {
            message = message.substring(0, 300);
        }
        return Problems.response(Problems.of(400, "malformed-body", "The request body is not valid JSON for this route.",
                message == null ? "Unreadable body" : message.replaceAll("\\(through reference chain.*", "")));
    }

    @ExceptionHandler({AuthenticationException.class, AccessDeniedException.class})
    ResponseEntity<ProblemDetail> security(RuntimeException e) {
        boolean unauthenticated = e instanceof AuthenticationException;
        var problem = unauthenticated
                ? Problems.of(401, "unauthenticated", "Authentication required.",
                        "Send Authorization: Bearer <token>; get a token from POST /api/v1/auth/tokens.")
                : Problems.of(403, "forbidden", "You may not do this.", e.getMessage());
        var response = Problems.response(problem);
        if (unauthenticated) {
            return ResponseEntity.status(401).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .contentType(response.getHeaders().getContentType()).body(problem);
        }
        return response;
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyRequestsException e) {
        var problem = Problems.of(429, "too-many-requests", "Too many requests.",
                "You have done this too often. Try again in " + e.retryAfterText() + "; nothing was changed.");
        return ResponseEntity.status(429).header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(org.springframework.dao.DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> duplicate(org.springframework.dao.DuplicateKeyException e) {
        return Problems.response(Problems.of(409, "conflict", "This already exists.",
                "Another request created the same thing at the same moment; nothing was changed by this one."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (e instanceof ErrorResponse response) {
            HttpStatusCode status = response.getStatusCode();
            var resolved = HttpStatus.resolve(status.value());
            String code = resolved == null ? "error" : Problems.codeFor(resolved);
            String title = resolved == null ? "Error" : resolved.getReasonPhrase();
            String detail = response.getBody().getDetail();
            return Problems.response(Problems.of(status.value(), code, title, detail == null ? title : detail));
        }
        log.error("Unexpected error in API", e);
        return Problems.response(Problems.of(500, "server-error", "Something went wrong on our side.",
                "The request was not completed; nothing was changed. Please try again later."));
    }
}
