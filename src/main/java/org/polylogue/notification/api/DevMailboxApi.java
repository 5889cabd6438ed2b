package org.polylogue.notification.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.polylogue.notification.internal.DevMailbox;
import org.polylogue.notification.internal.MailDelivery;
import org.polylogue.shared.Paged;
import org.polylogue.shared.security.Actor;
import org.polylogue.shared.security.PublicEndpoint;
import org.polylogue.shared.web.Paging;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@Tag(name = "Development", description = "The mails sent while no SMTP server is configured (absent when SMTP is set)")
@RestController
class DevMailboxApi {

    private final MailDelivery delivery;
    private final DevMailbox mailbox;

    DevMailboxApi(MailDelivery delivery, DevMailbox mailbox) {
        this.delivery = delivery;
        this.mailbox = mailbox;
    }

    @GetMapping("/api/v1/dev/mailbox")
    @PublicEndpoint("exists only without SMTP; open on local demo installations, else to administrators and this machine")
    @Operation(operationId = "devMailboxMailbox", summary = "Mails sent in development",
            description = "The mails the platform sent while no SMTP server is configured, newest first. Absent when SMTP is set.")
    Paged<DevMailbox.StoredMail> mailbox(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size, HttpServletRequest request, Actor actor) {
        if (!delivery.mailboxReadableBy(request, actor)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return mailbox.list(Paging.of(page, size));
    }
}
