package org.polylogue.stakeholder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.polylogue.PolylogueTest;
import org.polylogue.account.AccountView;
import org.polylogue.account.Accounts;
import org.polylogue.account.Pseudonyms;
import org.polylogue.account.RegisterAccount;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.SecurityEvent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Role, verification and pseudonym changes publish security events for the audit log. */
@PolylogueTest
@RecordApplicationEvents
class OrganizationSecurityEventsIntegrationTest {

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    OrganizationVerification verification;

    @Autowired
    Pseudonyms pseudonyms;

    @Autowired
    ApplicationEvents events;

    private AccountView person(String name) {
        return accounts.register(new RegisterAccount("e" + UUID.randomUUID().toString().substring(0, 8) + "@example.org",
                "correct horse battery", name)).orThrow();
    }

    private static Actor actor(AccountView account) {
        return new Actor(account.id(), account.displayName(), account.administrator());
    }

    private java.util.List<SecurityEvent> security() {
        return events.stream(SecurityEvent.class).toList();
    }

    @Test
    void roleChangesArePublished() {
        var lead = person("Lead");
        var other = person("Other");
        var org = organizations.create(new CreateOrganization("Events Org " + UUID.randomUUID(), "ACADEMIA", "JP"),
                actor(lead)).orThrow();
        organizations.addMember(org.id(), other.email(), MemberRole.MEMBER, actor(lead)).orThrow();
        organizations.acceptInvitation(org.id(), actor(other)).orThrow();
        organizations.changeRole(org.id(), other.id(), MemberRole.REPRESENTATIVE, actor(lead)).orThrow();
        organizations.changeRole(org.id(), other.id(), MemberRole.MEMBER, actor(lead)).orThrow();
        organizations.removeMember(org.id(), other.id(), actor(lead)).orThrow();
        assertThat(security()).extracting(SecurityEvent::kind).containsExactly(SecurityEvent.Kind.ROLE_GRANTED,
                SecurityEvent.Kind.ROLE_GRANTED, SecurityEvent.Kind.ROLE_GRANTED, SecurityEvent.Kind.ROLE_REVOKED,
                SecurityEvent.Kind.ROLE_REVOKED);
        var last = security().getLast();
        assertThat(last.subject()).isEqualTo("organization:" + org.id());
        assertThat(last.detail()).isEqualTo("MEMBER account:" + other.id());
        assertThat(last.actorAccountId()).isEqualTo(lead.id());
        assertThat(security().get(3).detail()).isEqualTo("REPRESENTATIVE account:" + other.id());
    }

    @Test
    void verificationAndPseudonymChangesArePublished() {
        var lead = person("Verifier");
        var org = organizations.create(new CreateOrganization("Verified Org " + UUID.randomUUID(), "ACADEMIA", "JP"),
                actor(lead)).orThrow();
        verification.claimDomain(org.id(), "a@events-" + UUID.randomUUID().toString().substring(0, 6) + ".example",
                actor(lead)).orThrow();
        var admin = new Actor("admin-id", "Administrator", true);
        verification.verify(org.id(), "Known partner.", admin).orThrow();
        pseudonyms.set("Quiet " + UUID.randomUUID().toString().substring(0, 6), actor(lead)).orThrow();
        assertThat(security()).extracting(SecurityEvent::kind).containsSubsequence(
                SecurityEvent.Kind.ORGANIZATION_DOMAIN_CLAIMED, SecurityEvent.Kind.ORGANIZATION_VERIFIED,
                SecurityEvent.Kind.PSEUDONYM_CHANGED);
        var verified = security().stream().filter(e -> e.kind() == SecurityEvent.Kind.ORGANIZATION_VERIFIED)
                .findFirst().orElseThrow();
        assertThat(verified.detail()).isEqualTo("ADMINISTRATOR: Known partner.");
        assertThat(verified.actorAccountId()).isEqualTo("admin-id");
        var pseudonym = security().getLast();
        assertThat(pseudonym.subject()).isEqualTo("account:" + lead.id());
    }
}
