package org.polylogue.accreditation.web;

import java.util.List;
import java.util.Set;
import org.polylogue.stakeholder.OrganizationView;

/**
 * What the person reading the log may do there.
 *
 * @param requestable organisations they may request accreditation for
 * @param objectable verified member states they may object for
 * @param represented ids of every organisation they represent (to withdraw its objections)
 * @param canDecide whether they decide for the secretariat
 */
public record Viewer(List<OrganizationView> requestable, List<OrganizationView> objectable, Set<String> represented,
        boolean canDecide) {}
