-- A serious listing's 列入决定书文号 is its natural key with the enterprise (serious_violations_decision_idx).
-- The subgraph now stores it as decision numbers are spelled (normalizeDecisionNumber in
-- packages/decision-number: no whitespace, the year's brackets 〔〕, other parentheses full-width,
-- other square brackets 〔〕), as the table reader always sent it; this respells the rows stored as
-- typed. The expression is that function's, step for step (JavaScript's \s is spelled out, and \d is
-- [0-9]); test/migration-serious-reference.test.ts holds the two to the same answers. A row whose new
-- spelling another listing of the same enterprise already has, or would get, keeps its own: two
-- listings of one decision are for a person to look at, and the unique index stays buildable.
WITH "respelled" AS (
	SELECT "id", "uscc", "decision_reference", translate(
		regexp_replace(
			regexp_replace("decision_reference", '[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+', '', 'g'),
			'[〔[［【〖(（]([0-9]{4})[]〕］】〗)）]', '〔\1〕', 'g'
		),
		'()[［【〖]］】〗', '（）〔〔〔〔〕〕〕〕'
	) AS "spelling"
	FROM "serious_violations"
	WHERE "decision_reference" IS NOT NULL
), "counted" AS (
	-- One sort of the table, not a scan of it per respelled row.
	SELECT "id", "decision_reference", "spelling", count(*) OVER (PARTITION BY "uscc", "spelling") AS "sharing"
	FROM "respelled"
)
UPDATE "serious_violations" AS "s" SET "decision_reference" = "c"."spelling"
FROM "counted" AS "c"
WHERE "c"."id" = "s"."id" AND "c"."spelling" <> "c"."decision_reference" AND "c"."sharing" = 1;
