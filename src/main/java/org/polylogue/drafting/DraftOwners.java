package org.polylogue.drafting;

import java.util.Optional;
import org.polylogue.shared.security.Actor;

/**
 * Implemented by the module that owns documents (the process module, for consultations), so that
 * drafting can find a document by its consultation and ask who may change it without depending on
 * that module (which depends on drafting).
 */
public interface DraftOwners {

    Optional<DraftOwner> bySlug(String slug);

    Optional<DraftOwner> byDocument(String documentId);

    /** Whether the actor may upload, correct and publish versions of the document (the secretariat). */
    boolean canEdit(Actor actor, DraftOwner owner);
}
