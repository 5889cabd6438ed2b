package org.polylogue.stakeholder;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.polylogue.notification.Mail;
import org.polylogue.notification.Mailer;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.SecurityEvent;
import org.polylogue.stakeholder.internal.MailDomains;
import org.polylogue.stakeholder.internal.OrganizationRepository;
import org.polylogue.stakeholder.internal.VerificationRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Verifying who an organisation is: by a representative confirming an address at its own mail
 * domain (a link valid 48 hours, used once), or by an administrator with a recorded reason; and
 * recording its ECOSOC status. Every refusal changes nothing.
 */
@Service
public class OrganizationVerification {

    public static final Duration LINK_LIFETIME = Duration.ofHours(48);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_REASON = 500;

    private final OrganizationRepository organizations;
    private final VerificationRepository repository;
    private final MailDomains domains;
    private final OrganizationPermissions permissions;
    private final Mailer mailer;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String publicUrl;

    OrganizationVerification(OrganizationRepository organizations, VerificationRepository repository,
            MailDomains domains, OrganizationPermissions permissions, Mailer mailer, ApplicationEventPublisher events,
            Clock clock, @Value("${polylogue.public-url}") String publicUrl) {
        this.organizations = organizations;
        this.repository = repository;
        this.domains = domains;
        this.permissions = permissions;
        this.mailer = mailer;
        this.events = events;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /**
     * Mails a confirmation link to {@code email} to claim its domain for the organisation. Refused:
     * unknown organisation (404), not a representative (403 {@code not-representative}), no valid
     * address or a public mail service (400, field {@code email}), a domain confirmed by another
     * organisation (409 {@code domain-claimed}).
     */
    @Transactional
    public Result<DomainClaimSent> claimDomain(String organizationId, String email, Actor actor) {
        var organization = organizations.find(organizationId);
        if (organization.isEmpty()) {
            return Result.rejected(notFound());
        }
        if (!permissions.canClaimDomain(actor, organizationId)) {
            return Result.rejected(Refusal.forbidden("not-representative",
                    "Only a representative of this organisation can claim its mail domain."));
        }
        var type = organization.get().type();
        if (type == StakeholderGroup.MEMBER_STATE || type == StakeholderGroup.INTERGOVERNMENTAL) {
            // anyone can register a look-alike domain; a state or an intergovernmental organisation
            // speaks with the weight of its office, so a person at the platform checks it
            return Result.rejected(Refusal.conflict("administrator-verification-required",
                    "Member states and intergovernmental organisations are verified by the platform administrators, "
                            + "for example on an official letter; a mail domain is not proof enough."));
        }
        if (email == null || email.isBlank()) {
            return Result.rejected(Refusal.invalid("email", "is required"));
        }
        String domain = MailDomains.domainOf(email);
        if (domain == null) {
            return Result.rejected(Refusal.invalid("email", "is not an email address at a valid domain"));
        }
        if (domains.isFreeMail(domain)) {
            return Result.rejected(Refusal.invalid("email", "is at " + domain
                    + ", a public mail service; use an address at your organisation's own domain"));
        }
        var owner = repository.domainOwner(domain);
        if (owner.isPresent() && !owner.get().equals(organizationId)) {
            return Result.rejected(domainClaimed(domain));
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = Instant.now(clock);
        Instant expires = now.plus(LINK_LIFETIME);
        repository.insertClaim(token, organizationId, domain, actor.accountId(), now, expires);
        String address = email.strip().substring(0, email.strip().lastIndexOf('@') + 1) + domain;
        var mail = new Mail(address, "Confirm " + domain + " for " + organization.get().name() + " on Polylogue", """
                Hello,

                a representative of %s on Polylogue asked to verify the organisation by its mail
                domain %s. If this is right, open this link within 48 hours and confirm:

                %s/organizations/verify-domain?token=%s

                The organisation will then show as verified by its mail domain. If you do not
                expect this, ignore this mail; nothing will happen.
                """.formatted(organization.get().name(), domain, publicUrl, token));
        events.publishEvent(new SecurityEvent(SecurityEvent.Kind.ORGANIZATION_DOMAIN_CLAIMED, actor.accountId(),
                "organization:" + organizationId, domain));
        events.publishEvent(new ClaimMailReady(mail));
        return Result.ok(new DomainClaimSent(organizationId, domain, expires));
    }

    /** The mail, held in memory only (it carries the secret link) until the transaction commits. */
    record ClaimMailReady(Mail mail) {}

    @TransactionalEventListener(fallbackExecution = true)
    void sendAfterCommit(ClaimMailReady ready) {
        mailer.send(ready.mail());
    }

    /**
     * What the link would confirm, changing nothing: opening a link only shows this, so that mail
     * scanners which follow links never verify anything; a person confirms with a button. Refused as
     * {@link #confirmDomain(String)} refuses.
     */
    @Transactional(readOnly = true)
    public Result<DomainClaimPreview> previewClaim(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Result.rejected(tokenRefusal("invalid-token", "This verification link is not valid.", "is not valid"));
        }
        var found = repository.claim(token);
        if (found.isEmpty()) {
            return Result.rejected(tokenRefusal("invalid-token", "This verification link is not valid.", "is not valid"));
        }
        var claim = found.get();
        var organization = organizations.find(claim.organizationId()).orElseThrow();
        if (claim.usedAt() != null) {
            if (organization.verificationMethod() == VerificationMethod.DOMAIN
                    && claim.domain().equals(organization.verificationNote())) {
                return Result.ok(new DomainClaimPreview(organization, claim.domain(), true));
            }
            return Result.rejected(tokenRefusal("used-token", "This verification link has already been used.",
                    "has already been used"));
        }
        if (claim.expiresAt().isBefore(Instant.now(clock))) {
            return Result.rejected(tokenRefusal("expired-token", "This verification link has expired.", "has expired"));
        }
        var owner = repository.domainOwner(claim.domain());
        if (owner.isPresent() && !owner.get().equals(claim.organizationId())) {
            return Result.rejected(domainClaimed(claim.domain()));
        }
        return Result.ok(new DomainClaimPreview(organization, claim.domain(), false));
    }

    /**
     * Confirms a domain claim from the mailed link: the organisation becomes verified by its domain.
     * Opening the link again while that verification stands answers the same and changes nothing.
     * Refused (400): unknown or malformed token ({@code invalid-token}), expired
     * ({@code expired-token}), already used for a verification that no longer stands
     * ({@code used-token}); 403 when the claimant no longer represents it; 409 {@code domain-claimed}.
     */
    @Transactional
    public Result<OrganizationView> confirmDomain(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Result.rejected(tokenRefusal("invalid-token", "This verification link is not valid.", "is not valid"));
        }
        var found = repository.claimForUpdate(token);
        if (found.isEmpty()) {
            return Result.rejected(tokenRefusal("invalid-token", "This verification link is not valid.", "is not valid"));
        }
        var claim = found.get();
        organizations.lock(claim.organizationId());
        var organization = organizations.find(claim.organizationId()).orElseThrow();
        if (claim.usedAt() != null) {
            if (organization.verificationMethod() == VerificationMethod.DOMAIN
                    && claim.domain().equals(organization.verificationNote())) {
                return Result.ok(organization);
            }
            return Result.rejected(tokenRefusal("used-token", "This verification link has already been used.",
                    "has already been used"));
        }
        Instant now = Instant.now(clock);
        if (claim.expiresAt().isBefore(now)) {
            return Result.rejected(tokenRefusal("expired-token", "This verification link has expired.", "has expired"));
        }
        if (organizations.role(claim.organizationId(), claim.claimedBy()).filter(r -> r == MemberRole.REPRESENTATIVE)
                .isEmpty()) {
            return Result.rejected(Refusal.forbidden("not-representative",
                    "The person who asked for this link no longer represents the organisation."));
        }
        repository.insertDomain(claim.domain(), claim.organizationId(), now);
        var owner = repository.domainOwner(claim.domain());
        if (owner.isPresent() && !owner.get().equals(claim.organizationId())) {
            return Result.rejected(domainClaimed(claim.domain()));
        }
        repository.markUsed(token, now);
        repository.markVerified(claim.organizationId(), VerificationMethod.DOMAIN, claim.domain(), now);
        events.publishEvent(new OrganizationVerificationChanged(claim.organizationId()));
        events.publishEvent(new SecurityEvent(SecurityEvent.Kind.ORGANIZATION_VERIFIED, claim.claimedBy(),
                "organization:" + claim.organizationId(), "DOMAIN: " + claim.domain()));
        return Result.ok(organizations.find(claim.organizationId()).orElseThrow());
    }

    /** An administrator verifies the organisation with a public reason (1 to 500 characters). */
    @Transactional
    public Result<OrganizationView> verify(String organizationId, String reason, Actor actor) {
        var refusal = adminRefusal(organizationId, actor);
        if (refusal != null) {
            return Result.rejected(refusal);
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            return Result.rejected(Refusal.invalid("reason", why.isEmpty() ? "is required"
                    : "must be at most " + MAX_REASON + " characters"));
        }
        organizations.lock(organizationId);
        repository.markVerified(organizationId, VerificationMethod.ADMINISTRATOR, why, Instant.now(clock));
        events.publishEvent(new OrganizationVerificationChanged(organizationId));
        events.publishEvent(new SecurityEvent(SecurityEvent.Kind.ORGANIZATION_VERIFIED, actor.accountId(),
                "organization:" + organizationId, "ADMINISTRATOR: " + why));
        return Result.ok(organizations.find(organizationId).orElseThrow());
    }

    /** An administrator withdraws the verification, with a reason; its confirmed domains become free. */
    @Transactional
    public Result<OrganizationView> revoke(String organizationId, String reason, Actor actor) {
        var refusal = adminRefusal(organizationId, actor);
        if (refusal != null) {
            return Result.rejected(refusal);
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            return Result.rejected(Refusal.invalid("reason", why.isEmpty() ? "is required"
                    : "must be at most " + MAX_REASON + " characters"));
        }
        organizations.lock(organizationId);
        if (!organizations.find(organizationId).orElseThrow().verified()) {
            return Result.rejected(Refusal.conflict("not-verified", "This organisation is not verified."));
        }
        repository.clearVerification(organizationId);
        repository.releaseDomains(organizationId);
        events.publishEvent(new OrganizationVerificationChanged(organizationId));
        events.publishEvent(new SecurityEvent(SecurityEvent.Kind.ORGANIZATION_VERIFICATION_REVOKED, actor.accountId(),
                "organization:" + organizationId, why));
        return Result.ok(organizations.find(organizationId).orElseThrow());
    }

    /** An administrator records the ECOSOC status ({@code null} or blank: not known). */
    @Transactional
    public Result<OrganizationView> setEcosocStatus(String organizationId, String status, Actor actor) {
        var refusal = adminRefusal(organizationId, actor);
        if (refusal != null) {
            return Result.rejected(refusal);
        }
        EcosocStatus value = null;
        if (status != null && !status.isBlank()) {
            try {
                value = EcosocStatus.valueOf(status.strip());
            } catch (IllegalArgumentException e) {
                return Result.rejected(Refusal.invalid("status", "must be GENERAL, SPECIAL, ROSTER or null"));
            }
        }
        repository.setEcosocStatus(organizationId, value);
        return Result.ok(organizations.find(organizationId).orElseThrow());
    }

    private Refusal adminRefusal(String organizationId, Actor actor) {
        if (organizations.find(organizationId).isEmpty()) {
            return notFound();
        }
        if (!permissions.canVerify(actor)) {
            return Refusal.forbidden("not-administrator", "Only a platform administrator can do this.");
        }
        return null;
    }

    private static Refusal notFound() {
        return Refusal.notFound("organization-not-found", "There is no such organisation.");
    }

    private static Refusal domainClaimed(String domain) {
        return Refusal.conflict("domain-claimed", "The domain " + domain + " is already claimed by another organisation.",
                "email");
    }

    private static Refusal tokenRefusal(String code, String title, String message) {
        return new Refusal(Refusal.Kind.INVALID, code, title, List.of(new Refusal.FieldMessage("token", message)));
    }
}
