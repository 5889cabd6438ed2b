package org.polylogue.stakeholder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CountryTest {

    @ParameterizedTest
    @CsvSource({"KE, AFRICAN", "SN, AFRICAN", "SS, AFRICAN", "CL, LATIN_AMERICAN_AND_CARIBBEAN",
        "JM, LATIN_AMERICAN_AND_CARIBBEAN", "EE, EASTERN_EUROPEAN", "PL, EASTERN_EUROPEAN", "ID, ASIA_PACIFIC",
        "CY, ASIA_PACIFIC", "KI, ASIA_PACIFIC", "FR, WESTERN_EUROPEAN_AND_OTHERS", "US, WESTERN_EUROPEAN_AND_OTHERS",
        "TR, WESTERN_EUROPEAN_AND_OTHERS", "IL, WESTERN_EUROPEAN_AND_OTHERS", "TW, NONE", "PS, NONE", "VA, NONE",
        "HK, NONE"})
    void countriesBelongToTheirUnRegionalGroup(String code, RegionalGroup group) {
        assertThat(new Country(code).regionalGroup()).isEqualTo(group);
    }

    @Test
    void everyUnMemberStateHasItsGroupAndTheGroupsHaveTheirSizes() {
        Map<RegionalGroup, Long> sizes = Country.all().stream()
                .collect(Collectors.groupingBy(Country::regionalGroup, Collectors.counting()));
        assertThat(sizes.entrySet().stream().filter(e -> e.getKey() != RegionalGroup.NONE)
                .mapToLong(Map.Entry::getValue).sum()).isEqualTo(193);
        assertThat(sizes).containsEntry(RegionalGroup.AFRICAN, 54L).containsEntry(RegionalGroup.EASTERN_EUROPEAN, 23L)
                .containsEntry(RegionalGroup.LATIN_AMERICAN_AND_CARIBBEAN, 33L);
    }

    @Test
    void countriesHaveTheirEnglishNames() {
        assertThat(new Country("KE").name()).isEqualTo("Kenya");
        assertThat(new Country("CL").name()).isEqualTo("Chile");
        assertThat(new Country("FR").name()).isEqualTo("France");
    }

    @Test
    void allIsSortedByNameForPickers() {
        var names = Country.all().stream().map(Country::name).toList();
        assertThat(names).isSorted().hasSizeGreaterThan(240);
        assertThat(Country.all().stream().collect(Collectors.toMap(Country::code, Function.identity()))).containsKey("KE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ke", "XX", "UK", "KEN", "", " KE"})
    void onlyUpperCaseIsoAlpha2CodesAreCountries(String code) {
        assertThat(Country.isValid(code)).isFalse();
        assertThatThrownBy(() -> new Country(code)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nullIsNotACountry() {
        assertThat(Country.isValid(null)).isFalse();
        assertThatThrownBy(() -> new Country(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void regionalGroupsHaveLabels() {
        assertThat(RegionalGroup.LATIN_AMERICAN_AND_CARIBBEAN.label()).isEqualTo("Latin American and Caribbean Group");
        assertThat(RegionalGroup.WESTERN_EUROPEAN_AND_OTHERS.label()).isEqualTo("Western European and Others Group");
    }
}
