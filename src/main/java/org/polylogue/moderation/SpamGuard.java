package org.polylogue.moderation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.polylogue.moderation.internal.ModerationRepository;
import org.polylogue.shared.Ids;
import org.polylogue.shared.Refusal;
import org.polylogue.shared.Result;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The spam guard on everything people publish (comments now; statements and submissions call it
 * too). {@link #check} refuses a text before it is published (too many links); {@link #afterPublished}
 * notices the same text posted by several accounts in a process and flags those posts to the
 * moderators' queue. Nothing is ever dropped silently or hidden automatically: a refusal says why,
 * and a flag waits for a person. The rate of posting is limited elsewhere ({@code RateLimit}).
 */
@Service
public class SpamGuard {

    private static final Pattern LINK = Pattern.compile("(?i)(?:https?://|ftp://|www\\.)");

    private final ModerationRepository repository;
    private final Clock clock;
    private final int maxLinks;
    private final int identicalAccounts;

    SpamGuard(ModerationRepository repository, Clock clock, @Value("${polylogue.spam.max-links:10}") int maxLinks,
            @Value("${polylogue.spam.identical-accounts:3}") int identicalAccounts) {
        this.repository = repository;
        this.clock = clock;
        this.maxLinks = maxLinks;
        this.identicalAccounts = identicalAccounts;
    }

    /**
     * Whether the text may be published. Refused (400, field {@code body}): more links than
     * {@code polylogue.spam.max-links} (default 10).
     */
    public Result<Void> check(String kind, String processId, String accountId, String text) {
        int links = countLinks(text);
        if (links > maxLinks) {
            return Result.rejected(Refusal.invalid("body", "has " + links + " links; at most " + maxLinks
                    + " are allowed in one post"));
        }
        return Result.ok(null);
    }

    /**
     * Call in the transaction that published the item: when the same text (ignoring case, spacing and
     * punctuation) now stands in posts of {@code polylogue.spam.identical-accounts} (default 3) or more
     * different accounts in the process, each of those posts is flagged to the moderators' queue.
     */
    public void afterPublished(String kind, String id, String processId, String accountId, String text) {
        String normal = normalise(text);
        if (normal.isEmpty() || accountId == null) {
            return;
        }
        String hash = sha256(normal);
        Instant now = Instant.now(clock);
        var seen = repository.recordAndCount(kind, id, processId, accountId, hash, now, identicalAccounts);
        if (seen.knownCampaign()) {
            // already a campaign here: flag this post alone, without going over the others again
            repository.flag(Ids.next(), kind, id, processId, "Spam guard: the same text was posted by "
                    + identicalAccounts + " or more different accounts in this process.", now);
            return;
        }
        if (seen.otherAccounts() + 1 < identicalAccounts) {
            return;
        }
        if (!repository.markCampaign(processId, hash, now)) {
            // another post of the same text crossed the threshold at the same moment and flags the others
            repository.flag(Ids.next(), kind, id, processId, "Spam guard: the same text was posted by "
                    + identicalAccounts + " or more different accounts in this process.", now);
            return;
        }
        var same = repository.fingerprint(kind, id, processId, accountId, hash, now);
        Set<String> accounts = new HashSet<>();
        same.forEach(row -> accounts.add(row[2]));
        String reason = "Spam guard: the same text was posted by " + accounts.size()
                + " different accounts in this process.";
        for (String[] row : same) {
            repository.flag(Ids.next(), row[0], row[1], processId, reason, now);
        }
    }

    static int countLinks(String text) {
        if (text == null) {
            return 0;
        }
        var matcher = LINK.matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    /** Lower case, compatibility-normalised, letters and digits only, single spaces. */
    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String n = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return n.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
