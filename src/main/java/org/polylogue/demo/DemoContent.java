package org.polylogue.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.polylogue.account.Accounts;
import org.polylogue.account.RegisterAccount;
import org.polylogue.accreditation.Accreditations;
import org.polylogue.accreditation.DecideRequest;
import org.polylogue.accreditation.ObjectToRequest;
import org.polylogue.accreditation.RequestAccreditation;
import org.polylogue.contribution.Comments;
import org.polylogue.contribution.SubmitComment;
import org.polylogue.process.AppointRole;
import org.polylogue.process.Consultations;
import org.polylogue.process.CreateProcess;
import org.polylogue.process.OpenConsultation;
import org.polylogue.process.ProcessRoles;
import org.polylogue.process.Processes;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.Actor;
import org.polylogue.stakeholder.CreateOrganization;
import org.polylogue.stakeholder.OrganizationVerification;
import org.polylogue.stakeholder.Organizations;
import org.polylogue.stakeholder.StakeholderGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Seeds an empty database with demo content on first start: by default with the embedded
 * database, never with an external one unless {@code POLYLOGUE_DEMO=true}. Every demo account has
 * the password {@value #PASSWORD}; the secretariat of the demo process (not a platform
 * administrator) is {@value #SECRETARIAT}.
 */
@Component
@Order(10)
class DemoContent implements ApplicationRunner {

    static final String PASSWORD = "demo-password-2026";
    static final String SECRETARIAT = "secretariat@demo.polylogue.localhost";
    static final String MODERATOR = "moderator@demo.polylogue.localhost";
    static final String PROCESS = "oewg-ict-2026-2030";
    static final String OPEN_CONSULTATION = "zero-draft-permanent-mechanism";
    static final String CLOSED_CONSULTATION = "pre-draft-annual-progress-report";

    private static final Logger log = LoggerFactory.getLogger(DemoContent.class);

    private final Accounts accounts;
    private final Organizations organizations;
    private final Processes processes;
    private final Consultations consultations;
    private final Comments comments;
    private final ProcessRoles roles;
    private final Accreditations accreditations;
    private final OrganizationVerification verification;
    private final DemoStatements demoStatements;
    private final Clock clock;
    private final boolean enabled;
    private final DemoModeration moderation;
    @org.springframework.beans.factory.annotation.Autowired private DemoSubmissions demoSubmissions;
    @org.springframework.beans.factory.annotation.Autowired private DemoPositions demoPositions;
    @org.springframework.beans.factory.annotation.Autowired private DemoMeetings demoMeetings;
    @org.springframework.beans.factory.annotation.Autowired private DemoSynthesis demoSynthesis;
    @org.springframework.beans.factory.annotation.Autowired private DemoTranscripts demoTranscripts;
    @org.springframework.beans.factory.annotation.Autowired private DemoAmendments demoAmendments;
    @org.springframework.beans.factory.annotation.Autowired private DemoVersions demoVersions;

    DemoContent(Accounts accounts, Organizations organizations, Processes processes, Consultations consultations,
            Comments comments, ProcessRoles roles, Accreditations accreditations, OrganizationVerification verification,
            DemoStatements demoStatements, Clock clock,
            @Value("${polylogue.demo:}") String demo, @Value("${polylogue.db.url:}") String externalDatabase,
            DemoModeration moderation) {
        this.moderation = moderation;
        this.accounts = accounts;
        this.organizations = organizations;
        this.processes = processes;
        this.consultations = consultations;
        this.comments = comments;
        this.roles = roles;
        this.accreditations = accreditations;
        this.verification = verification;
        this.demoStatements = demoStatements;
        this.clock = clock;
        this.enabled = StringUtils.hasText(demo) ? Boolean.parseBoolean(demo) : !StringUtils.hasText(externalDatabase);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (enabled && processes.all().isEmpty() && organizations.count() == 0) {
            seed();
        }
    }

    void seed() {
        log.info("Seeding demo content (all demo accounts use the password {})", PASSWORD);
        var secretariatAccount = accounts.register(new RegisterAccount(SECRETARIAT, PASSWORD,
                "Secretariat of the working group")).orThrow();
        accounts.confirmEmailForDemo(secretariatAccount.id());
        // The platform itself creates the demo process on behalf of the secretariat account, which
        // becomes the process's secretariat without being a platform administrator.
        var platform = new Actor(secretariatAccount.id(), secretariatAccount.displayName(), true);
        var secretariat = new Actor(secretariatAccount.id(), secretariatAccount.displayName(), false);

        Map<String, Actor> representatives = new HashMap<>();
        Map<String, String> organizationIds = new HashMap<>();
        int n = 0;
        for (Map<String, String> row : csv("demo/organizations.csv")) {
            n++;
            String email = "representative" + n + "@demo.polylogue.localhost";
            var account = accounts.register(new RegisterAccount(email, PASSWORD, "Representative of " + row.get("name")))
                    .orThrow();
            accounts.confirmEmailForDemo(account.id());
            var actor = new Actor(account.id(), account.displayName(), false);
            var organization = organizations.create(new CreateOrganization(row.get("name"), row.get("type"),
                    row.get("country")), actor).orThrow();
            representatives.put(row.get("name"), actor);
            organizationIds.put(row.get("name"), organization.id());
        }

        processes.create(new CreateProcess(PROCESS,
                "Open-ended working group on security of and in the use of ICTs 2026–2030",
                "A working group open to all member states, with stakeholders taking part, that discusses threats, "
                        + "norms of responsible state behaviour, international law, confidence-building measures and "
                        + "capacity-building, and prepares a permanent mechanism for regular institutional dialogue."),
                platform).orThrow();

        Instant now = Instant.now(clock);
        var open = consultations.open(PROCESS, new OpenConsultation(OPEN_CONSULTATION,
                "Zero draft: elements of a permanent mechanism on ICT security",
                now.minus(Duration.ofDays(7)).atOffset(ZoneOffset.UTC), now.plus(Duration.ofDays(45)).atOffset(ZoneOffset.UTC),
                new OpenConsultation.Document("markdown", text("demo/open-draft.md"))), secretariat).orThrow();
        consultations.open(PROCESS, new OpenConsultation(CLOSED_CONSULTATION,
                "Initial pre-draft: annual progress report",
                now.minus(Duration.ofDays(120)).atOffset(ZoneOffset.UTC), now.minus(Duration.ofDays(60)).atOffset(ZoneOffset.UTC),
                new OpenConsultation.Document("markdown", text("demo/closed-draft.md"))), secretariat).orThrow();

        var paragraphs = open.document().paragraphs();
        for (Map<String, String> row : csv("demo/comments.csv")) {
            String organization = row.get("organization");
            String paragraph = row.get("paragraph");
            String paragraphId = StringUtils.hasText(paragraph)
                    ? paragraphs.get(Integer.parseInt(paragraph.strip()) - 1).paragraphId() : null;
            var result = comments.submit(OPEN_CONSULTATION,
                    new SubmitComment(paragraphId, row.get("body"), organizationIds.get(organization)),
                    representatives.get(organization));
            if (result instanceof Result.Rejected<?> rejected) {
                log.warn("Demo comment refused: {}", rejected.refusal());
            }
        }
        importOnClosed(secretariat);
        trust(organizationIds, platform);
        accounts.register(new RegisterAccount(MODERATOR, PASSWORD, "Moderator of the working group")).orThrow();
        roles.appoint(PROCESS, new AppointRole(MODERATOR, "MODERATOR"), secretariat).orThrow();
        accreditationLog(representatives, organizationIds, secretariat);
        moderation.seed(secretariat, representatives.values().iterator().next());
        demoSubmissions.seed(OPEN_CONSULTATION, representatives, organizationIds);
        demoStatements.seed(representatives, organizationIds, platform, OPEN_CONSULTATION, paragraphs);
        demoMeetings.seed(PROCESS, representatives, organizationIds, secretariat);
        demoTranscripts.seed(secretariat);
        demoPositions.seed(secretariat, representatives, organizationIds);
        demoSynthesis.seed(OPEN_CONSULTATION, paragraphs, secretariat);
        // amendments on the zero draft, disposed and published; then versions 2 and 3 carry what was accepted
        demoAmendments.seed(OPEN_CONSULTATION, secretariat, representatives, organizationIds);
        demoVersions.publishVersions(OPEN_CONSULTATION, secretariat);
        demoSynthesis.start(OPEN_CONSULTATION, secretariat);
    }

    /** Member states verified by an administrator, ECOSOC status for some NGOs. */
    private void trust(Map<String, String> organizationIds, Actor platform) {
        for (var organization : organizations.find(organizationIds.values()).values()) {
            if (organization.type() == StakeholderGroup.MEMBER_STATE) {
                verification.verify(organization.id(), "Demo: verified through the permanent mission's letter.",
                        platform).orThrow();
            }
        }
        for (var ecosoc : Map.of("Sahel Digital Rights Collective", "SPECIAL", "Caribbean Digital Resilience Alliance",
                "ROSTER").entrySet()) {
            verification.setEcosocStatus(organizationIds.get(ecosoc.getKey()), ecosoc.getValue(), platform).orThrow();
        }
    }

    /** Requests, objections (with and without a reason, one withdrawn) and decisions on the demo process. */
    private void accreditationLog(Map<String, Actor> representatives, Map<String, String> organizationIds,
            Actor secretariat) {
        var log = new Object() {
            String request(String organization, String statement) {
                return accreditations.request(PROCESS, new RequestAccreditation(organizationIds.get(organization),
                        statement), representatives.get(organization)).orThrow().id();
            }

            String object(String request, String state, String reason) {
                return accreditations.object(PROCESS, request, new ObjectToRequest(organizationIds.get(state), reason),
                        representatives.get(state)).orThrow().id();
            }

            void decide(String request, String decision, String reason) {
                accreditations.decide(PROCESS, request, new DecideRequest(decision, reason), secretariat).orThrow();
            }
        };
        String sahel = log.request("Sahel Digital Rights Collective", "We document digital rights in the Sahel and "
                + "would bring the experience of communities affected by network shutdowns to the working group.");
        log.object(sahel, "Ministry of Foreign Affairs of Indonesia",
                "The organisation has not shown that its work relates to the mandate of the working group.");
        log.decide(sahel, "ACCREDITED", "The organisation's work on network shutdowns is within the mandate.");

        String vistula = log.request("Vistula Secure Systems", "A security company that reports vulnerabilities "
                + "responsibly and wishes to contribute to the discussion of norm 13(j).");
        log.object(vistula, "Ministry of Foreign Affairs of Chile", null);

        String northlight = log.request("Northlight Cloud Services", null);
        log.object(northlight, "Ministry of Foreign Affairs of the Netherlands",
                "The request gives no information about the company's ownership.");
        log.decide(northlight, "NOT_ACCREDITED", "The company did not answer the secretariat's questions about its "
                + "ownership; it may request again.");

        String caribbean = log.request("Caribbean Digital Resilience Alliance", "A network of civil-society groups "
                + "working on digital resilience in small island states.");
        String objection = log.object(caribbean, "Ministry of Foreign Affairs of Estonia", null);
        accreditations.withdraw(PROCESS, caribbean, objection, representatives.get("Ministry of Foreign Affairs of Estonia"))
                .orThrow();
    }

    private void importOnClosed(Actor secretariat) {
        String lines = """
                {"externalId":"mail-001","author":"A. Rahman","organization":"Coastal Universities Network","stakeholderGroup":"ACADEMIA","country":"BD","body":"We ask that the progress report list the capacity-building programmes that were actually delivered, with their funding.","submittedAt":"2026-08-02T10:15:00Z"}
                {"externalId":"mail-002","author":"M. Okafor","stakeholderGroup":"INDIVIDUAL","country":"NG","body":"Please publish the report in all six official languages at the same time.","submittedAt":"2026-08-03T16:40:00Z"}
                """;
        comments.importLines(CLOSED_CONSULTATION, lines, secretariat).orThrow();
    }

    private static List<Map<String, String>> csv(String resource) {
        var mapper = new CsvMapper();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        List<Map<String, String>> rows = new ArrayList<>();
        try (InputStream in = open(resource);
                MappingIterator<Map<String, String>> it = mapper.readerFor(Map.class).with(schema).readValues(in)) {
            it.forEachRemaining(rows::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static String text(String resource) {
        try (InputStream in = open(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String resource) {
        var in = DemoContent.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Missing demo resource " + resource);
        }
        return in;
    }
}
