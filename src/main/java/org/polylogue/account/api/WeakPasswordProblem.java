package org.polylogue.account.api;

import org.polylogue.account.Accounts;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.web.Problems;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * Refusals of the account API as problem details; a password refused by the strength check is
 * {@code 422 weak-password} (well-formed, but not acceptable), other invalid input stays 400.
 */
final class WeakPasswordProblem {

    private WeakPasswordProblem() {}

    static ResponseEntity<ProblemDetail> response(Refusal refusal) {
        ProblemDetail problem = Problems.of(refusal);
        if (Accounts.WEAK_PASSWORD.equals(refusal.code())) {
            problem.setStatus(422);
        }
        return Problems.response(problem);
    }
}
