// The everyday questions, in Cypher: the twins of `kgextract query QUESTION`.
//
// Dialect: the Cypher 3.1 subset (CI runs these on a genuine Neo4j 3.1.1 server), so no
// APOC, no list sorting, no `date()`: dates are ISO strings ('2024-07-20'), which compare and
// sort correctly as strings. Parameters use the `$param` syntax (Neo4j 3.0+).
//
// File layout, for harnesses that split it:
//   - every query is one statement ending with `;`, preceded by a line `// name: NAME`, where
//     NAME is a `kgextract query` question (signed, positions, events, amounts, person, org,
//     path) or a documented variant `QUESTION.VARIANT`;
//   - a query that needs no parameters returns the full answer set over the whole graph; if it
//     is the twin of `kgextract query NAME` (no NAME argument needed) it also has a line
//     `// query: NAME`, which tests/neo4j/check.py uses to run both and compare;
//   - a query with parameters has a line `// params: a, b` and its code lines are commented
//     out with `//| ` (see the end of the file), so that running this file as a script works.
//
// Dates and places of events: an event's own `date`/`period` and place (`location`, else its
// LOCATED_IN targets by name, joined with ', '), else those of the first event it is PART_OF
// (by name) that has them — the stanza marked `-- … time and place` in several queries.
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
// query: signed
// Who signed what: signer, on whose behalf, the signing event, its date and place (inherited
// from the event it is PART_OF when missing), the events it was part of, the other sides of
// the signing, and the evidence. A signer's side is the organization it signed for, else itself.
MATCH (s)-[r:SIGNED]->(e:Event)
// -- e's time and place, inherited from the first PART_OF parent (by name) when missing
OPTIONAL MATCH (e)-[:LOCATED_IN]->(eloc:Location)
WITH s, r, e, eloc ORDER BY eloc.name
WITH s, r, e, collect(eloc.name) AS eplaces
OPTIONAL MATCH (e)-[:PART_OF]->(par:Event)
OPTIONAL MATCH (par)-[:LOCATED_IN]->(ploc:Location)
WITH s, r, e, eplaces, par, ploc ORDER BY par.name, ploc.name
WITH s, r, e, eplaces, par, collect(ploc.name) AS pplaces ORDER BY par.name
WITH s, r, e, eplaces,
     collect(CASE WHEN par IS NULL THEN null ELSE
       {name: par.name, date: par.date, end_date: par.end_date, period: par.period,
        place: coalesce(par.location, CASE WHEN size(pplaces) = 0 THEN null ELSE reduce(acc = head(pplaces), x IN tail(pplaces) | acc + ', ' + x) END)} END) AS pars
WITH s, r, e, pars, coalesce(e.location, CASE WHEN size(eplaces) = 0 THEN null ELSE reduce(acc = head(eplaces), x IN tail(eplaces) | acc + ', ' + x) END) AS own_place,
     CASE WHEN e.date IS NULL AND e.period IS NULL
          THEN head([p IN pars WHERE p.date IS NOT NULL OR p.period IS NOT NULL]) END AS tp
WITH s, r, e, [p IN pars | p.name] AS part_of,
     CASE WHEN tp IS NULL THEN e.date ELSE tp.date END AS date,
     CASE WHEN tp IS NULL THEN e.end_date ELSE tp.end_date END AS end_date,
     CASE WHEN tp IS NULL THEN e.period ELSE tp.period END AS period,
     coalesce(own_place, head([p IN pars WHERE p.place IS NOT NULL | p.place])) AS place
// --
OPTIONAL MATCH (other)-[r2:SIGNED]->(e)
WITH s, r, e, part_of, date, place, coalesce(r.on_behalf_of, s.name) AS side,
     collect(DISTINCT coalesce(r2.on_behalf_of, other.name)) AS sides
RETURN s.name AS signer,
       head(labels(s)) AS signer_label,
       r.on_behalf_of AS on_behalf_of,
       e.name AS event,
       e.kind AS kind,
       date,
       place,
       part_of,
       [x IN sides WHERE x <> side] AS counterparties,
       r.sentence AS evidence,
       r.doc AS doc
ORDER BY date, event, signer, doc;

// name: positions
// query: positions
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
// whose title no HOLDS_POSITION of the same person carries), organization null. Cypher 3.1
// cannot order a UNION: compare as a set (kgextract lists rows without organization last).
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
// query: events
// What happened, when and where, with participants by relationship type, amounts and documents.
MATCH (e:Event)
// -- e's time and place, inherited from the first PART_OF parent (by name) when missing
OPTIONAL MATCH (e)-[:LOCATED_IN]->(eloc:Location)
WITH e, eloc ORDER BY eloc.name
WITH e, collect(eloc.name) AS eplaces
OPTIONAL MATCH (e)-[:PART_OF]->(par:Event)
OPTIONAL MATCH (par)-[:LOCATED_IN]->(ploc:Location)
WITH e, eplaces, par, ploc ORDER BY par.name, ploc.name
WITH e, eplaces, par, collect(ploc.name) AS pplaces ORDER BY par.name
WITH e, eplaces,
     collect(CASE WHEN par IS NULL THEN null ELSE
       {name: par.name, date: par.date, end_date: par.end_date, period: par.period,
        place: coalesce(par.location, CASE WHEN size(pplaces) = 0 THEN null ELSE reduce(acc = head(pplaces), x IN tail(pplaces) | acc + ', ' + x) END)} END) AS pars
WITH e, pars, coalesce(e.location, CASE WHEN size(eplaces) = 0 THEN null ELSE reduce(acc = head(eplaces), x IN tail(eplaces) | acc + ', ' + x) END) AS own_place,
     CASE WHEN e.date IS NULL AND e.period IS NULL
          THEN head([p IN pars WHERE p.date IS NOT NULL OR p.period IS NOT NULL]) END AS tp
WITH e, [p IN pars | p.name] AS part_of,
     CASE WHEN tp IS NULL THEN e.date ELSE tp.date END AS date,
     CASE WHEN tp IS NULL THEN e.end_date ELSE tp.end_date END AS end_date,
     CASE WHEN tp IS NULL THEN e.period ELSE tp.period END AS period,
     coalesce(own_place, head([p IN pars WHERE p.place IS NOT NULL | p.place])) AS place
// --
OPTIONAL MATCH (x)-[r]->(e)
WHERE (x:Person OR x:Organization) AND type(r) <> 'MENTIONED_IN'
WITH e, part_of, date, end_date, period, place,
     collect(DISTINCT CASE WHEN x IS NULL THEN null ELSE {type: type(r), name: x.name} END) AS participants
OPTIONAL MATCH (e)-[h:HAS_AMOUNT]->(a:Amount)
WITH e, part_of, date, end_date, period, place, participants,
     collect(CASE WHEN a IS NULL THEN null
                  WHEN h.about IS NULL THEN coalesce(a.text, a.name)
                  ELSE h.about + ' ' + coalesce(a.text, a.name) END) AS amounts
OPTIONAL MATCH (e)-[:MENTIONED_IN]->(d:Document)
WITH e, part_of, date, end_date, period, place, participants, amounts, collect(DISTINCT d.path) AS docs
RETURN e.name AS event,
       e.kind AS kind,
       date,
       end_date,
       period,
       place,
       part_of,
       participants,
       amounts,
       docs AS doc
ORDER BY date, event;

// name: amounts
// query: amounts
// Amounts with what they are about (HAS_AMOUNT from an event or organization), largest first;
// an amount nothing points to is listed once with an empty subject.
MATCH (a:Amount)
OPTIONAL MATCH (a)-[:MENTIONED_IN]->(d:Document)
WITH a, min(d.path) AS first_doc
OPTIONAL MATCH (s)-[h:HAS_AMOUNT]->(a)
WITH a, first_doc, h, s
// -- s's time and place, inherited from the first PART_OF parent (by name) when missing
OPTIONAL MATCH (s)-[:LOCATED_IN]->(eloc:Location)
WITH a, first_doc, h, s, eloc ORDER BY eloc.name
WITH a, first_doc, h, s, collect(eloc.name) AS eplaces
OPTIONAL MATCH (s)-[:PART_OF]->(par:Event)
OPTIONAL MATCH (par)-[:LOCATED_IN]->(ploc:Location)
WITH a, first_doc, h, s, eplaces, par, ploc ORDER BY par.name, ploc.name
WITH a, first_doc, h, s, eplaces, par, collect(ploc.name) AS pplaces ORDER BY par.name
WITH a, first_doc, h, s, eplaces,
     collect(CASE WHEN par IS NULL THEN null ELSE
       {name: par.name, date: par.date, end_date: par.end_date, period: par.period,
        place: coalesce(par.location, CASE WHEN size(pplaces) = 0 THEN null ELSE reduce(acc = head(pplaces), x IN tail(pplaces) | acc + ', ' + x) END)} END) AS pars
WITH a, first_doc, h, s, pars, coalesce(s.location, CASE WHEN size(eplaces) = 0 THEN null ELSE reduce(acc = head(eplaces), x IN tail(eplaces) | acc + ', ' + x) END) AS own_place,
     CASE WHEN s.date IS NULL AND s.period IS NULL
          THEN head([p IN pars WHERE p.date IS NOT NULL OR p.period IS NOT NULL]) END AS tp
WITH a, first_doc, h, s, [p IN pars | p.name] AS part_of,
     CASE WHEN tp IS NULL THEN s.date ELSE tp.date END AS date,
     CASE WHEN tp IS NULL THEN s.end_date ELSE tp.end_date END AS end_date,
     CASE WHEN tp IS NULL THEN s.period ELSE tp.period END AS period,
     coalesce(own_place, head([p IN pars WHERE p.place IS NOT NULL | p.place])) AS place
// --
RETURN coalesce(a.text, a.name) AS amount,
       a.value AS value,
       a.min AS min,
       a.max AS max,
       a.currency AS currency,
       a.qualifier AS qualifier,
       h.about AS about,
       s.name AS subject,
       CASE WHEN s:Event THEN 'Event' ELSE head(labels(s)) END AS subject_label,
       CASE WHEN s:Event THEN s.kind END AS kind,
       CASE WHEN s:Event THEN date END AS date,
       h.sentence AS evidence,
       coalesce(h.doc, first_doc) AS doc
ORDER BY value DESC, amount, subject;

// name: person
// query: person
// Everything known about every person: one row per relationship, either direction, with the
// date and place of events. `kgextract query person` (no NAME) gives the same rows.
MATCH (p:Person)-[r]-(x)
// -- x's time and place, inherited from the first PART_OF parent (by name) when missing
OPTIONAL MATCH (x)-[:LOCATED_IN]->(eloc:Location)
WITH p, r, x, eloc ORDER BY eloc.name
WITH p, r, x, collect(eloc.name) AS eplaces
OPTIONAL MATCH (x)-[:PART_OF]->(par:Event)
OPTIONAL MATCH (par)-[:LOCATED_IN]->(ploc:Location)
WITH p, r, x, eplaces, par, ploc ORDER BY par.name, ploc.name
WITH p, r, x, eplaces, par, collect(ploc.name) AS pplaces ORDER BY par.name
WITH p, r, x, eplaces,
     collect(CASE WHEN par IS NULL THEN null ELSE
       {name: par.name, date: par.date, end_date: par.end_date, period: par.period,
        place: coalesce(par.location, CASE WHEN size(pplaces) = 0 THEN null ELSE reduce(acc = head(pplaces), x IN tail(pplaces) | acc + ', ' + x) END)} END) AS pars
WITH p, r, x, pars, coalesce(x.location, CASE WHEN size(eplaces) = 0 THEN null ELSE reduce(acc = head(eplaces), x IN tail(eplaces) | acc + ', ' + x) END) AS own_place,
     CASE WHEN x.date IS NULL AND x.period IS NULL
          THEN head([p IN pars WHERE p.date IS NOT NULL OR p.period IS NOT NULL]) END AS tp
WITH p, r, x, [p IN pars | p.name] AS part_of,
     CASE WHEN tp IS NULL THEN x.date ELSE tp.date END AS date,
     CASE WHEN tp IS NULL THEN x.end_date ELSE tp.end_date END AS end_date,
     CASE WHEN tp IS NULL THEN x.period ELSE tp.period END AS period,
     coalesce(own_place, head([p IN pars WHERE p.place IS NOT NULL | p.place])) AS place
// --
WITH p, r, x, part_of, date, place,
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
       CASE WHEN x:Event THEN 'Event' ELSE head(labels(x)) END AS other_label,
       CASE WHEN size(details) = 0 THEN null
            ELSE reduce(acc = head(details), d IN tail(details) | acc + ', ' + d) END AS detail,
       CASE WHEN x:Event THEN date END AS date,
       CASE WHEN x:Event THEN place END AS place,
       r.sentence AS evidence,
       r.doc AS doc
ORDER BY entity, entity_id, relation, direction DESC, other, detail;

// name: org
// query: org
// Everything known about every organization: one row per relationship, either direction.
MATCH (p:Organization)-[r]-(x)
// -- x's time and place, inherited from the first PART_OF parent (by name) when missing
OPTIONAL MATCH (x)-[:LOCATED_IN]->(eloc:Location)
WITH p, r, x, eloc ORDER BY eloc.name
WITH p, r, x, collect(eloc.name) AS eplaces
OPTIONAL MATCH (x)-[:PART_OF]->(par:Event)
OPTIONAL MATCH (par)-[:LOCATED_IN]->(ploc:Location)
WITH p, r, x, eplaces, par, ploc ORDER BY par.name, ploc.name
WITH p, r, x, eplaces, par, collect(ploc.name) AS pplaces ORDER BY par.name
WITH p, r, x, eplaces,
     collect(CASE WHEN par IS NULL THEN null ELSE
       {name: par.name, date: par.date, end_date: par.end_date, period: par.period,
        place: coalesce(par.location, CASE WHEN size(pplaces) = 0 THEN null ELSE reduce(acc = head(pplaces), x IN tail(pplaces) | acc + ', ' + x) END)} END) AS pars
WITH p, r, x, pars, coalesce(x.location, CASE WHEN size(eplaces) = 0 THEN null ELSE reduce(acc = head(eplaces), x IN tail(eplaces) | acc + ', ' + x) END) AS own_place,
     CASE WHEN x.date IS NULL AND x.period IS NULL
          THEN head([p IN pars WHERE p.date IS NOT NULL OR p.period IS NOT NULL]) END AS tp
WITH p, r, x, [p IN pars | p.name] AS part_of,
     CASE WHEN tp IS NULL THEN x.date ELSE tp.date END AS date,
     CASE WHEN tp IS NULL THEN x.end_date ELSE tp.end_date END AS end_date,
     CASE WHEN tp IS NULL THEN x.period ELSE tp.period END AS period,
     coalesce(own_place, head([p IN pars WHERE p.place IS NOT NULL | p.place])) AS place
// --
WITH p, r, x, part_of, date, place,
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
       CASE WHEN x:Event THEN 'Event' ELSE head(labels(x)) END AS other_label,
       CASE WHEN size(details) = 0 THEN null
            ELSE reduce(acc = head(details), d IN tail(details) | acc + ', ' + d) END AS detail,
       CASE WHEN x:Event THEN date END AS date,
       CASE WHEN x:Event THEN place END AS place,
       r.sentence AS evidence,
       r.doc AS doc
ORDER BY entity, entity_id, relation, direction DESC, other, detail;

// ---------------------------------------------------------------------------------------------
// Parameterized variants. Their code lines start with `//| ` so that a tool running this file
// as a script (which cannot supply parameters) skips them; strip the prefix and pass the
// parameters named on the `// params:` line to run one.

// name: signed.by_org
// params: org
// The signings of one organization (by name or alias), itself or through a representative.
//| MATCH (s)-[r:SIGNED]->(e:Event)
//| WHERE (s:Organization AND (s.name = $org OR $org IN coalesce(s.aliases, [])))
//|    OR r.on_behalf_of = $org
//| RETURN s.name AS signer, r.on_behalf_of AS on_behalf_of, e.name AS event,
//|        r.sentence AS evidence, r.doc AS doc
//| ORDER BY event, signer;

// name: amounts.min
// params: min
// `kgextract query amounts --min-amount N`: amounts whose value is at least $min.
//| MATCH (a:Amount)
//| WHERE a.value >= $min
//| OPTIONAL MATCH (s)-[h:HAS_AMOUNT]->(a)
//| RETURN coalesce(a.text, a.name) AS amount, a.value AS value, a.currency AS currency,
//|        a.qualifier AS qualifier, h.about AS about, s.name AS subject
//| ORDER BY value DESC, amount, subject;

// name: person.by_name
// params: name
// `kgextract query person NAME`: one person, by name or alias.
//| MATCH (p:Person)-[r]-(x)
//| WHERE p.name = $name OR $name IN coalesce(p.aliases, [])
//| RETURN p.name AS entity, p.id AS entity_id, type(r) AS relation,
//|        CASE WHEN startNode(r) = p THEN 'out' ELSE 'in' END AS direction,
//|        CASE WHEN x:Document AND x.path IS NOT NULL THEN x.path ELSE x.name END AS other,
//|        r.sentence AS evidence, r.doc AS doc
//| ORDER BY entity, entity_id, relation, direction DESC, other;

// name: org.by_name
// params: name
// `kgextract query org NAME`: one organization, by name or alias (e.g. its 以下简称 short name).
//| MATCH (p:Organization)-[r]-(x)
//| WHERE p.name = $name OR $name IN coalesce(p.aliases, [])
//| RETURN p.name AS entity, p.id AS entity_id, type(r) AS relation,
//|        CASE WHEN startNode(r) = p THEN 'out' ELSE 'in' END AS direction,
//|        CASE WHEN x:Document AND x.path IS NOT NULL THEN x.path ELSE x.name END AS other,
//|        r.sentence AS evidence, r.doc AS doc
//| ORDER BY entity, entity_id, relation, direction DESC, other;

// name: org.managed_funds
// params: org
// The funds one organization manages (MANAGES, fund manager → fund; `kgextract query org NAME`
// lists them among its relationships), by name or alias.
//| MATCH (m:Organization)-[r:MANAGES]->(f:Organization)
//| WHERE m.name = $org OR $org IN coalesce(m.aliases, [])
//| RETURN m.name AS manager, f.name AS fund, r.sentence AS evidence, r.doc AS doc
//| ORDER BY fund;

// name: events.advisers
// The advisers of deals (ADVISED, adviser → deal, session 25): who advised which acquisition,
// financing or investment, in which role (`title`: 财务顾问, 法律顾问, 审计机构 …). The
// advisers are also among the `participants` of `kgextract query events` (type ADVISED).
MATCH (a:Organization)-[r:ADVISED]->(e:Event)
RETURN e.name AS event, e.kind AS kind, a.name AS adviser, r.title AS role,
       r.sentence AS evidence, r.doc AS doc
ORDER BY event, adviser, role;

// name: path
// params: from, to
// `kgextract query path A B`: all shortest paths between two entities (names or aliases),
// ignoring direction, passing only through people, organizations and events (at most 15 hops
// here; kgextract has no bound). Paths are node names and relationship types; kgextract also renders them as text
// and sorts by it (Cypher 3.1 cannot order by a list): compare as a set.
//| MATCH (a), (b)
//| WHERE NOT a:Document AND NOT b:Document AND a <> b
//|   AND (a.name = $from OR $from IN coalesce(a.aliases, []))
//|   AND (b.name = $to OR $to IN coalesce(b.aliases, []))
//| MATCH p = allShortestPaths((a)-[*..15]-(b))
//| WHERE ALL(n IN nodes(p)[1..-1] WHERE n:Person OR n:Organization OR n:Event)
//| WITH p, length(p) AS len
//| WITH collect({len: len, p: p}) AS found, min(len) AS best
//| UNWIND [f IN found WHERE f.len = best] AS f
//| RETURN f.len AS length,
//|        [n IN nodes(f.p) | n.name] AS nodes,
//|        [r IN relationships(f.p) | type(r)] AS relationships;
