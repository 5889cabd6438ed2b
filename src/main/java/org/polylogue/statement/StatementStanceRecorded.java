package org.polylogue.statement;

import java.time.Instant;

/**
 * An organisation took a stance on a paragraph by signing ({@code signed} true) or withdrawing its
 * signature from ({@code signed} false) a statement linked to that paragraph. Published in the
 * transaction of the signature, once per organisation and change, including the lead organisation
 * when signing opens. Meant for the position ledger: the latest event per (paragraph, organisation,
 * statement) is the organisation's current support; earlier ones are its history. Statements linked
 * only to a process or a whole consultation publish nothing.
 */
public record StatementStanceRecorded(String statementId, String consultationId, String paragraphId,
        String organizationId, boolean signed, Instant at) {}
