-- figures_cited: money, percentages and exchange rates, with what they measure and how to read them.
CREATE OR REPLACE VIEW figures_cited AS
SELECT
    a.published_at,
    f.measure,
    f.kind,
    f.direction,
    f.value,
    CASE WHEN f.direction = 'fall' THEN -f.value ELSE f.value END AS signed_value,
    f.unit,
    f.raw,
    f.parties,
    array_to_string(f.parties, ', ') AS between,
    f.period,
    f.period_start,
    f.period_end,
    f.period_precision,
    a.outlet,
    a.title,
    f.article_id,
    f.figure_id
FROM figures f
JOIN articles a USING (article_id)
WHERE f.unit = 'percent' OR regexp_full_match(f.unit, '[A-Z]{3}(/[A-Z]{3})?');
