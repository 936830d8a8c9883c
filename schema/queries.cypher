// The everyday questions, in Cypher: the twins of `kgextract query QUESTION`.
//
// Dialect: the Cypher 3.1 subset (CI runs these on a genuine Neo4j 3.1.1 server), so no
// APOC, no list sorting, no `date()`: dates are ISO strings ('2024-07-20'), which compare and
// sort correctly as strings. Parameters use the `$param` syntax (Neo4j 3.0+).
//
// File layout, for harnesses that split it:
//   - every query is one statement ending with `;`, preceded by a line `// name: NAME`;
//   - a line `// params: a, b` after the name lists the parameters the query needs; a query
//     without that line needs none and returns the full answer set over the whole graph;
//   - NAME is a `kgextract query` question (signed, positions, events, amounts, person, org,
//     path) or a documented variant `QUESTION.VARIANT`.
//
// Agreement with `kgextract query QUESTION --format json` (same graph):
//   - the same rows, with the same column names, in the same ORDER BY order;
//   - list-valued columns (part_of, counterparties, doc lists, …) are compared as sets:
//     Cypher 3.1 cannot sort a collected list, kgextract sorts it;
//   - `events.participants` is an object {TYPE: [names]} in JSON and a list of
//     {type, name} maps here: the same (type, name) pairs;
//   - name matching in kgextract folds width and case (`link::key`) and lets --org/--person
//     match part of a name; the parameterized variants here match names and aliases exactly.
//
// Properties used (see schema/graph.md and graph.json): every node has `id`, `name`,
// `aliases`; Event: `kind`, `date`, `end_date`, `period`, `location`; Amount: `text`, `value`,
// `min`, `max`, `currency`, `qualifier`; Document: `path`; relationships: `title`, `status`,
// `on_behalf_of`, `about`, `count`, and evidence `doc`, `sentence`, `start`, `end`, `rule`.

// name: signed
// Who signed what: signer, on whose behalf, the signing event, its date and place, the events
// it was part of, the other sides of the signing, and the evidence. A signer's side is the
// organization it signed for, else itself.
MATCH (s)-[r:SIGNED]->(e:Event)
OPTIONAL MATCH (e)-[:PART_OF]->(parent:Event)
WITH s, r, e, collect(DISTINCT parent.name) AS part_of
OPTIONAL MATCH (other)-[r2:SIGNED]->(e)
WITH s, r, e, part_of, coalesce(r.on_behalf_of, s.name) AS side,
     collect(DISTINCT coalesce(r2.on_behalf_of, other.name)) AS sides
OPTIONAL MATCH (e)-[:LOCATED_IN]->(loc:Location)
WITH s, r, e, part_of, side, sides, collect(DISTINCT loc.name) AS places
RETURN s.name AS signer,
       head(labels(s)) AS signer_label,
       r.on_behalf_of AS on_behalf_of,
       e.name AS event,
       e.kind AS kind,
       e.date AS date,
       coalesce(e.location, head(places)) AS place,
       part_of,
       [x IN sides WHERE x <> side] AS counterparties,
       r.sentence AS evidence,
       r.doc AS doc
ORDER BY date, event, signer;

// name: signed.by_org
// params: org
// The signings of one organization (by name or alias), itself or through a representative.
MATCH (s)-[r:SIGNED]->(e:Event)
WHERE (s:Organization AND (s.name = $org OR $org IN coalesce(s.aliases, [])))
   OR r.on_behalf_of = $org
RETURN s.name AS signer, r.on_behalf_of AS on_behalf_of, e.name AS event, e.date AS date,
       e.location AS place, r.sentence AS evidence, r.doc AS doc
ORDER BY date, event, signer;

// name: positions
// Who holds which position in which organization, with status.
MATCH (p:Person)-[r:HOLDS_POSITION]->(o:Organization)
RETURN p.name AS person,
       r.title AS title,
       o.name AS organization,
       r.status AS status,
       r.sentence AS evidence,
       r.doc AS doc
ORDER BY organization, person, title;

// name: positions.roles
// `kgextract query positions --roles`: also titles given without an organization (HAS_ROLE
// whose title no HOLDS_POSITION of the same person carries), organization null.
MATCH (p:Person)-[r:HOLDS_POSITION]->(o:Organization)
RETURN p.name AS person, r.title AS title, o.name AS organization, r.status AS status,
       r.sentence AS evidence, r.doc AS doc
UNION
MATCH (p:Person)-[r:HAS_ROLE]->(role:Role)
WITH p, r, coalesce(r.title, role.name) AS title
WHERE NOT (p)-[:HOLDS_POSITION {title: title}]->(:Organization)
RETURN p.name AS person, title, null AS organization, r.status AS status,
       r.sentence AS evidence, r.doc AS doc;

// name: events
// What happened, when and where, with participants by relationship type, amounts and documents.
MATCH (e:Event)
OPTIONAL MATCH (e)-[:PART_OF]->(parent:Event)
WITH e, collect(DISTINCT parent.name) AS part_of
OPTIONAL MATCH (x)-[r]->(e)
WHERE (x:Person OR x:Organization) AND type(r) <> 'MENTIONED_IN'
WITH e, part_of,
     collect(DISTINCT CASE WHEN x IS NULL THEN null ELSE {type: type(r), name: x.name} END) AS participants
OPTIONAL MATCH (e)-[h:HAS_AMOUNT]->(a:Amount)
WITH e, part_of, participants,
     collect(CASE WHEN a IS NULL THEN null
                  WHEN h.about IS NULL THEN coalesce(a.text, a.name)
                  ELSE h.about + ' ' + coalesce(a.text, a.name) END) AS amounts
OPTIONAL MATCH (e)-[:MENTIONED_IN]->(d:Document)
WITH e, part_of, participants, amounts, collect(DISTINCT d.path) AS docs
OPTIONAL MATCH (e)-[:LOCATED_IN]->(loc:Location)
WITH e, part_of, participants, amounts, docs, collect(DISTINCT loc.name) AS places
RETURN e.name AS event,
       e.kind AS kind,
       e.date AS date,
       e.end_date AS end_date,
       e.period AS period,
       coalesce(e.location, head(places)) AS place,
       part_of,
       participants,
       amounts,
       docs AS doc
ORDER BY date, event;

// name: amounts
// Amounts with what they are about (HAS_AMOUNT from an event or organization), largest first;
// an amount nothing points to is listed once with an empty subject.
MATCH (a:Amount)
OPTIONAL MATCH (a)-[:MENTIONED_IN]->(d:Document)
WITH a, min(d.path) AS first_doc
OPTIONAL MATCH (s)-[h:HAS_AMOUNT]->(a)
RETURN coalesce(a.text, a.name) AS amount,
       a.value AS value,
       a.min AS min,
       a.max AS max,
       a.currency AS currency,
       a.qualifier AS qualifier,
       h.about AS about,
       s.name AS subject,
       head(labels(s)) AS subject_label,
       CASE WHEN s:Event THEN s.kind END AS kind,
       CASE WHEN s:Event THEN s.date END AS date,
       h.sentence AS evidence,
       coalesce(h.doc, first_doc) AS doc
ORDER BY value DESC, amount, subject;

// name: amounts.min
// params: min
// `kgextract query amounts --min-amount N`: amounts whose value is at least $min.
MATCH (a:Amount)
WHERE a.value >= $min
OPTIONAL MATCH (s)-[h:HAS_AMOUNT]->(a)
RETURN coalesce(a.text, a.name) AS amount, a.value AS value, a.currency AS currency,
       a.qualifier AS qualifier, h.about AS about, s.name AS subject
ORDER BY value DESC, amount, subject;

// name: person
// Everything known about every person: one row per relationship, either direction.
// `kgextract query person` (no NAME) gives the same rows; with NAME, see person.by_name.
MATCH (p:Person)-[r]-(x)
OPTIONAL MATCH (x)-[:LOCATED_IN]->(loc:Location)
WITH p, r, x, collect(DISTINCT loc.name) AS places
WITH p, r, x, places,
     [t IN [CASE WHEN r.title IS NULL THEN null ELSE 'title: ' + r.title END,
            CASE WHEN r.status IS NULL THEN null ELSE 'status: ' + r.status END,
            CASE WHEN r.on_behalf_of IS NULL THEN null ELSE 'for: ' + r.on_behalf_of END,
            CASE WHEN r.about IS NULL THEN null ELSE 'about: ' + r.about END,
            CASE WHEN r.lead = true THEN 'lead' END,
            CASE WHEN r.count IS NULL THEN null ELSE 'count: ' + toString(r.count) END]
      WHERE t IS NOT NULL] AS details
RETURN p.name AS entity,
       p.id AS entity_id,
       type(r) AS relation,
       CASE WHEN startNode(r) = p THEN 'out' ELSE 'in' END AS direction,
       CASE WHEN x:Document AND x.path IS NOT NULL THEN x.path ELSE x.name END AS other,
       head(labels(x)) AS other_label,
       CASE WHEN size(details) = 0 THEN null
            ELSE reduce(acc = head(details), d IN tail(details) | acc + ', ' + d) END AS detail,
       CASE WHEN x:Event THEN x.date END AS date,
       CASE WHEN x:Event THEN coalesce(x.location, head(places)) END AS place,
       r.sentence AS evidence,
       r.doc AS doc
ORDER BY entity, entity_id, relation, direction DESC, other;

// name: person.by_name
// params: name
// `kgextract query person NAME`: one person, by name or alias.
MATCH (p:Person)-[r]-(x)
WHERE p.name = $name OR $name IN coalesce(p.aliases, [])
RETURN p.name AS entity, p.id AS entity_id, type(r) AS relation,
       CASE WHEN startNode(r) = p THEN 'out' ELSE 'in' END AS direction,
       CASE WHEN x:Document AND x.path IS NOT NULL THEN x.path ELSE x.name END AS other,
       r.title AS title, r.status AS status, CASE WHEN x:Event THEN x.date END AS date,
       r.sentence AS evidence, r.doc AS doc
ORDER BY entity, entity_id, relation, direction DESC, other;

// name: org
// Everything known about every organization: one row per relationship, either direction.
MATCH (p:Organization)-[r]-(x)
OPTIONAL MATCH (x)-[:LOCATED_IN]->(loc:Location)
WITH p, r, x, collect(DISTINCT loc.name) AS places
WITH p, r, x, places,
     [t IN [CASE WHEN r.title IS NULL THEN null ELSE 'title: ' + r.title END,
            CASE WHEN r.status IS NULL THEN null ELSE 'status: ' + r.status END,
            CASE WHEN r.on_behalf_of IS NULL THEN null ELSE 'for: ' + r.on_behalf_of END,
            CASE WHEN r.about IS NULL THEN null ELSE 'about: ' + r.about END,
            CASE WHEN r.lead = true THEN 'lead' END,
            CASE WHEN r.count IS NULL THEN null ELSE 'count: ' + toString(r.count) END]
      WHERE t IS NOT NULL] AS details
RETURN p.name AS entity,
       p.id AS entity_id,
       type(r) AS relation,
       CASE WHEN startNode(r) = p THEN 'out' ELSE 'in' END AS direction,
       CASE WHEN x:Document AND x.path IS NOT NULL THEN x.path ELSE x.name END AS other,
       head(labels(x)) AS other_label,
       CASE WHEN size(details) = 0 THEN null
            ELSE reduce(acc = head(details), d IN tail(details) | acc + ', ' + d) END AS detail,
       CASE WHEN x:Event THEN x.date END AS date,
       CASE WHEN x:Event THEN coalesce(x.location, head(places)) END AS place,
       r.sentence AS evidence,
       r.doc AS doc
ORDER BY entity, entity_id, relation, direction DESC, other;

// name: org.by_name
// params: name
// `kgextract query org NAME`: one organization, by name or alias (e.g. its 以下简称 short name).
MATCH (p:Organization)-[r]-(x)
WHERE p.name = $name OR $name IN coalesce(p.aliases, [])
RETURN p.name AS entity, p.id AS entity_id, type(r) AS relation,
       CASE WHEN startNode(r) = p THEN 'out' ELSE 'in' END AS direction,
       CASE WHEN x:Document AND x.path IS NOT NULL THEN x.path ELSE x.name END AS other,
       r.title AS title, r.status AS status, CASE WHEN x:Event THEN x.date END AS date,
       r.sentence AS evidence, r.doc AS doc
ORDER BY entity, entity_id, relation, direction DESC, other;

// name: path
// params: from, to
// `kgextract query path A B`: all shortest paths between two entities (names or aliases),
// ignoring direction and never through a Document node. Paths are written with node names
// and relationship types; `kgextract` additionally renders them as one string.
MATCH (a), (b)
WHERE NOT a:Document AND NOT b:Document AND a <> b
  AND (a.name = $from OR $from IN coalesce(a.aliases, []))
  AND (b.name = $to OR $to IN coalesce(b.aliases, []))
MATCH p = allShortestPaths((a)-[*..15]-(b))
WHERE NONE(n IN nodes(p) WHERE n:Document)
WITH p, length(p) AS len
WITH collect({len: len, p: p}) AS found, min(len) AS best
UNWIND [f IN found WHERE f.len = best] AS f
RETURN f.len AS length,
       [n IN nodes(f.p) | n.name] AS nodes,
       [r IN relationships(f.p) | type(r)] AS relationships;
