package org.polylogue.contribution.web;

import java.util.List;
import org.polylogue.stakeholder.OrganizationView;

/** What the viewer may do on a consultation page, and the organisations they may speak for. */
public record Viewer(boolean signedIn, boolean canComment, boolean canRun, List<OrganizationView> organizations,
        boolean mustConfirmEmail) {

    public Viewer(boolean signedIn, boolean canComment, boolean canRun, List<OrganizationView> organizations) {
        this(signedIn, canComment, canRun, organizations, false);
    }
}
