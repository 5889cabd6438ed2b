package org.polylogue.account.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import org.polylogue.account.TwoFactor;
import org.polylogue.account.internal.PendingSecondFactor;
import org.polylogue.account.internal.SecondFactorGate;
import org.polylogue.shared.security.PublicEndpoint;
import org.polylogue.shared.web.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The second step of signing in with a password, for accounts with a TOTP second factor. */
@Controller
class SecondFactorSignIn {

    private final TwoFactor twoFactor;
    private final SignIn signIn;
    private final SecondFactorGate gate;
    private final Clock clock;

    SecondFactorSignIn(TwoFactor twoFactor, SignIn signIn, SecondFactorGate gate, Clock clock) {
        this.twoFactor = twoFactor;
        this.signIn = signIn;
        this.gate = gate;
        this.clock = clock;
    }

    @GetMapping(SecondFactorGate.SECOND_STEP)
    @PublicEndpoint("the second step of a sign-in begun with the right password; the pending state is in the session")
    String form(HttpServletRequest request, Model model) {
        if (PendingSecondFactor.of(request, Instant.now(clock)) == null) {
            return "redirect:/sign-in";
        }
        model.addAttribute("errors", FormErrors.none());
        return "account/second-factor";
    }

    @PostMapping(SecondFactorGate.SECOND_STEP)
    @PublicEndpoint("the second step of a sign-in begun with the right password; the pending state is in the session")
    @org.polylogue.shared.security.RateLimited(org.polylogue.shared.security.RateLimit.SECOND_FACTOR_PER_ADDRESS)
    String check(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String recoveryCode,
            HttpServletRequest request, HttpServletResponse response, Model model)
            throws IOException, ServletException {
        var pending = PendingSecondFactor.of(request, Instant.now(clock));
        if (pending == null) {
            return "redirect:/sign-in?error=expired";
        }
        boolean recovery = code.isBlank();
        String field = recovery ? "recoveryCode" : "code";
        var refusal = twoFactor.checkSignIn(pending.accountId(), recovery ? recoveryCode : code, field);
        if (refusal.isPresent()) {
            var failed = pending.failedOnce();
            if (failed.failures() >= PendingSecondFactor.MAX_FAILURES) {
                PendingSecondFactor.clear(request);
                return "redirect:/sign-in?error=second-factor";
            }
            request.getSession().setAttribute(PendingSecondFactor.SESSION_ATTRIBUTE, failed);
            model.addAttribute("errors", FormErrors.of(refusal.get()));
            response.setStatus(422);
            return "account/second-factor";
        }
        PendingSecondFactor.clear(request);
        var authentication = signIn.signIn(pending.email(), request, response);
        gate.continueAfterSecondFactor(request, response, authentication, pending.continueTo());
        return null;
    }
}
