package org.polylogue.notification.web;

import jakarta.servlet.http.HttpServletRequest;
import org.polylogue.notification.internal.DevMailbox;
import org.polylogue.notification.internal.MailDelivery;
import org.polylogue.shared.security.Actor;
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

    private final MailDelivery delivery;
    private final DevMailbox mailbox;

    DevMailboxPage(MailDelivery delivery, DevMailbox mailbox) {
        this.delivery = delivery;
        this.mailbox = mailbox;
    }

    @GetMapping("/dev/mailbox")
    @PublicEndpoint("exists only without SMTP; open on local demo installations, else to administrators and this machine")
    String mailbox(@RequestParam(defaultValue = "0") int page, HttpServletRequest request, Actor actor, Model model) {
        if (!delivery.mailboxReadableBy(request, actor)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("mails", mailbox.list(Paging.forPages(page, 50)));
        return "notification/mailbox";
    }
}
