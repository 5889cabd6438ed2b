package org.polylogue.shared.web;

import java.net.URI;
import java.util.List;
import org.polylogue.shared.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Builds RFC 9457 problem details with Polylogue's problem types. */
public final class Problems {

    public static final String TYPE_BASE = "https://polylogue.org/problems/";

    private Problems() {}

    public static ProblemDetail of(int status, String code, String title, String detail) {
        var problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(TYPE_BASE + code));
        problem.setTitle(title);
        problem.setDetail(detail);
        return problem;
    }

    public static ProblemDetail of(Refusal refusal) {
        String detail = refusal.errors().isEmpty() ? refusal.title()
                : refusal.errors().stream().map(e -> e.field() + ": " + e.message())
                        .reduce((a, b) -> a + "; " + b).orElse(refusal.title());
        var problem = of(refusal.kind().status(), refusal.code(), refusal.title(), detail);
        if (!refusal.errors().isEmpty() || refusal.kind() == Refusal.Kind.INVALID) {
            problem.setProperty("errors", refusal.errors());
        }
        return problem;
    }

    public static ResponseEntity<ProblemDetail> response(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    public static ResponseEntity<ProblemDetail> response(Refusal refusal) {
        return response(of(refusal));
    }

    static String codeFor(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "not-found";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
            case NOT_ACCEPTABLE -> "not-acceptable";
            case UNAUTHORIZED -> "unauthenticated";
            case FORBIDDEN -> "forbidden";
            case TOO_MANY_REQUESTS -> "too-many-requests";
            case PAYLOAD_TOO_LARGE, CONTENT_TOO_LARGE -> "payload-too-large";
            case BAD_REQUEST -> "bad-request";
            default -> status.is5xxServerError() ? "server-error" : "error";
        };
    }

    static List<Refusal.FieldMessage> none() {
        return List.of();
    }
}
