package org.polylogue.account;

import java.util.List;
import org.polylogue.account.internal.AccountRepository;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.SecurityEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person may show only a pseudonym publicly: 2 to 60 characters, unique whatever its case, and
 * never another person's display name or an organisation's name. The secretariat of a process
 * still sees the verified identity ({@link Accounts#identitiesBehindPseudonyms}).
 */
@Service
public class Pseudonyms {

    public static final int MIN = 2;
    public static final int MAX = 60;

    private final AccountRepository accounts;
    private final List<NameReservation> reservations;
    private final ApplicationEventPublisher events;

    Pseudonyms(AccountRepository accounts, List<NameReservation> reservations, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.reservations = reservations;
        this.events = events;
    }

    /**
     * Sets (or with null or blank, removes) the actor's pseudonym. Refused: wrong length (400, field
     * {@code pseudonym}), taken by another person or an organisation (409 {@code pseudonym-taken}).
     */
    @Transactional
    public Result<AccountView> set(String pseudonym, Actor actor) {
        String value = pseudonym == null ? null : pseudonym.strip().replaceAll("\\s+", " ");
        if (value != null && value.isEmpty()) {
            value = null;
        }
        if (value != null && (value.length() < MIN || value.length() > MAX)) {
            return Result.rejected(Refusal.invalid("pseudonym", "must be " + MIN + " to " + MAX + " characters"));
        }
        if (value != null && value.codePoints().anyMatch(Character::isISOControl)) {
            return Result.rejected(Refusal.invalid("pseudonym", "must not contain control characters"));
        }
        var current = accounts.find(actor.accountId()).orElseThrow();
        if (java.util.Objects.equals(current.pseudonym(), value)) {
            return Result.ok(current);
        }
        if (value != null) {
            String name = value;
            if (accounts.nameUsedByOther(name, actor.accountId())
                    || reservations.stream().anyMatch(reservation -> reservation.isTaken(name))) {
                return Result.rejected(taken());
            }
        }
        // the same pseudonym taken at the same moment: the unique index answers 409 conflict
        accounts.setPseudonym(actor.accountId(), value);
        events.publishEvent(new PublicNameChanged(actor.accountId()));
        events.publishEvent(new SecurityEvent(SecurityEvent.Kind.PSEUDONYM_CHANGED, actor.accountId(),
                "account:" + actor.accountId(), value == null ? "removed" : "set"));
        return Result.ok(accounts.find(actor.accountId()).orElseThrow());
    }

    private static Refusal taken() {
        return Refusal.conflict("pseudonym-taken",
                "This name is taken by another person or an organisation; choose another.", "pseudonym");
    }
}
