package org.polylogue.stakeholder.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Mail domains as organisations claim them: normalised (lower case, IDN in ASCII) and checked
 * against the public webmail services listed in {@code stakeholder/free-mail-domains.txt}.
 */
@Component
public class MailDomains {

    private final Set<String> exact = new HashSet<>();
    private final Set<String> anyTopLevel = new HashSet<>();

    MailDomains() {
        var stream = MailDomains.class.getResourceAsStream("/stakeholder/free-mail-domains.txt");
        if (stream == null) {
            throw new IllegalStateException("stakeholder/free-mail-domains.txt is missing");
        }
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            reader.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(line -> {
                if (line.endsWith(".*")) {
                    anyTopLevel.add(line.substring(0, line.length() - 2).toLowerCase(Locale.ROOT));
                } else {
                    exact.add(line.toLowerCase(Locale.ROOT));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The domain of an address, lower case and in ASCII (punycode), or null when the address has no
     * valid domain of at least two labels.
     */
    public static String domainOf(String email) {
        if (email == null) {
            return null;
        }
        String address = email.strip();
        int at = address.lastIndexOf('@');
        if (at < 1 || at == address.length() - 1 || address.indexOf('@') != at || address.length() > 254) {
            return null;
        }
        String domain = address.substring(at + 1);
        if (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        try {
            domain = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (domain.length() > 253 || !domain.contains(".") || domain.startsWith(".") || domain.contains("..")) {
            return null;
        }
        return domain;
    }

    /** Whether the (normalised) domain belongs to a public mail service, or is a subdomain of one. */
    public boolean isFreeMail(String domain) {
        String[] labels = domain.split("\\.");
        for (int i = 0; i < labels.length - 1; i++) {
            String suffix = String.join(".", java.util.Arrays.copyOfRange(labels, i, labels.length));
            if (exact.contains(suffix)) {
                return true;
            }
            // "yahoo.*": the name followed only by a top-level domain, perhaps under a short second level (co.uk, com.br)
            if (anyTopLevel.contains(labels[i])) {
                int rest = labels.length - i - 1;
                if (rest == 1 || (rest == 2 && labels[i + 1].length() <= 3)) {
                    return true;
                }
            }
        }
        return false;
    }
}
