package org.polylogue.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Short comments as people write them, in the three Latin-script languages (where function words
 * alone or OpenNLP decide) and the three others (where the script does).
 */
class LanguageGuessTest {

    private final LanguageGuess guess = new LanguageGuess();

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            en | States should protect hospitals and other critical infrastructure from ransomware.
            en | The paragraph is too vague on what responsible behaviour means for the private sector.
            en | We support the text as drafted.
            en | Capacity building needs predictable funding over several years.
            fr | Les États devraient protéger les hôpitaux et les infrastructures critiques.
            fr | Nous soutenons ce paragraphe, mais il faut préciser le rôle de la société civile.
            fr | Ce texte est trop vague sur la notion de comportement responsable.
            fr | Le renforcement des capacités exige un financement prévisible.
            es | Los Estados deben proteger los hospitales y las infraestructuras críticas.
            es | Apoyamos el texto, pero hay que precisar el papel de la sociedad civil.
            es | El párrafo es demasiado vago sobre el comportamiento responsable.
            es | La creación de capacidades necesita una financiación previsible y sostenida.
            ru | Государства должны защищать больницы и критическую инфраструктуру.
            ar | يجب على الدول حماية المستشفيات والبنية التحتية الحيوية.
            zh | 各国应当保护医院和关键基础设施。
            """)
    void tellsTheLanguageOfAShortComment(String language, String text) {
        assertThat(guess.detect(text)).isEqualTo(language);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            en | ransomware hospitals election integrity
            fr | rançongiciels hôpitaux intégrité électorale coopération
            """)
    void decidesTextsWithoutFunctionWordsToo(String language, String text) {
        assertThat(guess.detect(text)).isEqualTo(language);
    }
}
