package org.polylogue.account.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.polylogue.shared.security.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;

/**
 * Two chains: {@code /api/**} is stateless with bearer tokens and no CSRF (no cookies are accepted
 * there); pages use sessions, CSRF tokens and a sign-in form. Authorization itself is decided per
 * endpoint ({@code @PublicEndpoint}, {@code @RequiresSignIn}) and by each module's policy.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    }

    @Bean
    UserDetailsService userDetailsService(AccountRepository accounts) {
        return email -> accounts.findCredentials(email.strip().toLowerCase(java.util.Locale.ROOT))
                .map(c -> new AccountPrincipal(new Actor(c.id(), c.displayName(), c.administrator()), c.email(),
                        c.passwordHash()))
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens) throws Exception {
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
                .addFilterBefore(new BearerTokenFilter(tokens), BasicAuthenticationFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) -> {
                    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                    response.setHeader("WWW-Authenticate", "Bearer");
                    response.setContentType("application/problem+json");
                    response.getOutputStream().write(BearerTokenFilter.UNAUTHENTICATED.getBytes(StandardCharsets.UTF_8));
                }))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, SecondFactorGate secondFactorGate,
            WebAuthnRelyingPartyOperations relyingParty, UserDetailsService users, ApplicationEventPublisher events)
            throws Exception {
        http.authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
                .sessionManagement(session -> session.addSessionAuthenticationStrategy(new SignInSession()))
                // Passkeys: Spring Security's WebAuthn endpoints (/webauthn/register/options, /webauthn/register,
                // /webauthn/authenticate/options, /login/webauthn), our own pages instead of Spring's default
                // ones. The relying party (name "Polylogue", id and origin from polylogue.public-url) is the
                // PasskeyRelyingParty bean, which Spring uses instead of rpId/rpName/allowedOrigins here.
                .webAuthn(webAuthn -> webAuthn.disableDefaultRegistrationPage(true)
                        .withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
                            @Override
                            public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
                                filter.setAuthenticationManager(
                                        new ProviderManager(new PasskeyAuthenticationProvider(relyingParty, users)));
                                // as the password form: a new session id (no fixation), a new CSRF token
                                filter.setSessionAuthenticationStrategy(
                                        http.getSharedObject(SessionAuthenticationStrategy.class));
                                filter.setAuthenticationSuccessHandler(new PasskeySignedIn(events));
                                return filter;
                            }
                        }))
                .formLogin(form -> form.loginPage("/sign-in").usernameParameter("email").passwordParameter("password")
                        .successHandler(secondFactorGate)
                        .failureHandler((request, response, e) -> response.sendRedirect("/sign-in?error"
                                + (ContinueAfterSignIn.isLocalPath(request.getParameter("continue")) ? "&continue="
                                        + java.net.URLEncoder.encode(request.getParameter("continue"),
                                                StandardCharsets.UTF_8) : "")))
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessUrl("/?signed-out"))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/sign-in")))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}
