package org.polylogue.stakeholder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A country by its ISO 3166-1 alpha-2 code, with its English name and UN regional group. */
public record Country(String code) {

    private static final Set<String> CODES = Set.of(Locale.getISOCountries());
    private static final Map<String, RegionalGroup> GROUPS = loadGroups();

    public Country {
        if (code == null || !CODES.contains(code)) {
            throw new IllegalArgumentException("Not an ISO 3166-1 alpha-2 country code: " + code);
        }
    }

    /** Whether the (upper-case) code is an ISO 3166-1 alpha-2 country code. */
    public static boolean isValid(String code) {
        return code != null && CODES.contains(code);
    }

    public String name() {
        return Locale.of("", code).getDisplayCountry(Locale.ENGLISH);
    }

    public RegionalGroup regionalGroup() {
        return GROUPS.getOrDefault(code, RegionalGroup.NONE);
    }

    /** All countries, sorted by English name, for pickers. */
    public static List<Country> all() {
        return CODES.stream().map(Country::new).sorted(Comparator.comparing(Country::name)).toList();
    }

    private static Map<String, RegionalGroup> loadGroups() {
        Map<String, RegionalGroup> groups = new HashMap<>();
        var stream = Country.class.getResourceAsStream("/stakeholder/un-regional-groups.csv");
        if (stream == null) {
            throw new IllegalStateException("stakeholder/un-regional-groups.csv is missing");
        }
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            reader.lines().skip(1).filter(line -> !line.isBlank()).forEach(line -> {
                String[] parts = line.split(",");
                groups.put(parts[0].strip(), RegionalGroup.valueOf(parts[1].strip()));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(groups);
    }
}
