package org.polylogue.meeting;

import java.util.List;
import org.polylogue.account.Accounts;
import org.polylogue.meeting.internal.MeetingRepository;
import org.polylogue.notification.Mail;
import org.polylogue.notification.Mailer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Mails people about their registration after it is stored, with the meeting as an {@code .ics} file. */
@Component
class RegistrationMail {

    private final MeetingRepository meetings;
    private final MeetingCalendars calendars;
    private final Accounts accounts;
    private final Mailer mailer;
    private final Meetings meetingLinks;

    RegistrationMail(MeetingRepository meetings, MeetingCalendars calendars, Accounts accounts, Mailer mailer,
            Meetings meetingLinks) {
        this.meetings = meetings;
        this.calendars = calendars;
        this.accounts = accounts;
        this.mailer = mailer;
        this.meetingLinks = meetingLinks;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void registered(ParticipantRegistered event) {
        boolean confirmed = event.status() == RegistrationStatus.REGISTERED;
        send(event.meetingId(), event.accountId(), confirmed,
                confirmed ? "You are registered for: " : "You are on the waiting list for: ",
                confirmed ? "Your place is confirmed." : "The meeting is full, so you are on the waiting list. If a "
                        + "place becomes free, it goes to the first person waiting and we mail you.");
    }

    @TransactionalEventListener(fallbackExecution = true)
    void promoted(ParticipantPromoted event) {
        send(event.meetingId(), event.accountId(), true, "A place became free: you are registered for: ",
                "A place became free and it is yours: you are now registered.");
    }

    private void send(String meetingId, String accountId, boolean withCalendar, String subject, String opening) {
        var meeting = meetings.findById(meetingId).orElse(null);
        var account = accounts.find(accountId).orElse(null);
        if (meeting == null || account == null) {
            return;
        }
        String url = meetingLinks.publicUrl() + "/meetings/" + meeting.slug();
        var text = new StringBuilder("Hello ").append(account.displayName()).append(",\n\n").append(opening)
                .append("\n\n").append(meeting.title()).append("\n").append(MeetingTimes.local(meeting)).append("\n")
                .append(MeetingTimes.utc(meeting)).append("\n");
        if (meeting.place() != null) {
            text.append("Place: ").append(meeting.place()).append("\n");
        }
        if (meeting.onlineUrl() != null) {
            text.append("Online: ").append(meeting.onlineUrl()).append("\n");
        }
        text.append("\nThe meeting's page, where you can also cancel your registration:\n").append(url).append("\n");
        if (withCalendar) {
            text.append("\nThe attached file adds the meeting to your calendar.\n");
        }
        var attachments = withCalendar ? List.of(Mail.Attachment.text(meeting.slug() + ".ics",
                "text/calendar; charset=UTF-8; method=PUBLISH", calendars.calendar(meeting))) : List.<Mail.Attachment>of();
        mailer.send(new Mail(account.email(), subject + meeting.title(), text.toString(), attachments));
    }
}
