package org.polylogue.shared.database;

import java.util.Arrays;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The event publication registry of Spring Modulith reads the database while it is destroyed; it
 * declares no dependency on the database, so Spring could stop the embedded PostgreSQL first and
 * shutdown would hang on a connection. Declaring the dependency makes the database stop last.
 */
@Configuration(proxyBeanMethods = false)
class StopDatabaseLast {

    @Bean
    static BeanFactoryPostProcessor eventRegistryNeedsDatabase() {
        return (ConfigurableListableBeanFactory factory) -> {
            for (String name : factory.getBeanDefinitionNames()) {
                if (name.toLowerCase(java.util.Locale.ROOT).contains("eventpublication")) {
                    var definition = factory.getBeanDefinition(name);
                    String[] current = definition.getDependsOn() == null ? new String[0] : definition.getDependsOn();
                    String[] next = Arrays.copyOf(current, current.length + 1);
                    next[current.length] = "embeddedDatabase";
                    definition.setDependsOn(next);
                }
            }
        };
    }
}
