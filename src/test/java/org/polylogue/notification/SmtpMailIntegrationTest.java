package org.polylogue.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.polylogue.TestApi.assertProblem;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.polylogue.TestApi;
import org.polylogue.TestBrowser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With {@code POLYLOGUE_SMTP_URL} set, mail goes out over real SMTP (to GreenMail) and the dev
 * mailbox is gone. This needs its own application context, so a second server and database start.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "polylogue.data-dir=target/test-data/${random.uuid}",
    "polylogue.demo=false",
    "polylogue.db.pool-size=4",
    "polylogue.public-url=https://polylogue.example.org/"
})
class SmtpMailIntegrationTest {

    static final GreenMail SMTP = start();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("polylogue.smtp-url", () -> "smtp://user:pass@localhost:" + SMTP.getSmtp().getPort());
    }

    @AfterAll
    static void stop() {
        SMTP.stop();
    }

    @Test
    void theVerificationMailIsSentOverSmtp() throws Exception {
        var api = new TestApi(port);
        var registered = api.post("/api/v1/accounts", Map.of("email", "smtp.reader@example.org", "password",
                TestApi.PASSWORD, "displayName", "Smtp Reader"), null);
        assertThat(registered.status()).isEqualTo(201);

        assertThat(SMTP.waitForIncomingEmail(10_000, 1)).as("a mail arrives at the SMTP server").isTrue();
        var mail = SMTP.getReceivedMessages()[0];
        assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
                .containsExactly("smtp.reader@example.org");
        assertThat(mail.getFrom()[0].toString()).contains("no-reply@polylogue.localhost");
        assertThat(mail.getSubject()).isEqualTo("Confirm your email address for Polylogue");
        assertThat(GreenMailUtil.getBody(mail)).contains("Hello Smtp Reader")
                .contains("https://polylogue.example.org/verify-email?token=");
        assertThat(jdbc.queryForObject("select count(*) from notification_dev_mail", Long.class)).isZero();
    }

    @Test
    void theDevelopmentMailboxIsAbsent() {
        assertProblem(new TestApi(port).get("/api/v1/dev/mailbox"), 404, "not-found", null);
        var page = new TestBrowser(port).get("/dev/mailbox");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).doesNotContain("Development mailbox");
    }

    private static GreenMail start() {
        var greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        greenMail.setUser("user", "pass");
        greenMail.start();
        return greenMail;
    }
}
