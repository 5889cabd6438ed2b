package org.polylogue.account.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.security.web.webauthn.api.AttestationConveyancePreference;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;
import org.springframework.stereotype.Component;

/**
 * Keeps the options of a passkey registration in the session between the two requests of the
 * ceremony. Spring's own repository stores the options object, which is not serializable and so
 * cannot live in our JDBC sessions; this one stores the few values the check needs as plain strings
 * and builds the options again, with Spring's constants.
 */
@Component
class PasskeyCreationOptionsRepository implements PublicKeyCredentialCreationOptionsRepository {

    static final String ATTRIBUTE = "polylogue.passkey-registration";

    @Override
    public void save(HttpServletRequest request, HttpServletResponse response, PublicKeyCredentialCreationOptions options) {
        if (options == null) {
            var session = request.getSession(false);
            if (session != null) {
                session.removeAttribute(ATTRIBUTE);
            }
            return;
        }
        var user = options.getUser();
        request.getSession().setAttribute(ATTRIBUTE, new String[] {options.getChallenge().toBase64UrlString(),
            options.getRp().getId(), options.getRp().getName(), user.getId().toBase64UrlString(), user.getName(),
            user.getDisplayName(), String.valueOf(options.getTimeout() == null ? 300_000 : options.getTimeout().toMillis())});
    }

    @Override
    public PublicKeyCredentialCreationOptions load(HttpServletRequest request) {
        var session = request.getSession(false);
        if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof String[] values) || values.length != 7) {
            return null;
        }
        return build(Bytes.fromBase64(values[0]), values[1], values[2], Bytes.fromBase64(values[3]), values[4], values[5],
                Duration.ofMillis(Long.parseLong(values[6])));
    }

    /** The same options, rebuilt from Spring's constants (see {@link PasskeyRelyingParty}). */
    static PublicKeyCredentialCreationOptions copy(PublicKeyCredentialCreationOptions options) {
        var user = options.getUser();
        return build(options.getChallenge(), options.getRp().getId(), options.getRp().getName(), user.getId(),
                user.getName(), user.getDisplayName(), options.getTimeout());
    }

    private static PublicKeyCredentialCreationOptions build(Bytes challenge, String rpId, String rpName, Bytes userId,
            String userName, String userDisplayName, Duration timeout) {
        return PublicKeyCredentialCreationOptions.builder()
                .rp(PublicKeyCredentialRpEntity.builder().id(rpId).name(rpName).build())
                .user(ImmutablePublicKeyCredentialUserEntity.builder().id(userId).name(userName)
                        .displayName(userDisplayName).build())
                .challenge(challenge)
                .pubKeyCredParams(PublicKeyCredentialParameters.EdDSA, PublicKeyCredentialParameters.ES256,
                        PublicKeyCredentialParameters.RS256)
                .authenticatorSelection(AuthenticatorSelectionCriteria.builder()
                        .userVerification(UserVerificationRequirement.REQUIRED).residentKey(ResidentKeyRequirement.REQUIRED)
                        .build())
                .attestation(AttestationConveyancePreference.NONE)
                .timeout(timeout)
                .build();
    }
}
