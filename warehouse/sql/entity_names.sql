-- entity_names: every name the fact tables may write for an entity, with the entity it stands for.
-- A body is quoted under the name the text gave it (`Kemlu RI`, GOLD.md); its entities row is the
-- canonical one (`Kementerian Luar Negeri RI`) that lists that name among its aliases. A name that
-- is an entity's own key stays that entity.
CREATE OR REPLACE VIEW entity_names AS
SELECT name AS written, name FROM entities
UNION ALL
SELECT written, min(name) FROM (SELECT name, unnest(aliases) AS written FROM entities WHERE kind = 'org')
WHERE written NOT IN (SELECT name FROM entities)
GROUP BY written;
