package org.polylogue.notification.web;

import org.polylogue.notification.Mailer;
import org.polylogue.notification.internal.DevMailbox;
import org.polylogue.shared.security.PublicEndpoint;
import org.polylogue.shared.web.Paging;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

@Controller
class DevMailboxPage {

    private final Mailer mailer;
    private final DevMailbox mailbox;

    DevMailboxPage(Mailer mailer, DevMailbox mailbox) {
        this.mailer = mailer;
        this.mailbox = mailbox;
    }

    @GetMapping("/dev/mailbox")
    @PublicEndpoint("exists only without SMTP, on development and demo installations")
    String mailbox(@RequestParam(defaultValue = "0") int page, Model model) {
        if (!mailer.devMailboxEnabled()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("mails", mailbox.list(Paging.forPages(page, 50)));
        return "notification/mailbox";
    }
}
