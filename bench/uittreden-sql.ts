// The baseline of bench/impact.ts: "who is affected when an organisation leaves its
// samenwerking" as one recursive SQL query on the registry tables, without the graph.
// The same definition as analyse.ts (uittreden, gastheerschapVertaling) and wandeling.ts
// (as of commit 7cc8daa, "the walk goes on through an intermediary only along koppelingen that end there"):
//   gh: the samenwerking's gastheerschappen in force on the date in which the organisation
//       is gastheer or afnemer; partijen: per gh its afnemers if the organisation hosts it,
//       else the organisation; plus the organisation itself unless it hosts one of them.
//   Only confirmed afnemers take part (as in the costs and the graph's rows).
//   start: applicaties used by a verliezer and that gh's gastheer that a koppeling of that
//       gh uses, or (leaving the whole samenwerking) that are hosted 'bij gastheer' and no
//       koppeling of a continuing gastheerschap uses; and the partijen's applicaties with
//       some koppeling of the samenwerking at them.
//   direct: every koppeling of the gh.
//   A koppeling at a reached node is reached when it serves a partij (`dient`): one of
//       the gh, eigenaar a partij, another of its applicaties (not an intermediary) used by
//       a partij, or, met at an intermediary, another intermediary at its bron or doel.
//       Beyond the start nodes a node reaches only the koppelingen that end there (bron or
//       doel), not those that merely pass it (via).
//   The walk goes on through intermediaries (applicaties that are via of some koppeling)
//       at a reached koppeling's bron or doel, never through a landelijke voorziening
//       (they are not applicaties); UNION makes the recursion cycle-safe.
//   applicaties: the start nodes and every applicatie of a reached koppeling used by a partij.
const TUSSENSCHAKEL = (kolom: string) => `EXISTS (SELECT 1 FROM koppeling t WHERE t.via_applicatie_id = ${kolom})`
const KOPPELINGEN_BIJ = (knoop: string) => `(
      SELECT * FROM koppeling k WHERE k.bron_applicatie_id = ${knoop}
      UNION ALL SELECT * FROM koppeling k WHERE k.via_applicatie_id = ${knoop}
      UNION ALL SELECT * FROM koppeling k WHERE k.doel_applicatie_id = ${knoop})`
/** Some koppeling matching `waar` has the applicatie as bron, via or doel (one EXISTS per column, so each can use its index). */
const GEBRUIKT_DOOR = (app: string, waar: string) => `(
      EXISTS (SELECT 1 FROM koppeling k WHERE k.bron_applicatie_id = ${app} AND ${waar})
      OR EXISTS (SELECT 1 FROM koppeling k WHERE k.via_applicatie_id = ${app} AND ${waar})
      OR EXISTS (SELECT 1 FROM koppeling k WHERE k.doel_applicatie_id = ${app} AND ${waar}))`
const KNOPEN = (k: string) => `(VALUES (${k}.bron_applicatie_id), (${k}.via_applicatie_id), (${k}.doel_applicatie_id))`
const EINDEN = (k: string) => `(VALUES (${k}.bron_applicatie_id), (${k}.doel_applicatie_id))`
/** Koppeling k, met at node `van`, may be reached from it: a start node meets all, any other only those ending there. */
const OPGEPAKT = (k: string, van: string) =>
  `(${van} IN (SELECT id FROM start) OR ${van} = ${k}.bron_applicatie_id OR ${van} = ${k}.doel_applicatie_id)`
const DIENT = (k: string, van: string) => `(
      ${k}.gastheerschap_id IN (SELECT id FROM gh)
      OR ${k}.eigenaar_id IN (SELECT id FROM partij)
      OR EXISTS (SELECT 1 FROM ${KNOPEN(k)} o (m)
                  WHERE o.m IS NOT NULL AND o.m <> ${van} AND (
                    CASE WHEN ${TUSSENSCHAKEL('o.m')}
                      THEN (o.m = ${k}.bron_applicatie_id OR o.m = ${k}.doel_applicatie_id) AND ${TUSSENSCHAKEL(van)}
                      ELSE o.m IN (SELECT id FROM partij_app) END)))`

/**
 * $1 the organisation that leaves, $2 the samenwerking, $3 the date. Returns (soort 'k' | 'a', id).
 * Run it with jit = off: the recursion's cost estimates are huge, so PostgreSQL's default
 * JIT compiles the query with LLVM each time (over a second here) for a few ms of work.
 */
export const UITTREDEN_SQL = `
WITH RECURSIVE
  gh AS MATERIALIZED (
    SELECT g.id, g.gastheer_id FROM gastheerschap g
     WHERE g.samenwerking_id = $2 AND g.startdatum <= $3::date AND (g.einddatum IS NULL OR g.einddatum >= $3::date)
       AND (g.gastheer_id = $1 OR EXISTS (SELECT 1 FROM gastheerschap_afnemer a
                                            WHERE a.gastheerschap_id = g.id AND a.organisatie_id = $1 AND a.bevestigd_op IS NOT NULL))),
  verliezer AS MATERIALIZED (
    SELECT gh.id AS gh_id, gh.gastheer_id, a.organisatie_id
      FROM gh JOIN gastheerschap_afnemer a ON a.gastheerschap_id = gh.id AND a.bevestigd_op IS NOT NULL WHERE gh.gastheer_id = $1
    UNION SELECT gh.id, gh.gastheer_id, $1::uuid FROM gh WHERE gh.gastheer_id <> $1),
  partij AS MATERIALIZED (
    SELECT organisatie_id AS id FROM verliezer
    UNION SELECT $1::uuid WHERE NOT EXISTS (SELECT 1 FROM gh WHERE gh.gastheer_id = $1)),
  partij_app AS MATERIALIZED (
    SELECT DISTINCT u.applicatie_id AS id FROM applicatie_gebruiker u JOIN partij p ON p.id = u.organisatie_id),
  start AS MATERIALIZED (
    SELECT u.applicatie_id AS id FROM verliezer v
      JOIN applicatie_gebruiker u ON u.organisatie_id = v.organisatie_id
      JOIN applicatie a ON a.id = u.applicatie_id
     WHERE EXISTS (SELECT 1 FROM applicatie_gebruiker h WHERE h.applicatie_id = a.id AND h.organisatie_id = v.gastheer_id)
       AND (${GEBRUIKT_DOOR('a.id', 'k.gastheerschap_id = v.gh_id')}
            OR (a.hosting = 'bij gastheer'
                AND NOT ${GEBRUIKT_DOOR('a.id', 'k.gastheerschap_id IS NOT NULL AND k.gastheerschap_id NOT IN (SELECT id FROM gh)')}))
    UNION
    SELECT pa.id FROM partij_app pa
     WHERE EXISTS (SELECT 1 FROM koppeling k WHERE k.bron_applicatie_id = pa.id AND k.samenwerking_id = $2)
        OR EXISTS (SELECT 1 FROM koppeling k WHERE k.via_applicatie_id = pa.id AND k.samenwerking_id = $2)
        OR EXISTS (SELECT 1 FROM koppeling k WHERE k.doel_applicatie_id = pa.id AND k.samenwerking_id = $2)),
  direct AS MATERIALIZED (
    SELECT k.id, k.bron_applicatie_id, k.via_applicatie_id, k.doel_applicatie_id FROM koppeling k WHERE k.gastheerschap_id IN (SELECT id FROM gh)),
  knoop (id) AS (
    SELECT id FROM start
    UNION
    SELECT e.n FROM direct d CROSS JOIN LATERAL ${EINDEN('d')} e (n) WHERE e.n IS NOT NULL AND ${TUSSENSCHAKEL('e.n')}
    UNION
    SELECT e.n FROM knoop v
      CROSS JOIN LATERAL ${KOPPELINGEN_BIJ('v.id')} k
      CROSS JOIN LATERAL ${EINDEN('k')} e (n)
     WHERE ${OPGEPAKT('k', 'v.id')} AND ${DIENT('k', 'v.id')} AND e.n IS NOT NULL AND e.n <> v.id AND ${TUSSENSCHAKEL('e.n')}),
  bereikt AS MATERIALIZED (
    SELECT * FROM direct
    UNION
    SELECT k.id, k.bron_applicatie_id, k.via_applicatie_id, k.doel_applicatie_id
      FROM knoop v CROSS JOIN LATERAL ${KOPPELINGEN_BIJ('v.id')} k WHERE ${OPGEPAKT('k', 'v.id')} AND ${DIENT('k', 'v.id')}),
  -- The nodes travel with the reached koppelingen: joining back to koppeling lets the
  -- planner, misled by the recursion's estimates, scan the whole table.
  app AS (
    SELECT id FROM start
    UNION
    SELECT e.n FROM bereikt b CROSS JOIN LATERAL ${KNOPEN('b')} e (n) WHERE e.n IN (SELECT id FROM partij_app))
SELECT 'k' AS soort, id::text FROM bereikt
UNION ALL
SELECT 'a', id::text FROM app`
