package org.polylogue.statement.internal;

import java.util.Optional;
import org.polylogue.moderation.ModeratedItem;
import org.polylogue.moderation.ModeratedKind;
import org.springframework.stereotype.Component;

/** Statements as moderation sees them: the linked process decides (none: the administrators), the drafter is told. */
@Component
class StatementModeratedKind implements ModeratedKind {

    private static final int EXCERPT = 300;

    private final StatementRepository repository;

    StatementModeratedKind(StatementRepository repository) {
        this.repository = repository;
    }

    @Override
    public String kind() {
        return "statement";
    }

    @Override
    public Optional<ModeratedItem> find(String id) {
        return repository.find(id).map(row -> {
            String text = StatementMarkdown.toPlainText(row.body());
            return new ModeratedItem("statement", row.id(), row.processId(), row.createdBy(),
                    "Joint statement: " + row.title(),
                    text.length() > EXCERPT ? text.substring(0, EXCERPT) + "…" : text, "/statements/" + row.id());
        });
    }
}
