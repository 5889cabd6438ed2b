package org.polylogue.account.internal;

import org.polylogue.account.Accounts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** Creates or updates the platform administrator named by POLYLOGUE_ADMIN_EMAIL / _PASSWORD. */
@Component
@Order(0)
class AdministratorBootstrap implements ApplicationRunner {

    private final Accounts accounts;
    private final String email;
    private final String password;

    AdministratorBootstrap(Accounts accounts, @Value("${polylogue.admin.email:}") String email,
            @Value("${polylogue.admin.password:}") String password) {
        this.accounts = accounts;
        this.email = email;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (StringUtils.hasText(email) && StringUtils.hasText(password)) {
            accounts.ensureAdministrator(email, password);
        }
    }
}
