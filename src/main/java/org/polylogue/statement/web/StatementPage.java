package org.polylogue.statement.web;

import java.util.List;
import org.polylogue.stakeholder.OrganizationView;
import org.polylogue.statement.Invitation;
import org.polylogue.statement.StatementView;

/**
 * What the statement page shows to this reader.
 *
 * @param lead whether the reader represents the lead organisation (invitations, open, close, edit)
 * @param invitations the invitations, for the lead only (else empty)
 * @param joinPath the shareable link (absolute), for the lead only (else null)
 * @param query the invitation search typed by the lead; {@code found} its results
 * @param canSignFor verified organisations the reader represents that have no current signature
 * @param canWithdrawFor organisations the reader represents whose current signature they may withdraw
 * @param unverified organisations the reader represents that cannot sign until verified
 * @param leading the lead organisation when the reader represents it and signing opened (it signed first)
 * @param joinToken the token when the reader came through the join link
 */
public record StatementPage(StatementView statement, boolean lead, List<Invitation> invitations, String joinPath,
        String query, List<OrganizationView> found, List<OrganizationView> canSignFor,
        List<OrganizationView> canWithdrawFor, List<OrganizationView> unverified, List<OrganizationView> leading, String joinToken) {}
