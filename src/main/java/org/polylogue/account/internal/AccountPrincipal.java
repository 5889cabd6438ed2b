package org.polylogue.account.internal;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.ActorPrincipal;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in person in the security context (kept in the session, so it is serializable). */
final class AccountPrincipal implements UserDetails, CredentialsContainer, ActorPrincipal {

    @Serial
    private static final long serialVersionUID = 1L;

    private final Actor actor;
    private final String email;
    private String passwordHash;

    AccountPrincipal(Actor actor, String email, String passwordHash) {
        this.actor = actor;
        this.email = email;
        this.passwordHash = passwordHash;
    }

    @Override
    public Actor actor() {
        return actor;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return actor.administrator() ? List.of(new SimpleGrantedAuthority("ROLE_ADMINISTRATOR"))
                : List.of(new SimpleGrantedAuthority("ROLE_PERSON"));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
