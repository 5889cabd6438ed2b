package org.polylogue.account.internal;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationRequestToken;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;

/**
 * Checks a passkey assertion with Spring's relying party operations and signs the person in with the
 * same principal as the password form ({@link AccountPrincipal}), so that every page, {@code Actor}
 * parameter and {@code @RequiresSignIn} works alike. Spring's own provider would put a WebAuthn user
 * entity into the context instead, which our pages do not know and sessions cannot serialize.
 */
final class PasskeyAuthenticationProvider implements AuthenticationProvider {

    private final WebAuthnRelyingPartyOperations relyingParty;
    private final UserDetailsService users;

    PasskeyAuthenticationProvider(WebAuthnRelyingPartyOperations relyingParty, UserDetailsService users) {
        this.relyingParty = relyingParty;
        this.users = users;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        var request = (WebAuthnAuthenticationRequestToken) authentication;
        String email;
        try {
            email = relyingParty.authenticate(request.getWebAuthnRequest()).getName();
        } catch (RuntimeException e) {
            throw new BadCredentialsException("The passkey was not accepted.", e);
        }
        var principal = users.loadUserByUsername(email);
        if (principal instanceof AccountPrincipal account) {
            account.eraseCredentials();
        }
        List<GrantedAuthority> authorities = new ArrayList<>(principal.getAuthorities());
        authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.WEBAUTHN_AUTHORITY));
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return WebAuthnAuthenticationRequestToken.class.isAssignableFrom(authentication);
    }
}
