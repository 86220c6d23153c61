-- who_said_what: one row per direct quotation, with its speaker as an entity and its article.
CREATE OR REPLACE VIEW who_said_what AS
-- A body is quoted under the name the text gave it (`Kemlu RI`, GOLD.md); its entities row is the
-- canonical one (`Kementerian Luar Negeri RI`) that lists that name among its aliases. A name that
-- is an entity's own key stays that entity.
WITH entity_keys AS (
    SELECT name AS written, name FROM entities
    UNION ALL
    SELECT written, min(name) FROM (SELECT name, unnest(aliases) AS written FROM entities WHERE kind = 'org')
    WHERE written NOT IN (SELECT name FROM entities)
    GROUP BY written
)
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
LEFT JOIN entity_keys k ON k.written = q.speaker
LEFT JOIN entities en ON en.name = k.name;
