-- who_said_what: one row per direct quotation, with its speaker as an entity and its article.
CREATE OR REPLACE VIEW who_said_what AS
SELECT
    a.published_at,
    q.speaker,
    en.kind AS speaker_kind,
    en.state AS speaker_state,
    q.quote_text,
    q.verb,
    q.cited_source,
    a.outlet,
    a.title,
    a.url,
    q.article_id,
    q.quote_id
FROM quotes q
JOIN articles a USING (article_id)
LEFT JOIN entity_names k ON k.written = q.speaker
LEFT JOIN entities en ON en.name = k.name;
