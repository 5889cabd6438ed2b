package org.polylogue.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.polylogue.Fixtures;
import org.polylogue.PolylogueTest;
import org.polylogue.TestApi;
import org.polylogue.TestBrowser;
import org.polylogue.account.Accounts;
import org.polylogue.meeting.CreateMeeting;
import org.polylogue.meeting.MeetingKind;
import org.polylogue.meeting.Meetings;
import org.polylogue.shared.security.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route of the platform (pages and {@code /api/v1}), called as each role, against the table
 * below. A route missing from the table fails the test, so a new endpoint cannot ship without its
 * row. Outcomes: {@code ok} allowed (the request got past authorisation: 2xx, 3xx, or a 4xx about
 * the input or the state such as 400, 404, 409, 422), {@code in} sign-in required (401 for the API, a
 * redirect to the sign-in page for pages), {@code no} refused (403), {@code nf} hidden (404: someone
 * else's private thing is not revealed to exist).
 *
 * <p>Roles, in the order they are tried (the least privileged first, so that an allowed call that
 * changes state comes after the refusals): signed out; a confirmed person with no role; a member of
 * organisation O; the verified representative of member state M; a moderator of process P; the
 * secretariat of P; the representative of O; a platform administrator.
 */
@PolylogueTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

    static final List<String> ROLES = List.of("anon", "person", "member", "state", "mod", "sec", "rep", "admin");

    /** METHOD route | outcome per role (in ROLES order) | body: JSON for the API, form fields for pages. */
    static final String MATRIX = """
            GET    /                                                     ok ok ok ok ok ok ok ok
            GET    /sign-in                                              ok ok ok ok ok ok ok ok
            GET    /register                                             ok ok ok ok ok ok ok ok
            GET    /forgot-password                                      ok ok ok ok ok ok ok ok
            GET    /reset-password                                       ok ok ok ok ok ok ok ok
            GET    /verify-email                                         ok ok ok ok ok ok ok ok
            # only a sign-in that got the right password and waits for a code may see it; others go back
            GET    /sign-in/second-factor                                in in in in in in in in
            GET    /dev/mailbox                                          ok ok ok ok ok ok ok ok
            GET    /processes/{slug}                                     ok ok ok ok ok ok ok ok
            GET    /processes/{slug}/roles                               ok ok ok ok ok ok ok ok
            GET    /processes/{slug}/accreditation                       ok ok ok ok ok ok ok ok
            GET    /consultations/{slug}                                 ok ok ok ok ok ok ok ok
            GET    /consultations/{slug}/paragraphs/{paragraphId}        ok ok ok ok ok ok ok ok
            GET    /consultations/{slug}/document-comments               ok ok ok ok ok ok ok ok
            GET    /consultations/{slug}/comments/{id}                   ok ok ok ok ok ok ok ok
            GET    /organizations/{id}                                   ok ok ok ok ok ok ok ok
            GET    /organizations/verify-domain                          ok ok ok ok ok ok ok ok
            GET    /account                                              in ok ok ok ok ok ok ok
            GET    /account/passkeys                                     in ok ok ok ok ok ok ok
            GET    /account/password                                     in ok ok ok ok ok ok ok
            GET    /account/sessions                                     in ok ok ok ok ok ok ok
            GET    /account/tokens                                       in ok ok ok ok ok ok ok
            GET    /account/two-factor                                   in ok ok ok ok ok ok ok
            GET    /me/contributions                                     in ok ok ok ok ok ok ok
            GET    /organizations/new                                    in ok ok ok ok ok ok ok
            GET    /organizations/invitations                            in ok ok ok ok ok ok ok
            GET    /consultations/{slug}/comments/{id}/edit              in ok no no no no no no
            GET    /processes/new                                        in no no no no no no ok
            GET    /processes/{slug}/consultations/new                   in no no no no ok no ok
            GET    /admin/audit                                          in no no no no no no ok
            GET    /consultations/{slug}/submissions                     ok ok ok ok ok ok ok ok
            GET    /submissions/{id}                                     ok ok ok ok ok ok ok ok
            GET    /submissions/{id}/file                                ok ok ok ok ok ok ok ok
            GET    /api/v1/consultations/{slug}/submissions              ok ok ok ok ok ok ok ok
            GET    /api/v1/submissions/{id}                              ok ok ok ok ok ok ok ok
            GET    /api/v1/submissions/{id}/file                         ok ok ok ok ok ok ok ok
            # the page form without a file comes back with the error (422) once past authorisation
            POST   /consultations/{slug}/submissions                     in ok ok ok ok ok ok ok  title=Page+submission+by+{role}&summary=Short
            # multipart: fields and a tiny text file (see call())
            POST   /api/v1/consultations/{slug}/submissions              in ok ok ok ok ok ok ok  multipart:title=API+submission+by+{role}&summary=Short

            GET    /api/v1/processes                                     ok ok ok ok ok ok ok ok
            GET    /feeds/consultations.atom                             ok ok ok ok ok ok ok ok
            GET    /feeds/consultations/{slug}/comments.atom             ok ok ok ok ok ok ok ok
            GET    /feeds/statements.atom                                ok ok ok ok ok ok ok ok
            GET    /feeds/organizations/{id}/contributions.atom          ok ok ok ok ok ok ok ok
            GET    /api/v1/processes/{slug}                              ok ok ok ok ok ok ok ok
            GET    /api/v1/processes/{slug}/roles                        ok ok ok ok ok ok ok ok
            GET    /api/v1/processes/{slug}/accreditation                ok ok ok ok ok ok ok ok
            GET    /api/v1/processes/{slug}/accreditation/requests/{id}  ok ok ok ok ok ok ok ok
            GET    /api/v1/consultations/{slug}                          ok ok ok ok ok ok ok ok
            GET    /api/v1/consultations/{slug}/comments                 ok ok ok ok ok ok ok ok
            GET    /api/v1/consultations/{slug}/comments/{id}            ok ok ok ok ok ok ok ok
            GET    /api/v1/consultations/{slug}/comments/{id}/revisions  ok ok ok ok ok ok ok ok
            GET    /api/v1/organizations/{id}                            ok ok ok ok ok ok ok ok
            GET    /api/v1/organizations/{id}/members                    ok ok ok ok ok ok ok ok
            GET    /api/v1/dev/mailbox                                   ok ok ok ok ok ok ok ok
            GET    /api/v1/accounts/me                                   in ok ok ok ok ok ok ok
            GET    /api/v1/accounts/me/tokens                            in ok ok ok ok ok ok ok
            GET    /api/v1/organizations/invitations                     in ok ok ok ok ok ok ok
            GET    /api/v1/admin/audit-events                            in no no no no no no ok
            # joint statements: {id} is an open statement led by the rep's verified organisation
            GET    /statements                                           ok ok ok ok ok ok ok ok
            GET    /statements/new                                       in ok ok ok ok ok ok ok
            GET    /statements/{id}                                      ok ok ok ok ok ok ok ok
            GET    /statements/{id}/join                                 ok ok ok ok ok ok ok ok
            GET    /statements/{id}/signatories.csv                      ok ok ok ok ok ok ok ok
            GET    /statements/{id}/signatories.json                     ok ok ok ok ok ok ok ok
            GET    /statements/{id}/edit                                 in no no no no no ok no
            GET    /api/v1/statements                                    ok ok ok ok ok ok ok ok
            GET    /api/v1/statements/{id}                               ok ok ok ok ok ok ok ok
            GET    /api/v1/statements/{id}/signatories                   ok ok ok ok ok ok ok ok
            GET    /api/v1/statements/{id}/signatories.csv               ok ok ok ok ok ok ok ok
            GET    /api/v1/statements/{id}/invitations                   in no no no no no ok no
            POST   /statements                                           in no no no no no ok no  title=Page+statement&body=Text&organizationId={statementLead}
            POST   /statements/{id}/edit                                 in no no no no no ok no  title=Changed&body=Changed
            POST   /statements/{id}/invitations                          in no no no no no ok no  organizationId={org}
            POST   /statements/{id}/signing                              in no no no no no ok no
            POST   /statements/{id}/signatures                           in no no ok no no no no  organizationId={stateOrg}
            POST   /statements/{id}/signatures/{organizationId}/withdraw  in no no ok no no no no
            POST   /api/v1/statements                                    in no no no no no ok no  {"title":"Api statement","body":"Text","organizationId":"{statementLead}"}
            PATCH  /api/v1/statements/{id}                               in no no no no no ok no  {"title":"Changed"}
            POST   /api/v1/statements/{id}/invitations                   in no no no no no ok no  {"organizationId":"{org}"}
            POST   /api/v1/statements/{id}/signing                       in no no no no no ok no  {}
            POST   /api/v1/statements/{id}/signatures                    in no no ok no no no no  {"organizationId":"{stateOrg}"}
            DELETE /api/v1/statements/{id}/signatures/{organizationId}   in no no ok no no no no
            POST   /api/v1/statements/{id}/signing/close                 in no no no no no ok no  {}
            POST   /statements/{id}/signing/close                        in no no no no no ok no

            POST   /register                                             ok ok ok ok ok ok ok ok  email=new-{role}@example.org&password=a+long+passphrase+{role}&displayName=New+{role}
            POST   /forgot-password                                      ok ok ok ok ok ok ok ok  email=nobody@example.org
            POST   /reset-password                                       ok ok ok ok ok ok ok ok  token=forged&password=a+long+passphrase+here
            POST   /sign-in/second-factor                                ok ok ok ok ok ok ok ok  code=123456
            POST   /organizations/verify-domain                          ok ok ok ok ok ok ok ok  token=forged
            POST   /account/pseudonym                                    in ok ok ok ok ok ok ok  pseudonym=Matrix+{role}
            POST   /account/password                                     in ok ok ok ok ok ok ok  currentPassword=wrong+password+here&newPassword=another+long+passphrase
            POST   /account/verification-mail                            in ok ok ok ok ok ok ok
            POST   /account/tokens                                       in ok ok ok ok ok ok ok  name=matrix&expiresInDays=30
            POST   /account/tokens/{id}/revoke                           in ok nf nf nf nf nf nf
            POST   /account/passkeys/{id}/remove                         in ok ok ok ok ok ok ok
            POST   /account/sessions/{handle}/revoke                     in ok ok ok ok ok ok ok
            POST   /account/two-factor/setup                             in ok ok ok ok ok ok ok
            POST   /account/two-factor/enable                            in ok ok ok ok ok ok ok  code=000000
            POST   /account/two-factor/recovery-codes                    in ok ok ok ok ok ok ok  code=000000
            POST   /account/two-factor/disable                           in ok ok ok ok ok ok ok  code=000000
            POST   /organizations                                        in ok ok ok ok ok ok ok  name=Page+org+{role}&type=CIVIL_SOCIETY&country=KE
            POST   /organizations/{id}/members                           in no no no no no ok ok  email={spareEmail}&role=MEMBER
            # answering an invitation only ever concerns the caller's own invitation (none here)
            POST   /organizations/{id}/invitation/accept                 in ok ok ok ok ok ok ok
            POST   /organizations/{id}/invitation/decline                in ok ok ok ok ok ok ok
            POST   /api/v1/organizations/{id}/invitation                 in ok ok ok ok ok ok ok
            DELETE /api/v1/organizations/{id}/invitation                 in ok ok ok ok ok ok ok
            POST   /organizations/{id}/members/{accountId}/role          in no no no no no ok ok  role=REPRESENTATIVE
            POST   /organizations/{id}/domain-claims                     in no no no no no ok no  email=someone@o-matrix.example
            POST   /organizations/{id}/ecosoc-status                     in no no no no no no ok  status=SPECIAL
            POST   /organizations/{id}/verification                      in no no no no no no ok  reason=Checked+by+letter
            POST   /organizations/{id}/verification/revocation           in no no no no no no ok  reason=Letter+withdrawn
            POST   /consultations/{slug}/comments                        in ok ok ok ok ok ok ok  body=A+page+comment+by+{role}&paragraphId={paragraphId}
            POST   /consultations/{slug}/comments/{id}/edit              in ok no no no no no no  body=Edited+through+the+page
            POST   /consultations/{slug}/window                          in no no no no ok no ok  opensAt={opensAtLocal}&closesAt={closesAtLocal}
            POST   /processes                                            in no no no no no no ok  slug=page-process-{role}&title=Page+process&summary=
            POST   /processes/{slug}/consultations                       in no no no no ok no ok  slug=page-consultation-{role}&title=Page+consultation&opensAt={opensAtLocal}&closesAt={closesAtLocal}&markdown=%23+Draft%0A%0AOne+paragraph.
            POST   /processes/{slug}/roles                               in no no no no ok no ok  email={spare2Email}&role=MODERATOR
            POST   /processes/{slug}/accreditation/requests              in no no no no no ok no  organizationId={org}&statement=We+ask
            POST   /processes/{slug}/accreditation/requests/{id}/objections  in no no ok no no no no  organizationId={stateOrg}&reason=Objection+by+page
            POST   /processes/{slug}/accreditation/requests/{id}/decision    in no no no no ok no ok  decision=ACCREDITED&reason=Fine

            POST   /api/v1/accounts                                      ok ok ok ok ok ok ok ok  {"email":"api-{role}@example.org","password":"a long passphrase {role}","displayName":"Api {role}"}
            POST   /api/v1/accounts/verification                         ok ok ok ok ok ok ok ok  {"token":"forged"}
            POST   /api/v1/auth/tokens                                   ok ok ok ok ok ok ok ok  {"email":"{spareEmail}","password":"correct horse battery"}
            POST   /api/v1/accounts/password-reset                       ok ok ok ok ok ok ok ok  {"email":"nobody@example.org"}
            POST   /api/v1/accounts/password-reset/confirm               ok ok ok ok ok ok ok ok  {"token":"forged","password":"a long passphrase here"}
            POST   /api/v1/organizations/domain-claims/confirmation      ok ok ok ok ok ok ok ok  {"token":"forged"}
            POST   /api/v1/accounts/me/verification-mail                 in ok ok ok ok ok ok ok
            POST   /api/v1/accounts/me/password                          in ok ok ok ok ok ok ok  {"currentPassword":"wrong password here","newPassword":"another long passphrase"}
            PUT    /api/v1/accounts/me/pseudonym                         in ok ok ok ok ok ok ok  {"pseudonym":"Api {role}"}
            POST   /api/v1/accounts/me/tokens                            in ok ok ok ok ok ok ok  {"name":"matrix","expiresInDays":30}
            DELETE /api/v1/accounts/me/tokens/{id}                       in ok nf nf nf nf nf nf
            POST   /api/v1/organizations                                 in ok ok ok ok ok ok ok  {"name":"Api org {role}","type":"ACADEMIA","country":"BR"}
            POST   /api/v1/organizations/{id}/members                    in no no no no no ok ok  {"email":"{spareEmail}","role":"MEMBER"}
            PATCH  /api/v1/organizations/{id}/members/{accountId}        in no no no no no ok ok  {"role":"MEMBER"}
            POST   /api/v1/organizations/{id}/domain-claims              in no no no no no ok no  {"email":"someone@o-matrix.example"}
            PUT    /api/v1/organizations/{id}/ecosoc-status              in no no no no no no ok  {"status":"ROSTER"}
            POST   /api/v1/organizations/{id}/verification               in no no no no no no ok  {"reason":"Checked by letter"}
            DELETE /api/v1/organizations/{id}/verification               in no no no no no no ok  {"reason":"Letter withdrawn"}
            POST   /api/v1/processes                                     in no no no no no no ok  {"slug":"api-process-{role}","title":"Api process","summary":""}
            POST   /api/v1/processes/{process}/consultations             in no no no no ok no ok  {"slug":"api-consultation-{role}","title":"Api consultation","opensAt":"{opensAt}","closesAt":"{closesAt}","document":{"format":"markdown","text":"# Draft\\n\\nOne paragraph."}}
            PATCH  /api/v1/consultations/{slug}                          in no no no no ok no ok  {"closesAt":"{closesAt}"}
            POST   /api/v1/consultations/{slug}/comments                 in ok ok ok ok ok ok ok  {"body":"An API comment by {role}","paragraphId":"{paragraphId}"}
            PATCH  /api/v1/consultations/{slug}/comments/{id}            in ok no no no no no no  {"body":"Edited through the API"}
            POST   /api/v1/consultations/{slug}/comments/import          in no no no no ok no ok  {"externalId":"matrix-{role}","author":"Someone","body":"Received by mail"}
            POST   /api/v1/processes/{slug}/roles                        in no no no no ok no ok  {"email":"{spare2Email}","role":"MODERATOR"}
            POST   /api/v1/processes/{slug}/accreditation/requests       in no no no no no ok no  {"organizationId":"{org}","statement":"We ask"}
            POST   /api/v1/processes/{slug}/accreditation/requests/{id}/objections  in no no ok no no no no  {"organizationId":"{stateOrg}","reason":"Objection by API"}
            POST   /api/v1/processes/{slug}/accreditation/requests/{id}/decision    in no no no no ok no ok  {"decision":"ACCREDITED","reason":"Fine"}
            # moderation: rules and log public; the queue and actions for moderators of the process (platform: administrators)
            GET    /processes/{slug}/moderation                          ok ok ok ok ok ok ok ok
            GET    /moderation                                           ok ok ok ok ok ok ok ok
            GET    /processes/{slug}/moderation/queue                    in no no no ok ok no ok
            GET    /moderation/queue                                     in no no no no no no ok
            GET    /report                                               in ok ok ok ok ok ok ok
            GET    /moderation/{kind}/{id}/review-request                in ok no no no no no no
            GET    /api/v1/processes/{slug}/moderation-rules             ok ok ok ok ok ok ok ok
            GET    /api/v1/moderation-rules                              ok ok ok ok ok ok ok ok
            GET    /api/v1/processes/{slug}/moderation-log               ok ok ok ok ok ok ok ok
            GET    /api/v1/moderation-log                                ok ok ok ok ok ok ok ok
            GET    /api/v1/processes/{slug}/moderation-queue             in no no no ok ok no ok
            GET    /api/v1/moderation-queue                              in no no no no no no ok
            POST   /processes/{slug}/moderation/rules                    in no no no no ok no ok  title=Page+rule+{role}&description=No+insults
            POST   /moderation/rules                                     in no no no no no no ok  title=Page+platform+rule+{role}&description=No+spam
            POST   /api/v1/processes/{slug}/moderation-rules             in no no no no ok no ok  {"title":"Api rule {role}","description":"No insults"}
            POST   /api/v1/moderation-rules                              in no no no no no no ok  {"title":"Api platform rule {role}","description":"No spam"}
            POST   /processes/{slug}/moderation/rules/{ruleId}/retire    in no no no no ok no ok
            POST   /moderation/rules/{ruleId}/retire                     in no no no no no no ok
            POST   /api/v1/processes/{slug}/moderation-rules/{ruleId}/retirement  in no no no no ok no ok
            POST   /api/v1/moderation-rules/{ruleId}/retirement          in no no no no no no ok
            POST   /report                                               in ok ok ok ok ok ok ok  kind=comment&id={modComment}&reason=Reported+by+page+{role}
            POST   /api/v1/reports                                       in ok ok ok ok ok ok ok  {"kind":"comment","id":"{modComment}","reason":"Reported by API {role}"}
            POST   /moderation/{kind}/{id}/dismiss                       in no no no ok ok no ok  reason=Within+the+rules
            POST   /api/v1/moderation/{kind}/{id}/dismiss                in no no no ok ok no ok  {"reason":"Within the rules"}
            POST   /moderation/{kind}/{id}/hide                          in no no no ok ok no ok  ruleId={rule}&reason=Insults
            POST   /api/v1/moderation/{kind}/{id}/hide                   in no no no ok ok no ok  {"ruleId":"{rule}","reason":"Insults"}
            POST   /moderation/{kind}/{id}/review-request                in ok no no no no no no  statement=Please+look+again
            POST   /api/v1/moderation/{kind}/{id}/review-request         in ok no no no no no no  {"statement":"Please look again"}
            POST   /moderation/{kind}/{id}/review                        in no no no ok ok no ok  decision=KEEP&reason=Still+insulting
            POST   /api/v1/moderation/{kind}/{id}/review                 in no no no ok ok no ok  {"decision":"KEEP","reason":"Still insulting"}
            DELETE /api/v1/processes/{slug}/accreditation/requests/{id}/objections/{objectionId}  in no no ok no no no no
            POST   /processes/{slug}/accreditation/requests/{id}/objections/{objectionId}/withdraw  in no no ok no no no no

            POST   /processes/{slug}/roles/{role}/{accountId}/remove     in no no no no ok no ok
            DELETE /api/v1/processes/{slug}/roles/{role}/{accountId}     in no no no no ok no ok
            POST   /organizations/{id}/members/{accountId}/removal       in no no no no no ok ok
            DELETE /api/v1/organizations/{id}/members/{accountId}        in no no no no no ok ok
            POST   /account/sessions/revoke-all                          in ok ok ok ok ok ok ok

            # --- drafting: versions, alignment, diffs ---
            # {number} is version 2, a draft the administrator uploaded: hidden (404) from all but the secretariat until
            # published; uploads while it waits are 409, and after its publication publishing and discarding are 409
            GET    /consultations/{slug}/versions                        ok ok ok ok ok ok ok ok
            GET    /consultations/{slug}/versions/{number}               ok ok ok ok ok ok ok ok
            GET    /consultations/{slug}/diff                            ok ok ok ok ok ok ok ok
            GET    /api/v1/consultations/{slug}/versions                 ok ok ok ok ok ok ok ok
            GET    /api/v1/consultations/{slug}/versions/{number}        ok ok ok ok ok ok ok ok
            GET    /api/v1/consultations/{slug}/diff                     ok ok ok ok ok ok ok ok
            GET    /feeds/consultations/{slug}/versions.atom             ok ok ok ok ok ok ok ok
            POST   /consultations/{slug}/versions                        in no no no no ok no ok  markdown=%23+Draft%0A%0AOne+paragraph.
            POST   /api/v1/consultations/{slug}/versions                 in no no no no ok no ok  {"format":"markdown","text":"# Draft\\n\\nOne paragraph."}
            POST   /consultations/{slug}/versions/{number}/alignment     in no no no no ok no ok  previous-1={paragraphId}
            PATCH  /api/v1/consultations/{slug}/versions/{number}/alignment  in no no no no ok no ok  {"paragraphs":[{"number":1,"previousId":"{paragraphId}"}]}
            POST   /consultations/{slug}/versions/{number}/publication   in no no no no ok no ok
            POST   /api/v1/consultations/{slug}/versions/{number}/publication  in no no no no ok no ok  {}
            POST   /consultations/{slug}/versions/{number}/discard       in no no no no ok no ok
            DELETE /api/v1/consultations/{slug}/versions/{number}        in no no no no ok no ok

            # --- drafting: amendments, supports, dispositions, trail ---
            # {id} is an amendment the rep proposed for O; the state's verified organisation supports it
            GET    /consultations/{slug}/amendments                      ok ok ok ok ok ok ok ok
            GET    /consultations/{slug}/amendments/{id}                 ok ok ok ok ok ok ok ok
            GET    /consultations/{slug}/trail                           ok ok ok ok ok ok ok ok
            GET    /me/amendments                                        in ok ok ok ok ok ok ok
            GET    /api/v1/consultations/{slug}/amendments               ok ok ok ok ok ok ok ok
            GET    /api/v1/amendments/{id}                               ok ok ok ok ok ok ok ok
            GET    /api/v1/consultations/{slug}/trail                    ok ok ok ok ok ok ok ok
            POST   /consultations/{slug}/amendments                      in ok ok ok ok ok ok ok  paragraphId={paragraphId}&kind=DELETE&rationale=Matrix+page+{role}
            POST   /api/v1/consultations/{slug}/amendments               in ok ok ok ok ok ok ok  {"paragraphId":"{paragraphId}","kind":"DELETE","rationale":"Matrix API {role}"}
            POST   /consultations/{slug}/amendments/{id}/supports        in no no ok no no no no  organizationId={stateOrg}
            POST   /consultations/{slug}/amendments/{id}/supports/{organizationId}/withdraw  in no no ok no no no no
            POST   /api/v1/amendments/{id}/supports                      in no no ok no no no no  {"organizationId":"{stateOrg}"}
            DELETE /api/v1/amendments/{id}/supports/{organizationId}     in no no ok no no no no
            POST   /consultations/{slug}/amendments/{id}/disposition     in no no no no ok no ok  decision=REJECTED&reason=Matrix+page
            POST   /api/v1/amendments/{id}/disposition                   in no no no no ok no ok  {"decision":"REJECTED","reason":"Matrix API"}
            POST   /consultations/{slug}/comments/{commentId}/response   in no no no no ok no ok  response=NOT_TAKEN&reason=Matrix+page
            POST   /api/v1/consultations/{slug}/comments/{commentId}/response  in no no no no ok no ok  {"response":"NOT_TAKEN","reason":"Matrix API"}
            POST   /consultations/{slug}/dispositions/publication        in no no no no ok no ok
            POST   /api/v1/consultations/{slug}/dispositions/publication  in no no no no ok no ok  {}

            # --- meetings, registrations, calendars, speakers, transcripts ---
            # meetings: {slug} is an upcoming meeting of P; member is registered; {id} of a speaker is a
            # request of another member (the page rows act on a second one); cancelling acts on a second meeting
            GET    /meetings                                             ok ok ok ok ok ok ok ok
            GET    /meetings/{slug}                                      ok ok ok ok ok ok ok ok
            GET    /meetings/{slug}.ics                                  ok ok ok ok ok ok ok ok
            GET    /meetings/{slug}/speakers                             ok ok ok ok ok ok ok ok
            GET    /meetings/new                                         in no no no no no no ok
            GET    /processes/{slug}/meetings/new                        in no no no no ok no ok
            GET    /meetings/{slug}/edit                                 in no no no no ok no ok
            GET    /api/v1/meetings                                      ok ok ok ok ok ok ok ok
            GET    /api/v1/meetings/{slug}                               ok ok ok ok ok ok ok ok
            GET    /api/v1/meetings/{slug}.ics                           ok ok ok ok ok ok ok ok
            GET    /api/v1/meetings/{slug}/registrations                 ok ok ok ok ok ok ok ok
            GET    /api/v1/meetings/{slug}/speakers                      ok ok ok ok ok ok ok ok
            GET    /feeds/meetings.ics                                   ok ok ok ok ok ok ok ok
            GET    /feeds/processes/{slug}/meetings.ics                  ok ok ok ok ok ok ok ok
            POST   /meetings/{slug}/speakers                             in no ok no no no no no  organizationId=
            POST   /api/v1/meetings/{slug}/speakers                      in no ok no no no no no  {}
            POST   /meetings/{slug}/speakers/{id}/move                   in no no no no ok no ok  position=1
            PUT    /api/v1/meetings/{slug}/speakers/{id}/position        in no no no no ok no ok  {"position":1}
            POST   /meetings/{slug}/speakers/{id}/spoke                  in no no no no ok no ok
            POST   /api/v1/meetings/{slug}/speakers/{id}/spoke           in no no no no ok no ok  {}
            POST   /meetings/{slug}/speakers/{id}/remove                 in no no no no ok no ok
            DELETE /api/v1/meetings/{slug}/speakers/{id}                 in no no no no ok no ok
            POST   /meetings/{slug}/registrations                        in ok ok ok ok ok ok ok  organizationId=
            POST   /api/v1/meetings/{slug}/registrations                 in ok ok ok ok ok ok ok  {}
            POST   /meetings/{slug}/registrations/cancel                 in ok ok ok ok ok ok ok
            DELETE /api/v1/meetings/{slug}/registrations                 in ok ok ok ok ok ok ok
            POST   /meetings                                             in no no no no no no ok  slug=standalone-{role}&title=Standalone&kind=PANEL&timeZone=UTC&startsAt={meetingStartsLocal}&endsAt={meetingEndsLocal}
            POST   /processes/{slug}/meetings                            in no no no no ok no ok  slug=page-meeting-{role}&title=Page+meeting&kind=PANEL&timeZone=UTC&startsAt={meetingStartsLocal}&endsAt={meetingEndsLocal}
            POST   /api/v1/meetings                                      in no no no no ok no ok  {"slug":"api-meeting-{role}","title":"Api meeting","kind":"PANEL","startsAt":"{closesAt}","endsAt":"{meetingEndsAt}","timeZone":"UTC","processSlug":"{process}"}
            POST   /meetings/{slug}/edit                                 in no no no no ok no ok  title=Edited+{role}&kind=ROUNDTABLE&timeZone=UTC&startsAt={meetingStartsLocal}&endsAt={meetingEndsLocal}&capacity=&place=&onlineUrl=&agenda=
            PATCH  /api/v1/meetings/{slug}                               in no no no no ok no ok  {"title":"Edited through the API by {role}"}
            POST   /meetings/{slug}/documents                            in no no no no ok no ok  title=Page+document&url=https://example.org/doc
            POST   /api/v1/meetings/{slug}/documents                     in no no no no ok no ok  {"title":"Api document","url":"https://example.org/doc"}
            POST   /meetings/{slug}/cancel                               in no no no no ok no ok
            POST   /api/v1/meetings/{slug}/cancellation                  in no no no no ok no ok  {}

            # transcripts: {slug} is a past meeting of process P (see concrete())
            GET    /meetings/{slug}/transcript                           ok ok ok ok ok ok ok ok
            GET    /meetings/{slug}/transcript/import                    in no no no no ok no ok
            POST   /meetings/{slug}/transcript/import                    in no no no no ok no ok  text=%3E%3E+CHAIR%3A+Matrix+turn+by+{role}
            GET    /meetings/{slug}/transcript/speakers                  in no no no no ok no ok
            POST   /meetings/{slug}/transcript/speakers                  in no no no no ok no ok  label=CHAIR&choice=none
            GET    /api/v1/meetings/{slug}/transcript                    ok ok ok ok ok ok ok ok
            GET    /api/v1/meetings/{slug}/questions                     ok ok ok ok ok ok ok ok
            POST   /api/v1/meetings/{slug}/transcript                    in no no no no ok no ok  >> CHAIR: API turn by {role}
            GET    /api/v1/meetings/{slug}/transcript/speakers           in no no no no ok no ok
            POST   /api/v1/meetings/{slug}/transcript/speakers           in no no no no ok no ok  {"label":"CHAIR"}

            # --- position ledger ---
            # {id}: the named proposal "proposal" (pages and API deletions each remove a spare one), the stance "stance"
            GET    /processes/{slug}/positions                           ok ok ok ok ok ok ok ok
            GET    /processes/{slug}/positions.csv                       ok ok ok ok ok ok ok ok
            GET    /processes/{slug}/positions.json                      ok ok ok ok ok ok ok ok
            GET    /processes/{slug}/positions/changes                   ok ok ok ok ok ok ok ok
            GET    /processes/{slug}/positions/new                       in ok ok ok ok ok ok ok
            GET    /processes/{slug}/proposals                           ok ok ok ok ok ok ok ok
            GET    /organizations/{id}/positions                         ok ok ok ok ok ok ok ok
            POST   /processes/{slug}/positions                           in no no no no ok ok ok  actor={org}&item=proposal::{proposal}&position=SUPPORTS&summary=By+{role}&evidence0Kind=link&evidence0Ref=https%3A%2F%2Fexample.org%2F{role}
            POST   /processes/{slug}/proposals                           in no no no no ok no ok  name=Page+proposal+{role}
            POST   /processes/{slug}/proposals/{id}/delete               in no no no no ok no ok
            GET    /api/v1/positions/{id}                                ok ok ok ok ok ok ok ok
            GET    /api/v1/processes/{slug}/positions                    ok ok ok ok ok ok ok ok
            GET    /api/v1/processes/{slug}/positions/history            ok ok ok ok ok ok ok ok
            GET    /api/v1/processes/{slug}/positions/changes            ok ok ok ok ok ok ok ok
            GET    /api/v1/organizations/{id}/positions                  ok ok ok ok ok ok ok ok
            GET    /api/v1/processes/{slug}/proposals                    ok ok ok ok ok ok ok ok
            GET    /api/v1/proposals/{id}                                ok ok ok ok ok ok ok ok
            POST   /api/v1/positions                                     in no no no no ok ok ok  {"actor":{"organizationId":"{org}"},"item":{"kind":"proposal","id":"{proposal}"},"position":"SUPPORTS","summary":"By {role}","evidence":[{"kind":"link","url":"https://example.org/{role}"}]}
            POST   /api/v1/processes/{slug}/proposals                    in no no no no ok no ok  {"name":"Api proposal {role}"}
            PATCH  /api/v1/proposals/{id}                                in no no no no ok no ok  {"name":"Renamed by {role}"}
            DELETE /api/v1/proposals/{id}                                in no no no no ok no ok

            # --- search ---
            GET    /search                                               ok ok ok ok ok ok ok ok
            GET    /search/suggestions                                   ok ok ok ok ok ok ok ok
            GET    /api/v1/search                                        ok ok ok ok ok ok ok ok
            GET    /api/v1/search/suggestions                            ok ok ok ok ok ok ok ok
            GET    /admin/search                                         in no no no no no no ok
            GET    /admin/search/progress                                in no no no no no no ok
            POST   /admin/search/reindex                                 in no no no no no no ok
            GET    /api/v1/admin/search/reindex                          in no no no no no no ok
            POST   /api/v1/admin/search/reindex                          in no no no no no no ok

            # --- synthesis ---
            # digests are public like their inputs; starting a run is for the secretariat (202/redirect) and admin
            GET    /consultations/{slug}/digest                          ok ok ok ok ok ok ok ok
            GET    /consultations/{slug}/digest.md                       ok ok ok ok ok ok ok ok
            GET    /consultations/{slug}/digest/themes/{themeId}         ok ok ok ok ok ok ok ok
            GET    /consultations/{slug}/digest/campaigns/{campaignId}   ok ok ok ok ok ok ok ok
            GET    /synthesis/jobs/{jobId}                               ok ok ok ok ok ok ok ok
            GET    /synthesis/jobs/{jobId}/events                        ok ok ok ok ok ok ok ok
            GET    /api/v1/jobs/{jobId}                                  ok ok ok ok ok ok ok ok
            GET    /api/v1/consultations/{slug}/synthesis                ok ok ok ok ok ok ok ok
            POST   /consultations/{slug}/digest/jobs                     in no no no no ok no ok
            POST   /api/v1/consultations/{slug}/synthesis                in no no no no ok no ok

            # --- open data exports ---
            # open data: downloads public; generating again: the secretariat of the process, the whole platform: administrators
            GET    /open-data                                            ok ok ok ok ok ok ok ok
            GET    /api/v1/exports/all.zip                               ok ok ok ok ok ok ok ok
            GET    /api/v1/exports/{process}.zip                         ok ok ok ok ok ok ok ok
            POST   /open-data/regeneration                               in no no no no ok no ok  process={process}
            POST   /api/v1/exports/{process}/regeneration                in no no no no ok no ok
            POST   /api/v1/exports/all/regeneration                      in no no no no no no ok
            """;

    record Row(String method, String route, List<String> expected, String body) {
        String key() {
            return method + " " + route;
        }
    }

    /** One caller: a bearer token for the API and a signed-in browser for pages (null for signed out). */
    final class Caller {
        final String role;
        final String email;
        String token;
        TestBrowser browser;

        Caller(String role, String email) {
            this.role = role;
            this.email = email;
            this.browser = new TestBrowser(port);
            if (email != null) {
                token = api.token(email, password(email));
                browser.signIn(email, password(email));
            }
            browser.get("/");
        }

        /** Signs in again where a call ended the session or revoked the token (sign out everywhere, ...). */
        void stayAuthenticated() {
            if (email == null) {
                browser = new TestBrowser(port);
                return;
            }
            if (api.get("/api/v1/accounts/me", token).status() == 401) {
                token = api.token(email, password(email));
            }
            var account = browser.get("/account");
            if (account.status() != 200 || !account.body().contains("<dd>" + email + " ")) {
                // signed out, or signed in as someone else (registering signs the new person in)
                browser = new TestBrowser(port);
                browser.signIn(email, password(email));
            }
            browser.get("/");
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Meetings meetings;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    TestApi api;
    Fixtures fixtures;
    String lastLocation = "";
    final Map<String, String> values = new LinkedHashMap<>();
    final Map<String, Caller> callers = new LinkedHashMap<>();

    @BeforeAll
    void everyRoleAndWhatTheyActOn() {
        api = new TestApi(port);
        fixtures = new Fixtures(api, accounts);
        String admin = fixtures.administrator();
        String process = fixtures.process(admin);
        var consultation = fixtures.openConsultation(admin, process);
        String slug = consultation.get("slug").asString();

        String person = fixtures.person("Matrix Person");
        String member = fixtures.person("Matrix Member");
        String rep = fixtures.person("Matrix Representative");
        String state = fixtures.person("Matrix State");
        String mod = fixtures.person("Matrix Moderator");
        String sec = fixtures.person("Matrix Secretariat");
        String spare = fixtures.person("Matrix Spare");
        String spare2 = fixtures.person("Matrix Spare Two");
        String spare3 = fixtures.person("Matrix Spare Three");
        String repToken = api.token(rep, TestApi.PASSWORD);
        String org = fixtures.organization(repToken, "Matrix Organisation", "CIVIL_SOCIETY", "KE");
        fixtures.join(repToken, org, member, "MEMBER");
        fixtures.join(repToken, org, spare, "MEMBER");
        fixtures.join(repToken, org, spare3, "MEMBER");
        String stateToken = api.token(state, TestApi.PASSWORD);
        String stateOrg = fixtures.organization(stateToken, "Ministry of Foreign Affairs of Matrix", "MEMBER_STATE", "EE");
        assertThat(api.post("/api/v1/organizations/" + stateOrg + "/verification", Map.of("reason", "Letter"), admin)
                .status()).isEqualTo(200);
        assertThat(api.post("/api/v1/processes/" + process + "/roles", Map.of("email", sec, "role", "SECRETARIAT"),
                admin).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/processes/" + process + "/roles", Map.of("email", mod, "role", "MODERATOR"),
                admin).status()).isEqualTo(201);

        String personToken = api.token(person, TestApi.PASSWORD);
        String comment = fixtures.comment(personToken, slug, null, "The person's own comment");
        var request = api.post("/api/v1/processes/" + process + "/accreditation/requests",
                Map.of("organizationId", org, "statement", "Please"), repToken);
        assertThat(request.status()).as(request.body()).isEqualTo(201);
        String requestId = request.json().get("id").asString();
        var objection = api.post("/api/v1/processes/" + process + "/accreditation/requests/" + requestId + "/objections",
                Map.of("organizationId", stateOrg, "reason", "No"), stateToken);
        assertThat(objection.status()).as(objection.body()).isEqualTo(201);
        var extraToken = api.post("/api/v1/accounts/me/tokens", Map.of("name", "target"), personToken);
        String modComment = fixtures.comment(personToken, slug, null, "A comment the moderators look at");
        var rules = new ArrayList<String>();
        for (String scope : List.of("/api/v1/processes/" + process + "/moderation-rules", "/api/v1/moderation-rules")) {
            var rule = api.post(scope, Map.of("title", "Be civil", "description", "No insults"), admin);
            assertThat(rule.status()).as(rule.body()).isEqualTo(201);
            rules.add(rule.json().get("id").asString());
        }
        String statementLead = fixtures.organization(repToken, "Matrix Statement Lead", "CIVIL_SOCIETY", "KE");
        fixtures.verifyOrganization(admin, statementLead);
        var statement = api.post("/api/v1/statements", Map.of("title", "Matrix statement", "body", "Text",
                "organizationId", statementLead), repToken);
        assertThat(statement.status()).as(statement.body()).isEqualTo(201);
        String statementId = statement.json().get("id").asString();
        assertThat(api.post("/api/v1/statements/" + statementId + "/signing", Map.of(), repToken).status())
                .isEqualTo(200);

        for (String name : List.of("proposal", "pageSpareProposal", "apiSpareProposal")) {
            var proposal = api.post("/api/v1/processes/" + process + "/proposals", Map.of("name", "Matrix " + name),
                    admin);
            assertThat(proposal.status()).as(proposal.body()).isEqualTo(201);
            values.put(name, proposal.json().get("id").asString());
        }
        var stance = api.post("/api/v1/positions", Map.of("actor", Map.of("organizationId", org), "item", Map.of("kind",
                "proposal", "id", values.get("proposal")), "position", "SUPPORTS", "summary", "Matrix stance",
                "evidence", List.of(Map.of("kind", "link", "url", "https://example.org/matrix"))), repToken);
        assertThat(stance.status()).as(stance.body()).isEqualTo(201);
        values.put("stance", stance.json().get("id").asString());
        var draft = api.post("/api/v1/consultations/" + slug + "/versions", Map.of("format", "markdown", "text",
                Fixtures.DRAFT.replace("welcome", "warmly welcome")), admin);
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        var amendment = api.post("/api/v1/consultations/" + slug + "/amendments", Map.of("paragraphId",
                consultation.get("document").get("paragraphs").get(1).get("id").asString(), "kind", "DELETE",
                "rationale", "Matrix amendment", "organizationId", org), repToken);
        assertThat(amendment.status()).as(amendment.body()).isEqualTo(201);
        values.put("amendment", amendment.json().get("id").asString());

        var now = OffsetDateTime.now(ZoneOffset.UTC);
        meetingsForMatrix(admin, process, member, spare, spare3, now);
        values.put("process", process);
        values.put("consultation", slug);
        values.put("paragraphId", consultation.get("document").get("paragraphs").get(0).get("id").asString());
        values.put("comment", comment);
        values.put("modComment", modComment);
        values.put("rule", rules.get(0));
        values.put("platformRule", rules.get(1));
        var submission = api.send("POST", "/api/v1/consultations/" + slug + "/submissions",
                multipart("title=Matrix+submission&summary=Short"), personToken,
                "multipart/form-data; boundary=" + BOUNDARY, Map.of());
        assertThat(submission.status()).as(submission.body()).isEqualTo(201);
        values.put("submission", submission.json().get("id").asString());
        values.put("org", org);
        values.put("stateOrg", stateOrg);
        values.put("spareEmail", spare);
        values.put("spare", accounts.findByEmail(spare).orElseThrow().id());
        values.put("spare3", accounts.findByEmail(spare3).orElseThrow().id());
        values.put("spare2Email", spare2);
        values.put("spare2", accounts.findByEmail(spare2).orElseThrow().id());
        values.put("request", requestId);
        values.put("statement", statementId);
        values.put("statementLead", statementLead);
        values.put("objection", objection.json().get("id").asString());
        values.put("personToken", extraToken.json().get("id").asString());
        values.put("opensAt", now.minusDays(1).toString());
        values.put("closesAt", now.plusDays(20).toString());
        values.put("opensAtLocal", now.minusDays(1).toLocalDateTime().withSecond(0).withNano(0).toString());
        values.put("closesAtLocal", now.plusDays(20).toLocalDateTime().withSecond(0).withNano(0).toString());

        callers.put("anon", new Caller("anon", null));
        callers.put("person", new Caller("person", person));
        callers.put("member", new Caller("member", member));
        callers.put("state", new Caller("state", state));
        callers.put("mod", new Caller("mod", mod));
        callers.put("rep", new Caller("rep", rep));
        callers.put("sec", new Caller("sec", sec));
        callers.put("admin", new Caller("admin", "admin@example.org"));
    }

    @Test
    @Order(1)
    void everyRouteHasARowAndEveryRowARoute() {
        var routes = new TreeSet<String>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            if (!entry.getValue().getBeanType().getPackageName().startsWith("org.polylogue")
                    || entry.getValue().getBeanType().getSimpleName().equals("ErrorPages")) {
                continue;
            }
            var info = entry.getKey();
            for (String pattern : info.getPatternValues()) {
                for (var method : info.getMethodsCondition().getMethods()) {
                    routes.add(method.name() + " " + pattern);
                }
            }
        }
        var rows = new TreeSet<String>();
        rows(MATRIX).forEach(row -> rows.add(row.key()));
        assertThat(rows).as("rows without a route").isSubsetOf(routes);
        assertThat(routes).as("routes without a row in the matrix").isSubsetOf(rows);
    }

    @Test
    @Order(2)
    void everyRoleGetsExactlyWhatTheTableSays() {
        List<String> mismatches = new ArrayList<>();
        for (Row row : rows(MATRIX)) {
            for (int i = 0; i < ROLES.size(); i++) {
                Caller caller = callers.get(ROLES.get(i));
                String actual = call(row, caller);
                String expected = row.expected().get(i);
                boolean matches = expected.equals(actual) || (expected.equals("ok") && actual.equals("nf"));
                if (!matches) {
                    mismatches.add(String.format("%-6s %-70s %-6s expected %-2s got %s", row.method(), row.route(),
                            caller.role, expected, actual + lastLocation));
                }
                if (!row.method().equals("GET")) {
                    caller.stayAuthenticated();
                }
            }
        }
        assertThat(mismatches).as("authorisation outcomes that differ from the table").isEmpty();
    }

    private String call(Row row, Caller caller) {
        String path = concrete(row.method(), row.route());
        String body = row.body() == null ? null : fill(row.body(), caller.role);
        if (path.startsWith("/api/")) {
            boolean jsonLines = path.endsWith("/import");
            String contentType = jsonLines ? "application/x-ndjson" : "application/json";
            if (body != null && body.startsWith("multipart:")) {
                body = multipart(body.substring("multipart:".length()));
                contentType = "multipart/form-data; boundary=" + BOUNDARY;
            }
            var response = api.send(row.method(), path, body, caller.token, contentType, Map.of());
            return switch (response.status()) {
                case 401 -> "in";
                case 403 -> "no";
                case 404 -> "nf";
                default -> response.status() >= 500 ? "error " + response.status() + " " + response.body() : "ok";
            };
        }
        lastLocation = "";
        TestBrowser.Page page;
        if (row.method().equals("GET")) {
            page = caller.browser.get(path);
        } else {
            Map<String, String> fields = new LinkedHashMap<>();
            if (body != null) {
                for (String pair : body.split("&")) {
                    int eq = pair.indexOf('=');
                    fields.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
                }
            }
            caller.browser.get(caller.email == null ? "/sign-in" : "/account");
            page = caller.browser.post(path, fields);
        }
        lastLocation = page.location() == null ? "" : " -> " + page.location().replaceFirst("^https?://[^/]+", "");
        if ((page.status() == 302 || page.status() == 303) && page.location() != null
                && page.location().replaceFirst("^https?://[^/]+", "").equals("/sign-in")) {
            // the sign-in entry point (a page's own redirect after success, e.g. after signing out
            // everywhere, carries a query that says why)
            return "in";
        }
        return switch (page.status()) {
            case 401 -> "in";
            case 403 -> "no";
            case 404 -> "nf";
            default -> page.status() >= 500 ? "error " + page.status() : "ok";
        };
    }

    /** The route with its variables replaced by the fixtures they stand for in that route. */
    private String concrete(String method, String route) {
        String path = route;
        if (path.startsWith("/meetings/{slug}") || path.startsWith("/api/v1/meetings/{slug}")) {
            boolean cancelling = path.endsWith("/cancel") || path.endsWith("/cancellation");
            path = path.replace("{slug}", values.get(cancelling ? "meetingToCancel" : "meeting"))
                    .replace("{id}", values.get(path.startsWith("/api/") ? "speaker" : "speaker2"));
        }
        boolean consultation = path.startsWith("/consultations/") || path.startsWith("/api/v1/consultations/")
                || path.startsWith("/feeds/consultations/");
        path = path.replace("{slug}", consultation ? values.get("consultation") : values.get("process"));
        path = path.replace("{process}", values.get("process"));
        path = path.replace("{paragraphId}", values.get("paragraphId"));
        path = path.replace("{number}", "2");
        path = path.replace("{objectionId}", values.get("objection"));
        path = path.replace("{handle}", "no-such-session");
        path = path.replace("{kind}", "comment");
        path = path.replace("{themeId}", "no-such-theme").replace("{campaignId}", "no-such-campaign")
                .replace("{jobId}", "no-such-job");
        if (path.contains("/moderation/{kind}") || path.contains("/moderation/comment/{id}")) {
            path = path.replace("{id}", values.get("modComment"));
        }
        // retiring: each role that may retires a rule of its own making would be needed; the first one
        // allowed retires it and later ones get 409 (still past authorisation)
        path = path.replace("{ruleId}", values.get(path.startsWith("/moderation/") || path.startsWith(
                "/api/v1/moderation-rules") ? "platformRule" : "rule"));
        if (path.contains("/submissions/{id}")) {
            path = path.replace("{id}", values.get("submission"));
        }

        if (path.contains("/roles/{role}/{accountId}")) {
            path = path.replace("{role}", "MODERATOR").replace("{accountId}", values.get("spare2"));
        }
        // the API removal acts on another member than the page removal, which came first
        path = path.replace("{accountId}", values.get(method.equals("DELETE") ? "spare3" : "spare"));
        if (path.contains("/proposals/{id}")) {
            path = path.replace("{id}", values.get(method.equals("DELETE") ? "apiSpareProposal"
                    : path.endsWith("/delete") ? "pageSpareProposal" : "proposal"));
        } else if (path.contains("/positions/{id}")) {
            path = path.replace("{id}", values.get("stance"));
        }
        path = path.replace("{commentId}", values.get("comment"));
        if (path.contains("/amendments/{id}")) {
            path = path.replace("{id}", values.get("amendment")).replace("{organizationId}", values.get("stateOrg"));
        } else if (path.contains("/comments/{id}")) {
            path = path.replace("{id}", values.get("comment"));
        } else if (path.contains("/tokens/{id}")) {
            path = path.replace("{id}", values.get("personToken"));
        } else if (path.contains("/requests/{id}")) {
            path = path.replace("{id}", values.get("request"));
        } else if (path.contains("/passkeys/{id}")) {
            path = path.replace("{id}", "no-such-passkey");
        } else if (path.contains("/statements/{id}")) {
            path = path.replace("{id}", values.get("statement")).replace("{organizationId}", values.get("stateOrg"));
        } else if (path.contains("/organizations/{id}")) {
            path = path.replace("{id}", values.get("org"));
        }
        assertThat(path).as("every variable of " + route + " has a value").doesNotContain("{");
        return path;
    }

    /** An upcoming meeting of the process (member registered; two requests for the floor) and one to cancel. */
    private void meetingsForMatrix(String admin, String process, String member, String spare, String spare3,
            OffsetDateTime now) {
        var startsAt = now.plusDays(20).withNano(0);
        for (String slug : List.of("matrix-meeting", "matrix-meeting-to-cancel")) {
            var meeting = api.post("/api/v1/meetings", Map.of("slug", slug, "title", "Matrix meeting", "kind",
                    "ROUNDTABLE", "startsAt", startsAt.toString(), "endsAt", startsAt.plusHours(2).toString(),
                    "timeZone", "UTC", "processSlug", process), admin);
            assertThat(meeting.status()).as(meeting.body()).isEqualTo(201);
        }
        for (String email : List.of(member, spare, spare3)) {
            var registered = api.post("/api/v1/meetings/matrix-meeting/registrations", Map.of(),
                    api.token(email, TestApi.PASSWORD));
            assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        }
        for (var entry : Map.of("speaker", spare, "speaker2", spare3).entrySet()) {
            var request = api.post("/api/v1/meetings/matrix-meeting/speakers", Map.of(),
                    api.token(entry.getValue(), TestApi.PASSWORD));
            assertThat(request.status()).as(request.body()).isEqualTo(201);
            values.put(entry.getKey(), request.json().get("id").asString());
        }
        values.put("meeting", "matrix-meeting");
        values.put("meetingToCancel", "matrix-meeting-to-cancel");
        values.put("meetingEndsAt", startsAt.plusDays(1).toString());
        values.put("meetingStartsLocal", startsAt.toLocalDateTime().toString().substring(0, 16));
        values.put("meetingEndsLocal", startsAt.plusHours(3).toLocalDateTime().toString().substring(0, 16));
    }

    static final String BOUNDARY = "matrix-boundary";

    /** Form fields ({@code a=b&c=d}, URL-encoded) as a multipart body with a tiny text file. */
    static String multipart(String fields) {
        var body = new StringBuilder();
        for (String pair : fields.split("&")) {
            int eq = pair.indexOf('=');
            body.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"")
                    .append(decode(pair.substring(0, eq))).append("\"\r\n\r\n").append(decode(pair.substring(eq + 1)))
                    .append("\r\n");
        }
        return body.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"file\"; ")
                .append("filename=\"note.txt\"\r\nContent-Type: text/plain\r\n\r\nA short written submission.\r\n--")
                .append(BOUNDARY).append("--\r\n").toString();
    }

    private String fill(String body, String role) {
        String filled = body.replace("{role}", role);
        for (var value : values.entrySet()) {
            filled = filled.replace("{" + value.getKey() + "}", value.getValue());
        }
        return filled;
    }

    private static String password(String email) {
        return email.equals("admin@example.org") ? "administrator password" : TestApi.PASSWORD;
    }

    private static String decode(String text) {
        return java.net.URLDecoder.decode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    static List<Row> rows(String matrix) {
        List<Row> rows = new ArrayList<>();
        for (String line : matrix.lines().map(String::strip).toList()) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+", 11);
            List<String> expected = List.of(parts).subList(2, 2 + ROLES.size());
            rows.add(new Row(parts[0], parts[1], expected, parts.length > 10 ? parts[10] : null));
        }
        return rows;
    }
}
