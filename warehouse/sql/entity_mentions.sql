-- entity_mentions: the bridge from facts to entities, one row per entity per fact (no unnest needed).
CREATE OR REPLACE VIEW entity_mentions AS
WITH mentions AS (
    SELECT 'quotes' AS fact_table, quote_id AS fact_id, article_id, 'speaker' AS role, speaker AS entity
    FROM quotes WHERE speaker IS NOT NULL
    UNION ALL
    SELECT 'events', event_id, article_id, 'participant', unnest(participants) FROM events
    UNION ALL
    SELECT 'events', event_id, article_id, 'place', place FROM events WHERE place IS NOT NULL
    UNION ALL
    SELECT 'figures', figure_id, article_id, 'party', unnest(parties) FROM figures
)
SELECT
    coalesce(k.name, m.entity) AS entity,
    coalesce(en.kind, 'unknown') AS entity_kind,
    en.wikidata_id,
    en.state AS entity_state,
    m.role,
    m.fact_table,
    m.fact_id,
    m.article_id,
    a.published_at
FROM mentions m
JOIN articles a USING (article_id)
LEFT JOIN entity_names k ON k.written = m.entity
LEFT JOIN entities en ON en.name = k.name;
