-- Versions after the first are uploaded as drafts, reviewed by the secretariat, then published.
alter table drafting_version add column status text not null default 'PUBLISHED';
alter table drafting_version add column published_at timestamptz;
alter table drafting_version add column uploaded_by text;
update drafting_version set published_at = created_at where published_at is null;
-- one draft at a time per document
create unique index drafting_version_one_draft on drafting_version (document_id) where status = 'DRAFT';

-- How each paragraph came from the previous version: its change and the paragraph it keeps the id
-- of or was split from (null for version 1 and for new paragraphs).
alter table drafting_block add column change text;
alter table drafting_block add column previous_paragraph_id text references drafting_paragraph (id);

-- Paragraphs of the previous version merged into a paragraph of this version (besides the one whose id it keeps).
create table drafting_merge (
    version_id          text not null references drafting_version (id),
    paragraph_id        text not null references drafting_paragraph (id),
    merged_paragraph_id text not null references drafting_paragraph (id),
    primary key (version_id, merged_paragraph_id)
);
