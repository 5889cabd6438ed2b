package org.polylogue.account.internal;

import java.net.URI;
import java.util.Set;
import org.springframework.core.env.Environment;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.management.ImmutableRelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;
import org.springframework.stereotype.Component;

/**
 * Polylogue as a WebAuthn relying party: name "Polylogue", id the host of {@code polylogue.public-url},
 * the one allowed origin that URL's scheme, host and port. Spring Security's own webauthn4j
 * operations do the checking; this class adds two things.
 *
 * <p>It reads the public URL on first use, not at start: tests run on a random port that is known only
 * once the server listens (they set {@code polylogue.public-url=http://localhost:${local.server.port}}).
 *
 * <p>It requires user verification (PIN or biometrics on the authenticator), so a passkey is two
 * factors in one and needs no second step. Spring compares {@code UserVerificationRequirement} by
 * identity, and options that went through the session (Spring Session serializes them) come back as
 * new objects; the options are therefore normalised to Spring's constants before each check.
 */
@Component
class PasskeyRelyingParty implements WebAuthnRelyingPartyOperations {

    static final String NAME = "Polylogue";

    private final PublicKeyCredentialUserEntityRepository userEntities;
    private final UserCredentialRepository credentials;
    private final Environment environment;
    private volatile Webauthn4JRelyingPartyOperations delegate;

    PasskeyRelyingParty(PublicKeyCredentialUserEntityRepository userEntities, UserCredentialRepository credentials,
            Environment environment) {
        this.userEntities = userEntities;
        this.credentials = credentials;
        this.environment = environment;
    }

    @Override
    public PublicKeyCredentialCreationOptions createPublicKeyCredentialCreationOptions(
            PublicKeyCredentialCreationOptionsRequest request) {
        return delegate().createPublicKeyCredentialCreationOptions(request);
    }

    @Override
    public CredentialRecord registerCredential(RelyingPartyRegistrationRequest request) {
        var options = PasskeyCreationOptionsRepository.copy(request.getCreationOptions());
        return delegate().registerCredential(new ImmutableRelyingPartyRegistrationRequest(options, request.getPublicKey()));
    }

    @Override
    public PublicKeyCredentialRequestOptions createCredentialRequestOptions(
            PublicKeyCredentialRequestOptionsRequest request) {
        return delegate().createCredentialRequestOptions(request);
    }

    @Override
    public PublicKeyCredentialUserEntity authenticate(RelyingPartyAuthenticationRequest request) {
        var options = request.getRequestOptions();
        var normalised = PublicKeyCredentialRequestOptions.builder().challenge(options.getChallenge())
                .timeout(options.getTimeout()).rpId(options.getRpId()).allowCredentials(options.getAllowCredentials())
                .userVerification(UserVerificationRequirement.REQUIRED).extensions(options.getExtensions()).build();
        return delegate().authenticate(new RelyingPartyAuthenticationRequest(normalised, request.getPublicKey()));
    }

    /** The relying party id (a host name) and the origin a browser reports, from the public URL. */
    record Identity(String id, String origin) {

        static Identity of(String publicUrl) {
            URI uri = URI.create(publicUrl.strip());
            if (uri.getHost() == null || uri.getScheme() == null) {
                throw new IllegalStateException("polylogue.public-url must be an absolute URL: " + publicUrl);
            }
            String origin = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
            return new Identity(uri.getHost(), origin);
        }
    }

    private Webauthn4JRelyingPartyOperations delegate() {
        var operations = delegate;
        if (operations == null) {
            synchronized (this) {
                if (delegate == null) {
                    var identity = Identity.of(environment.getRequiredProperty("polylogue.public-url"));
                    var built = new Webauthn4JRelyingPartyOperations(userEntities, credentials,
                            PublicKeyCredentialRpEntity.builder().id(identity.id()).name(NAME).build(),
                            Set.of(identity.origin()));
                    built.setCustomizeCreationOptions(options -> options.authenticatorSelection(
                            AuthenticatorSelectionCriteria.builder().userVerification(UserVerificationRequirement.REQUIRED)
                                    .residentKey(ResidentKeyRequirement.REQUIRED).build()));
                    built.setCustomizeRequestOptions(options -> options.userVerification(UserVerificationRequirement.REQUIRED));
                    delegate = built;
                }
                operations = delegate;
            }
        }
        return operations;
    }
}
