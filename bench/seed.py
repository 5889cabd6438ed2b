#!/usr/bin/env python3
"""Seeds a running Polylogue with a realistic consultation for the benchmarks.

Creates a process and an open consultation whose draft has PARAGRAPHS paragraphs of 60-110 words
under several sections, then imports COMMENTS comments through the secretariat's JSON Lines
import: 5 % on the whole document, the rest spread over the paragraphs with a Zipf-like skew
(a few paragraphs draw most comments, a few draw none), bodies of 15-170 words (median about 50)
with some Markdown, from people and organisations of every stakeholder group.

Optionally registers ACCOUNTS people and writes one bearer token per line to --tokens.

Prints one JSON object: {"slug", "paragraphs": [ids...], "comments": n}. Deterministic (seeded).
Standard library only.
"""

import argparse
import datetime
import json
import re
import random
import sys
import urllib.error
import urllib.request

SECTIONS = [
    "Introduction",
    "Existing and potential threats",
    "Rules, norms and principles of responsible State behaviour",
    "International law",
    "Confidence-building measures",
    "Capacity-building",
    "Regular institutional dialogue",
    "Conclusions and recommendations",
]

SUBJECTS = [
    "States", "The Group", "Member States", "Regional organisations", "Stakeholders from civil society",
    "The private sector", "Computer emergency response teams", "Academic and technical communities",
    "Developing countries", "Points of contact", "National authorities", "The international community",
]
VERBS = [
    "recall", "reaffirm", "recognise", "underline", "welcome", "encourage", "stress", "note with concern",
    "acknowledge", "call for", "support", "emphasise",
]
OBJECTS = [
    "the framework of responsible State behaviour in the use of information and communications technologies",
    "the applicability of international law, and in particular the Charter of the United Nations, to cyberspace",
    "the importance of protecting critical infrastructure that provides services across several States",
    "the need to report vulnerabilities responsibly and to share remedies with those affected",
    "the value of cooperation between computer emergency response teams in different regions",
    "the growing use of ransomware against hospitals, energy providers and local administrations",
    "the role of regional organisations in building trust and sharing good practice",
    "a gender perspective in all capacity-building programmes and in the composition of delegations",
    "the supply chain integrity of products and services on which essential functions depend",
    "the exchange of national views on how international humanitarian law applies to ICT operations",
    "voluntary national surveys of implementation, published and discussed at regular intervals",
    "the global directory of points of contact and its periodic ping tests",
    "demand-driven capacity-building that respects national ownership and the needs of recipients",
    "the participation of non-governmental stakeholders in the work of the regular institutional dialogue",
    "the protection of the public core of the internet and of its technical infrastructure",
    "the development of common understandings of terms and of attribution practices",
]
CLAUSES = [
    "taking into account the different levels of capacity among States",
    "building on the consensus reports adopted in previous years",
    "without prejudice to the positions of individual States",
    "in a manner consistent with human rights and fundamental freedoms",
    "while avoiding duplication with existing mechanisms",
    "on a voluntary and non-binding basis",
    "as a matter of priority in the coming reporting period",
    "with due regard to the principle of State sovereignty",
    "through open, inclusive and transparent processes",
    "drawing on lessons learned from recent incidents",
]

COMMENT_OPENINGS = [
    "We welcome this paragraph but suggest",
    "Our delegation proposes",
    "We would prefer",
    "This paragraph should",
    "We are concerned that the current wording",
    "In our experience,",
    "We support the text and recommend",
    "The reference here is too vague;",
    "We propose to delete the second sentence and",
    "Speaking for our members, we ask",
    "Consistent with our earlier submission, we suggest",
    "We note that",
]
COMMENT_BODIES = [
    "the text name *critical infrastructure* explicitly, including the health sector and water supply",
    "adding a reference to the responsible reporting of vulnerabilities and to coordinated disclosure",
    "replacing \"encourage\" with \"call upon\", as the commitment is otherwise too weak to be measured",
    "a clearer link to the voluntary national surveys so that implementation can be followed over time",
    "the capacity-building needs of small island developing States be mentioned in this section",
    "does not reflect the role of the technical community in keeping the internet available and secure",
    "the wording agreed in the 2021 consensus report be kept, as reopening it risks losing consensus",
    "**human rights** be referenced here, in line with the resolutions of the Human Rights Council",
    "the points of contact directory be tested at least twice a year and the results published",
    "a footnote pointing to the existing regional confidence-building measures of the OSCE, OAS and ARF",
    "the paragraph distinguishes between State and non-State actors, which we believe is essential",
    "more precise language on attribution, since public attribution remains a national prerogative",
]
COMMENT_TAILS = [
    "We stand ready to share concrete language.",
    "See our written submission for details: [submission](https://example.org/submissions/2026).",
    "This would also help regional organisations align their own work plans.",
    "We thank the Chair for the revised draft.",
    "A similar approach has worked well in our region.",
    "Several national authorities have raised this point in informal consultations.",
    "> States should not conduct or knowingly support ICT activity contrary to their obligations.",
    "This matters especially for countries that are still building their incident response capacity.",
]
GIVEN = ["Ana", "Kofi", "Mei", "Olga", "Rahul", "Fatima", "Lucas", "Aiko", "Chidi", "Sofia", "Omar", "Ingrid",
         "Tariq", "Elena", "Jonas", "Priya", "Mateo", "Amina", "Hiroshi", "Léa"]
FAMILY = ["Reyes", "Mensah", "Chen", "Ivanova", "Sharma", "Haddad", "Silva", "Tanaka", "Okafor", "Rossi", "Khan",
          "Larsen", "Aziz", "Petrova", "Becker", "Nair", "García", "Bello", "Sato", "Moreau"]
ORGANIZATIONS = [
    ("Digital Rights Lab", "CIVIL_SOCIETY", "CL"), ("Permanent Mission of Ghana", "MEMBER_STATE", "GH"),
    ("Cyber Policy Institute", "ACADEMIA", "DE"), ("Global Telecom Alliance", "PRIVATE_SECTOR", "US"),
    ("Regional Internet Registry", "TECHNICAL_COMMUNITY", "MU"), ("African Union Commission", "INTERGOVERNMENTAL", "ET"),
    ("Ministry of Foreign Affairs of Estonia", "MEMBER_STATE", "EE"), ("Open Net Association", "CIVIL_SOCIETY", "KR"),
    ("University of São Paulo", "ACADEMIA", "BR"), ("SecureGrid Ltd", "PRIVATE_SECTOR", "IN"),
    ("Permanent Mission of Singapore", "MEMBER_STATE", "SG"), ("Pacific Islands CERT", "TECHNICAL_COMMUNITY", "FJ"),
]


def words(text):
    return len(text.split())


def paragraph_text(rng):
    """Whole sentences, 60 to 110 words in all."""
    target = rng.randint(60, 110)
    sentences = []
    while words(" ".join(sentences)) < target:
        sentences.append("%s %s %s, %s." % (rng.choice(SUBJECTS), rng.choice(VERBS), rng.choice(OBJECTS),
                                            rng.choice(CLAUSES)))
    if words(" ".join(sentences)) > 110 and words(" ".join(sentences[:-1])) >= 60:
        sentences.pop()
    text = " ".join(sentences).split()
    return " ".join(text[:110]).rstrip(",.") + "."


def draft(paragraphs, rng):
    lines = ["# Draft report of the working group", ""]
    per_section = paragraphs // len(SECTIONS)
    extra = paragraphs % len(SECTIONS)
    for i, section in enumerate(SECTIONS):
        lines += ["## " + section, ""]
        count = per_section + (1 if i < extra else 0)
        for j in range(count):
            if j == count // 2 and count > 6:
                lines += ["### " + section + ": recommendations", ""]
            lines += [paragraph_text(rng), ""]
    return "\n".join(lines)


def comment_body(rng):
    # lognormal-ish length: median about 50 words, at most about 170
    target = max(12, min(150, int(rng.lognormvariate(3.8, 0.55))))
    parts = [rng.choice(COMMENT_OPENINGS) + " " + rng.choice(COMMENT_BODIES) + "."]
    while words(" ".join(parts)) < target:
        parts.append(rng.choice(COMMENT_TAILS) if rng.random() < 0.4
                     else rng.choice(COMMENT_OPENINGS) + " " + rng.choice(COMMENT_BODIES) + ".")
    return " ".join(parts)


def zipf_weights(n, s, rng):
    ranks = list(range(1, n + 1))
    rng.shuffle(ranks)  # the busy paragraphs are anywhere in the document, not only at the start
    return [1.0 / (r ** s) for r in ranks]


class Api:
    def __init__(self, base):
        self.base = base.rstrip("/")

    def call(self, method, path, body=None, token=None, content_type="application/json"):
        data = None
        if body is not None:
            data = body.encode() if isinstance(body, str) else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method)
        request.add_header("Accept", "application/json")
        if data is not None:
            request.add_header("Content-Type", content_type)
        if token:
            request.add_header("Authorization", "Bearer " + token)
        try:
            with urllib.request.urlopen(request, timeout=300) as response:
                text = response.read().decode()
                return response.status, (json.loads(text) if text else None)
        except urllib.error.HTTPError as e:
            text = e.read().decode()
            raise SystemExit("%s %s -> %s: %s" % (method, path, e.code, text[:2000]))

    def token(self, email, password):
        return self.call("POST", "/api/v1/auth/tokens", {"email": email, "password": password})[1]["token"]


PASSWORD = "a benchmark of many quiet voices"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--admin-email", required=True)
    parser.add_argument("--admin-password", required=True)
    parser.add_argument("--slug", default="draft-report")
    parser.add_argument("--paragraphs", type=int, default=150)
    parser.add_argument("--comments", type=int, default=10_000)
    parser.add_argument("--document-share", type=float, default=0.05)
    parser.add_argument("--skew", type=float, default=1.1)
    parser.add_argument("--accounts", type=int, default=0)
    parser.add_argument("--tokens", help="file to write one bearer token per line")
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    api = Api(args.base)
    admin = api.token(args.admin_email, args.admin_password)
    api.call("POST", "/api/v1/processes", {"slug": "bench-process", "title": "Open-ended working group on ICT security",
                                           "summary": "Benchmark process"}, admin)
    now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    text = draft(args.paragraphs, rng)
    _, opened = api.call("POST", "/api/v1/processes/bench-process/consultations", {
        "slug": args.slug, "title": "Consultation on the draft report",
        "opensAt": (now - datetime.timedelta(days=30)).isoformat(),
        "closesAt": (now + datetime.timedelta(days=60)).isoformat(),
        "document": {"format": "markdown", "text": text}}, admin)
    paragraphs = [p["id"] for p in opened["document"]["paragraphs"]]
    if len(paragraphs) != args.paragraphs:
        raise SystemExit("expected %d paragraphs, the draft has %d" % (args.paragraphs, len(paragraphs)))

    weights = zipf_weights(len(paragraphs), args.skew, rng)
    lines = []
    for i in range(args.comments):
        on_document = rng.random() < args.document_share
        organization = rng.choice(ORGANIZATIONS) if rng.random() < 0.7 else None
        comment = {
            "externalId": "bench-%06d" % i,
            "author": rng.choice(GIVEN) + " " + rng.choice(FAMILY),
            "body": comment_body(rng),
            "submittedAt": (now - datetime.timedelta(seconds=rng.randint(60, 29 * 86400))).isoformat(),
        }
        if organization:
            comment["organization"], comment["stakeholderGroup"], comment["country"] = organization
        if not on_document:
            comment["paragraphId"] = rng.choices(paragraphs, weights)[0]
        lines.append(json.dumps(comment, ensure_ascii=False))
    imported = 0
    for start in range(0, len(lines), 2_500):
        _, report = api.call("POST", "/api/v1/consultations/%s/comments/import" % args.slug,
                             "\n".join(lines[start:start + 2_500]) + "\n", admin, "application/x-ndjson")
        imported += report["imported"]

    if args.accounts:
        tokens = []
        emails = ["bench-%03d@example.org" % i for i in range(args.accounts)]
        for email in emails:
            api.call("POST", "/api/v1/accounts", {"email": email, "password": PASSWORD,
                                                  "displayName": rng.choice(GIVEN) + " " + rng.choice(FAMILY)})
        # people contribute once they confirmed their address: open each verification link (the
        # benchmark server has no SMTP, so the mails wait in the development mailbox)
        pending, page = set(emails), 0
        while pending:
            mails = api.call("GET", "/api/v1/dev/mailbox?size=500&page=%d" % page)[1]
            for mail in mails["items"]:
                found = re.search(r"/verify-email\?token=([A-Za-z0-9_-]+)", mail["text"])
                if mail["to"] in pending and found:
                    api.call("POST", "/api/v1/accounts/verification", {"token": found.group(1)})
                    pending.discard(mail["to"])
            if not mails["items"]:
                raise SystemExit("no verification mail for %d accounts" % len(pending))
            page += 1
        for email in emails:
            tokens.append(api.token(email, PASSWORD))
        with open(args.tokens, "w") as out:
            out.write("\n".join(tokens) + "\n")

    json.dump({"slug": args.slug, "paragraphs": paragraphs, "comments": imported}, sys.stdout)
    print()


if __name__ == "__main__":
    main()
