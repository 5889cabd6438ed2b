package org.polylogue.feed.web;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.polylogue.contribution.CommentView;
import org.polylogue.contribution.Comments;
import org.polylogue.drafting.Drafts;
import org.polylogue.drafting.VersionSummary;
import org.polylogue.process.Consultations;
import org.polylogue.shared.PageRequest;
import org.polylogue.shared.Result;
import org.polylogue.shared.security.PublicEndpoint;
import org.polylogue.stakeholder.OrganizationActivity;
import org.polylogue.stakeholder.Organizations;
import org.polylogue.statement.JointStatements;
import org.polylogue.statement.StatementView;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Atom feeds. Each has at most {@value #MAX_ENTRIES} entries, newest first, with absolute links
 * and stable {@code tag:} ids; unknown consultations and organisations are a plain 404.
 */
@RestController
class FeedController {

    static final int MAX_ENTRIES = 50;
    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

    private final Consultations consultations;
    private final Comments comments;
    private final JointStatements statements;
    private final Organizations organizations;
    private final List<OrganizationActivity> activities;
    private final Environment environment;
    private final Drafts drafts;

    FeedController(Consultations consultations, Comments comments, JointStatements statements,
            Organizations organizations, List<OrganizationActivity> activities,
            Environment environment, Drafts drafts) {
        this.drafts = drafts;
        this.consultations = consultations;
        this.comments = comments;
        this.statements = statements;
        this.organizations = organizations;
        this.activities = activities;
        this.environment = environment;
    }

    /**
     * {@code polylogue.public-url} without a trailing slash, read when asked (with a random port in
     * tests, the port is only known once the server runs).
     */
    private String publicUrl() {
        String url = environment.getRequiredProperty("polylogue.public-url");
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The start of every entry id: {@code tag:<host of the public URL>,2026:}. */
    private String tagPrefix() {
        String host = URI.create(publicUrl()).getHost();
        return "tag:" + (host == null ? "polylogue" : host) + ",2026:";
    }

    @GetMapping("/feeds/consultations.atom")
    @PublicEndpoint("consultations are public; the feed lists what the home page lists")
    ResponseEntity<String> consultations() {
        var entries = consultations.newest(MAX_ENTRIES).stream().map(announced -> {
            var c = announced.consultation();
            String link = url("/consultations/" + encode(c.slug()));
            return entry(tagPrefix() + "consultation/" + c.id(), c.title(), link, announced.announcedAt(),
                    text("A consultation of " + c.processTitle() + ", open for comments from " + c.opensAt()
                            + " to " + c.closesAt() + " (UTC)."),
                    List.of(c.processTitle()));
        }).toList();
        return atom(feed(tagPrefix() + "consultations", "New consultations · Polylogue", url("/"),
                url("/feeds/consultations.atom"), entries));
    }

    @GetMapping("/feeds/consultations/{slug}/comments.atom")
    @PublicEndpoint("comments are public; hidden ones are left out of the feed")
    ResponseEntity<String> comments(@PathVariable String slug) {
        var consultation = consultations.find(slug);
        var newest = comments.newest(slug, MAX_ENTRIES);
        if (consultation.isEmpty() || !(newest instanceof Result.Ok<List<CommentView>> ok)) {
            return notFound();
        }
        String base = "/consultations/" + encode(slug);
        var entries = ok.value().stream().map(comment -> {
            String heading = (comment.paragraphNumber() == null ? "Comment on the whole document"
                    : "Comment on paragraph " + comment.paragraphNumber()) + " by " + byline(comment);
            List<String> authors = new ArrayList<>();
            if (comment.author() != null) {
                authors.add(comment.author());
            }
            if (comment.organization() != null) {
                authors.add(comment.organization().name());
            }
            var at = comment.editedAt() == null ? comment.createdAt() : comment.editedAt();
            var entry = entry(tagPrefix() + "comment/" + comment.id(), heading,
                    url(base + "/comments/" + encode(comment.id())), at, html(comment.bodyHtml()), authors);
            entry.setPublishedDate(Date.from(comment.createdAt()));
            return entry;
        }).toList();
        return atom(feed(tagPrefix() + "consultation/" + consultation.get().id() + "/comments",
                "Comments on " + consultation.get().title() + " · Polylogue", url(base),
                url("/feeds" + base + "/comments.atom"), entries));
    }

    @GetMapping("/feeds/consultations/{slug}/versions.atom")
    @PublicEndpoint("published versions of a consultation's draft are public")
    ResponseEntity<String> versions(@PathVariable String slug) {
        var consultation = consultations.find(slug);
        var versions = drafts.versions(slug, null);
        if (consultation.isEmpty() || !(versions instanceof Result.Ok<List<VersionSummary>> ok)) {
            return notFound();
        }
        String base = "/consultations/" + encode(slug);
        var entries = ok.value().stream().limit(MAX_ENTRIES).map(v -> {
            String summary = "Version " + v.number() + " of the draft, " + v.paragraphCount() + " paragraphs."
                    + (v.number() > 1 ? " Changes: " + url(base + "/diff?from=" + (v.number() - 1) + "&to="
                            + v.number()) : "");
            var entry = entry(tagPrefix() + "consultation/" + consultation.get().id() + "/version/" + v.number(),
                    "Version " + v.number() + " of " + consultation.get().title(),
                    url(base + "/versions/" + v.number()), v.publishedAt(), text(summary), List.of());
            entry.setPublishedDate(Date.from(v.publishedAt()));
            return entry;
        }).toList();
        return atom(feed(tagPrefix() + "consultation/" + consultation.get().id() + "/versions",
                "Versions of " + consultation.get().title() + " · Polylogue", url(base + "/versions"),
                url("/feeds" + base + "/versions.atom"), entries));
    }

    @GetMapping("/feeds/statements.atom")
    @PublicEndpoint("joint statements open for signing or closed are public; drafts and hidden ones are left out")
    ResponseEntity<String> statements() {
        var entries = statements.published(new PageRequest(0, MAX_ENTRIES * 2)).items().stream()
                .filter(s -> s.hidden() == null)
                .sorted(Comparator.comparing(FeedController::changedAt).reversed())
                .limit(MAX_ENTRIES)
                .map(s -> {
                    var entry = entry(tagPrefix() + "statement/" + s.id(), s.title() + " (" + s.status().label() + ")",
                            url("/statements/" + encode(s.id())), changedAt(s), html(s.bodyHtml()),
                            List.of(s.lead().name()));
                    entry.setPublishedDate(Date.from(s.signingOpenedAt()));
                    return entry;
                }).toList();
        return atom(feed(tagPrefix() + "statements", "Joint statements · Polylogue", url("/statements"),
                url("/feeds/statements.atom"), entries));
    }

    @GetMapping("/feeds/organizations/{id}/contributions.atom")
    @PublicEndpoint("an organisation's contributions are public; its page lists the same")
    ResponseEntity<String> contributions(@PathVariable String id) {
        var organization = organizations.find(id);
        if (organization.isEmpty()) {
            return notFound();
        }
        List<OrganizationActivity.Item> items = new ArrayList<>();
        activities.forEach(activity -> items.addAll(activity.recent(id, MAX_ENTRIES)));
        String name = organization.get().name();
        var entries = items.stream().sorted(Comparator.comparing(OrganizationActivity.Item::at).reversed())
                .limit(MAX_ENTRIES)
                .map(item -> entry(absolute(item.link()), item.heading(),
                        absolute(item.link()), item.at(), html(item.html()), List.of(name)))
                .toList();
        String page = "/organizations/" + encode(id);
        return atom(feed(tagPrefix() + "organization/" + id + "/contributions", "Contributions of " + name
                + " · Polylogue", url(page), url("/feeds" + page + "/contributions.atom"), entries));
    }

    private static Instant changedAt(StatementView s) {
        return s.signingClosedAt() != null ? s.signingClosedAt() : s.signingOpenedAt();
    }

    private static String byline(CommentView comment) {
        String author = Objects.requireNonNullElse(comment.author(), "someone");
        return comment.organization() == null ? author : author + " for " + comment.organization().name();
    }

    private SyndFeed feed(String id, String title, String alternate, String self, List<SyndEntry> entries) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setUri(id);
        feed.setTitle(title);
        feed.setLink(alternate);
        SyndLink alternateLink = new SyndLinkImpl();
        alternateLink.setRel("alternate");
        alternateLink.setType("text/html");
        alternateLink.setHref(alternate);
        SyndLink selfLink = new SyndLinkImpl();
        selfLink.setRel("self");
        selfLink.setType("application/atom+xml");
        selfLink.setHref(self);
        feed.setLinks(List.of(alternateLink, selfLink));
        feed.setAuthors(List.of(person("Polylogue")));
        feed.setPublishedDate(entries.stream().map(SyndEntry::getUpdatedDate).max(Date::compareTo)
                .orElse(new Date(0)));
        feed.setEntries(entries);
        return feed;
    }

    private SyndEntry entry(String id, String title, String link, Instant updated, SyndContent content,
            List<String> authors) {
        SyndEntry entry = new SyndEntryImpl();
        entry.setUri(id);
        entry.setTitle(title);
        entry.setLink(link);
        entry.setUpdatedDate(Date.from(updated));
        if (content != null) {
            entry.setContents(List.of(content));
        }
        entry.setAuthors(authors.stream().filter(Objects::nonNull).map(FeedController::person).toList());
        return entry;
    }

    private static SyndPerson person(String name) {
        SyndPerson person = new SyndPersonImpl();
        person.setName(name);
        return person;
    }

    private static SyndContent text(String value) {
        SyndContent content = new SyndContentImpl();
        content.setType("text");
        content.setValue(value);
        return content;
    }

    private static SyndContent html(String value) {
        if (value == null) {
            return null;
        }
        SyndContent content = new SyndContentImpl();
        content.setType("html");
        content.setValue(value);
        return content;
    }

    private String url(String path) {
        return publicUrl() + path;
    }

    private String absolute(String link) {
        if (link.startsWith("http://") || link.startsWith("https://")) {
            return link;
        }
        return url(link.startsWith("/") ? link : "/" + link);
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static ResponseEntity<String> atom(SyndFeed feed) {
        try {
            return ResponseEntity.ok().contentType(ATOM).body(new SyndFeedOutput().outputString(feed));
        } catch (FeedException e) {
            throw new IllegalStateException("The feed could not be written", e);
        }
    }

    private static ResponseEntity<String> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN).body("Not found\n");
    }
}
