package org.polylogue.notification.api;

import org.polylogue.notification.Mailer;
import org.polylogue.notification.internal.DevMailbox;
import org.polylogue.shared.Paged;
import org.polylogue.shared.security.PublicEndpoint;
import org.polylogue.shared.web.Paging;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
class DevMailboxApi {

    private final Mailer mailer;
    private final DevMailbox mailbox;

    DevMailboxApi(Mailer mailer, DevMailbox mailbox) {
        this.mailer = mailer;
        this.mailbox = mailbox;
    }

    @GetMapping("/api/v1/dev/mailbox")
    @PublicEndpoint("exists only without SMTP, on development and demo installations")
    Paged<DevMailbox.StoredMail> mailbox(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        if (!mailer.devMailboxEnabled()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return mailbox.list(Paging.of(page, size));
    }
}
