package org.polylogue;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.polylogue.shared.security.PublicEndpoint;
import org.polylogue.shared.security.RequiresSignIn;
import org.springframework.web.bind.annotation.RequestMapping;

class EndpointPermissionArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.polylogue");

    @Test
    void everyEndpointIsPublicByDecisionOrChecksAPermission() {
        ArchRule rule = methods().that().areMetaAnnotatedWith(RequestMapping.class)
                .should().beAnnotatedWith(PublicEndpoint.class).orShould().beAnnotatedWith(RequiresSignIn.class)
                .because("every endpoint is public by decision or checks a permission (STYLE.md, rule 5); "
                        + "EndpointAccessInterceptor refuses unmarked handlers at run time too");
        rule.check(CLASSES);
    }

    @Test
    void onlyTheAccountModuleTouchesPasswordHashing() {
        ArchRule rule = com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses()
                .that().resideOutsideOfPackage("org.polylogue.account..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework.security.crypto..")
                .because("passwords and their hashes belong to the account module alone");
        rule.check(CLASSES);
    }
}
