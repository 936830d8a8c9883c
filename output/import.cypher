// kgextract import.cypher: load this export into a running Neo4j 5 with LOAD CSV + MERGE.
// It builds the same graph as import.sh (neo4j-admin) and is idempotent: run it twice, get
// the same graph. Put the CSV files in the server's import directory
// (server.directories.import), then: cypher-shell -f import.cypher
// For large exports prefer import.sh (offline, much faster).

// 1. Constraints (also schema/constraints.cypher).
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT role_id IF NOT EXISTS FOR (n:Role) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT location_id IF NOT EXISTS FOR (n:Location) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT amount_id IF NOT EXISTS FOR (n:Amount) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;

// 2. Nodes, one file per label.
LOAD CSV WITH HEADERS FROM 'file:///nodes_document.csv' AS row
MERGE (n:Document {id: row.`id:ID`})
SET n.name = CASE row.`name` WHEN '' THEN null ELSE row.`name` END,
    n.aliases = CASE coalesce(row.`aliases:string[]`, '') WHEN '' THEN null ELSE split(row.`aliases:string[]`, ';') END,
    n.mentions = toInteger(CASE row.`mentions:int` WHEN '' THEN null ELSE row.`mentions:int` END),
    n.merged_by = CASE coalesce(row.`merged_by:string[]`, '') WHEN '' THEN null ELSE split(row.`merged_by:string[]`, ';') END,
    n.path = CASE row.`path` WHEN '' THEN null ELSE row.`path` END,
    n.title = CASE row.`title` WHEN '' THEN null ELSE row.`title` END,
    n.published = date(CASE row.`published:date` WHEN '' THEN null ELSE row.`published:date` END);

LOAD CSV WITH HEADERS FROM 'file:///nodes_person.csv' AS row
MERGE (n:Person {id: row.`id:ID`})
SET n.name = CASE row.`name` WHEN '' THEN null ELSE row.`name` END,
    n.aliases = CASE coalesce(row.`aliases:string[]`, '') WHEN '' THEN null ELSE split(row.`aliases:string[]`, ';') END,
    n.mentions = toInteger(CASE row.`mentions:int` WHEN '' THEN null ELSE row.`mentions:int` END),
    n.merged_by = CASE coalesce(row.`merged_by:string[]`, '') WHEN '' THEN null ELSE split(row.`merged_by:string[]`, ';') END;

LOAD CSV WITH HEADERS FROM 'file:///nodes_organization.csv' AS row
MERGE (n:Organization {id: row.`id:ID`})
SET n.name = CASE row.`name` WHEN '' THEN null ELSE row.`name` END,
    n.aliases = CASE coalesce(row.`aliases:string[]`, '') WHEN '' THEN null ELSE split(row.`aliases:string[]`, ';') END,
    n.mentions = toInteger(CASE row.`mentions:int` WHEN '' THEN null ELSE row.`mentions:int` END),
    n.merged_by = CASE coalesce(row.`merged_by:string[]`, '') WHEN '' THEN null ELSE split(row.`merged_by:string[]`, ';') END,
    n.kind = CASE row.`kind` WHEN '' THEN null ELSE row.`kind` END;

LOAD CSV WITH HEADERS FROM 'file:///nodes_role.csv' AS row
MERGE (n:Role {id: row.`id:ID`})
SET n.name = CASE row.`name` WHEN '' THEN null ELSE row.`name` END,
    n.aliases = CASE coalesce(row.`aliases:string[]`, '') WHEN '' THEN null ELSE split(row.`aliases:string[]`, ';') END,
    n.mentions = toInteger(CASE row.`mentions:int` WHEN '' THEN null ELSE row.`mentions:int` END),
    n.merged_by = CASE coalesce(row.`merged_by:string[]`, '') WHEN '' THEN null ELSE split(row.`merged_by:string[]`, ';') END;

LOAD CSV WITH HEADERS FROM 'file:///nodes_location.csv' AS row
MERGE (n:Location {id: row.`id:ID`})
SET n.name = CASE row.`name` WHEN '' THEN null ELSE row.`name` END,
    n.aliases = CASE coalesce(row.`aliases:string[]`, '') WHEN '' THEN null ELSE split(row.`aliases:string[]`, ';') END,
    n.mentions = toInteger(CASE row.`mentions:int` WHEN '' THEN null ELSE row.`mentions:int` END),
    n.merged_by = CASE coalesce(row.`merged_by:string[]`, '') WHEN '' THEN null ELSE split(row.`merged_by:string[]`, ';') END;

LOAD CSV WITH HEADERS FROM 'file:///nodes_amount.csv' AS row
MERGE (n:Amount {id: row.`id:ID`})
SET n.name = CASE row.`name` WHEN '' THEN null ELSE row.`name` END,
    n.aliases = CASE coalesce(row.`aliases:string[]`, '') WHEN '' THEN null ELSE split(row.`aliases:string[]`, ';') END,
    n.mentions = toInteger(CASE row.`mentions:int` WHEN '' THEN null ELSE row.`mentions:int` END),
    n.merged_by = CASE coalesce(row.`merged_by:string[]`, '') WHEN '' THEN null ELSE split(row.`merged_by:string[]`, ';') END,
    n.value = toFloat(CASE row.`value:double` WHEN '' THEN null ELSE row.`value:double` END),
    n.min = toFloat(CASE row.`min:double` WHEN '' THEN null ELSE row.`min:double` END),
    n.max = toFloat(CASE row.`max:double` WHEN '' THEN null ELSE row.`max:double` END),
    n.currency = CASE row.`currency` WHEN '' THEN null ELSE row.`currency` END,
    n.qualifier = CASE row.`qualifier` WHEN '' THEN null ELSE row.`qualifier` END,
    n.text = CASE row.`text` WHEN '' THEN null ELSE row.`text` END;

LOAD CSV WITH HEADERS FROM 'file:///nodes_event.csv' AS row
MERGE (n:Event {id: row.`id:ID`})
SET n.name = CASE row.`name` WHEN '' THEN null ELSE row.`name` END,
    n.aliases = CASE coalesce(row.`aliases:string[]`, '') WHEN '' THEN null ELSE split(row.`aliases:string[]`, ';') END,
    n.mentions = toInteger(CASE row.`mentions:int` WHEN '' THEN null ELSE row.`mentions:int` END),
    n.merged_by = CASE coalesce(row.`merged_by:string[]`, '') WHEN '' THEN null ELSE split(row.`merged_by:string[]`, ';') END,
    n.kind = CASE row.`kind` WHEN '' THEN null ELSE row.`kind` END,
    n.date = date(CASE row.`date:date` WHEN '' THEN null ELSE row.`date:date` END),
    n.date_precision = CASE row.`date_precision` WHEN '' THEN null ELSE row.`date_precision` END,
    n.end_date = date(CASE row.`end_date:date` WHEN '' THEN null ELSE row.`end_date:date` END),
    n.period = CASE row.`period` WHEN '' THEN null ELSE row.`period` END,
    n.location = CASE row.`location` WHEN '' THEN null ELSE row.`location` END;
LOAD CSV WITH HEADERS FROM 'file:///nodes_event.csv' AS row
WITH row WHERE row.kind = 'Forum'
MATCH (n:Event {id: row.`id:ID`}) SET n:Forum;
LOAD CSV WITH HEADERS FROM 'file:///nodes_event.csv' AS row
WITH row WHERE row.kind = 'Signing'
MATCH (n:Event {id: row.`id:ID`}) SET n:Signing;
LOAD CSV WITH HEADERS FROM 'file:///nodes_event.csv' AS row
WITH row WHERE row.kind = 'Launch'
MATCH (n:Event {id: row.`id:ID`}) SET n:Launch;
LOAD CSV WITH HEADERS FROM 'file:///nodes_event.csv' AS row
WITH row WHERE row.kind = 'Speech'
MATCH (n:Event {id: row.`id:ID`}) SET n:Speech;
LOAD CSV WITH HEADERS FROM 'file:///nodes_event.csv' AS row
WITH row WHERE row.kind = 'Investment'
MATCH (n:Event {id: row.`id:ID`}) SET n:Investment;
LOAD CSV WITH HEADERS FROM 'file:///nodes_event.csv' AS row
WITH row WHERE row.kind = 'Financing'
MATCH (n:Event {id: row.`id:ID`}) SET n:Financing;
LOAD CSV WITH HEADERS FROM 'file:///nodes_event.csv' AS row
WITH row WHERE row.kind = 'Acquisition'
MATCH (n:Event {id: row.`id:ID`}) SET n:Acquisition;
LOAD CSV WITH HEADERS FROM 'file:///nodes_event.csv' AS row
WITH row WHERE row.kind = 'Appointment'
MATCH (n:Event {id: row.`id:ID`}) SET n:Appointment;
LOAD CSV WITH HEADERS FROM 'file:///nodes_event.csv' AS row
WITH row WHERE row.kind = 'Establishment'
MATCH (n:Event {id: row.`id:ID`}) SET n:Establishment;

// 3. Relationships, one statement per (type, start label, end label) in this export.
LOAD CSV WITH HEADERS FROM 'file:///rels_holds_position.csv' AS row
WITH row WHERE row.`:START_ID` STARTS WITH 'per_' AND row.`:END_ID` STARTS WITH 'org_'
MATCH (a:Person {id: row.`:START_ID`}), (b:Organization {id: row.`:END_ID`})
MERGE (a)-[r:HOLDS_POSITION {id: row.id}]->(b)
SET r.title = CASE row.`title` WHEN '' THEN null ELSE row.`title` END,
    r.status = CASE row.`status` WHEN '' THEN null ELSE row.`status` END,
    r.on_behalf_of = CASE row.`on_behalf_of` WHEN '' THEN null ELSE row.`on_behalf_of` END,
    r.lead = CASE row.`lead:boolean` WHEN 'true' THEN true WHEN 'false' THEN false ELSE null END,
    r.about = CASE row.`about` WHEN '' THEN null ELSE row.`about` END,
    r.count = toInteger(CASE row.`count:int` WHEN '' THEN null ELSE row.`count:int` END),
    r.doc = CASE row.`doc` WHEN '' THEN null ELSE row.`doc` END,
    r.sentence = CASE row.`sentence` WHEN '' THEN null ELSE row.`sentence` END,
    r.start = toInteger(CASE row.`start:int` WHEN '' THEN null ELSE row.`start:int` END),
    r.end = toInteger(CASE row.`end:int` WHEN '' THEN null ELSE row.`end:int` END),
    r.rule = CASE row.`rule` WHEN '' THEN null ELSE row.`rule` END;

LOAD CSV WITH HEADERS FROM 'file:///rels_has_role.csv' AS row
WITH row WHERE row.`:START_ID` STARTS WITH 'per_' AND row.`:END_ID` STARTS WITH 'role_'
MATCH (a:Person {id: row.`:START_ID`}), (b:Role {id: row.`:END_ID`})
MERGE (a)-[r:HAS_ROLE {id: row.id}]->(b)
SET r.title = CASE row.`title` WHEN '' THEN null ELSE row.`title` END,
    r.status = CASE row.`status` WHEN '' THEN null ELSE row.`status` END,
    r.on_behalf_of = CASE row.`on_behalf_of` WHEN '' THEN null ELSE row.`on_behalf_of` END,
    r.lead = CASE row.`lead:boolean` WHEN 'true' THEN true WHEN 'false' THEN false ELSE null END,
    r.about = CASE row.`about` WHEN '' THEN null ELSE row.`about` END,
    r.count = toInteger(CASE row.`count:int` WHEN '' THEN null ELSE row.`count:int` END),
    r.doc = CASE row.`doc` WHEN '' THEN null ELSE row.`doc` END,
    r.sentence = CASE row.`sentence` WHEN '' THEN null ELSE row.`sentence` END,
    r.start = toInteger(CASE row.`start:int` WHEN '' THEN null ELSE row.`start:int` END),
    r.end = toInteger(CASE row.`end:int` WHEN '' THEN null ELSE row.`end:int` END),
    r.rule = CASE row.`rule` WHEN '' THEN null ELSE row.`rule` END;

LOAD CSV WITH HEADERS FROM 'file:///rels_organized.csv' AS row
WITH row WHERE row.`:START_ID` STARTS WITH 'org_' AND row.`:END_ID` STARTS WITH 'evt_'
MATCH (a:Organization {id: row.`:START_ID`}), (b:Event {id: row.`:END_ID`})
MERGE (a)-[r:ORGANIZED {id: row.id}]->(b)
SET r.title = CASE row.`title` WHEN '' THEN null ELSE row.`title` END,
    r.status = CASE row.`status` WHEN '' THEN null ELSE row.`status` END,
    r.on_behalf_of = CASE row.`on_behalf_of` WHEN '' THEN null ELSE row.`on_behalf_of` END,
    r.lead = CASE row.`lead:boolean` WHEN 'true' THEN true WHEN 'false' THEN false ELSE null END,
    r.about = CASE row.`about` WHEN '' THEN null ELSE row.`about` END,
    r.count = toInteger(CASE row.`count:int` WHEN '' THEN null ELSE row.`count:int` END),
    r.doc = CASE row.`doc` WHEN '' THEN null ELSE row.`doc` END,
    r.sentence = CASE row.`sentence` WHEN '' THEN null ELSE row.`sentence` END,
    r.start = toInteger(CASE row.`start:int` WHEN '' THEN null ELSE row.`start:int` END),
    r.end = toInteger(CASE row.`end:int` WHEN '' THEN null ELSE row.`end:int` END),
    r.rule = CASE row.`rule` WHEN '' THEN null ELSE row.`rule` END;

LOAD CSV WITH HEADERS FROM 'file:///rels_attended.csv' AS row
WITH row WHERE row.`:START_ID` STARTS WITH 'per_' AND row.`:END_ID` STARTS WITH 'evt_'
MATCH (a:Person {id: row.`:START_ID`}), (b:Event {id: row.`:END_ID`})
MERGE (a)-[r:ATTENDED {id: row.id}]->(b)
SET r.title = CASE row.`title` WHEN '' THEN null ELSE row.`title` END,
    r.status = CASE row.`status` WHEN '' THEN null ELSE row.`status` END,
    r.on_behalf_of = CASE row.`on_behalf_of` WHEN '' THEN null ELSE row.`on_behalf_of` END,
    r.lead = CASE row.`lead:boolean` WHEN 'true' THEN true WHEN 'false' THEN false ELSE null END,
    r.about = CASE row.`about` WHEN '' THEN null ELSE row.`about` END,
    r.count = toInteger(CASE row.`count:int` WHEN '' THEN null ELSE row.`count:int` END),
    r.doc = CASE row.`doc` WHEN '' THEN null ELSE row.`doc` END,
    r.sentence = CASE row.`sentence` WHEN '' THEN null ELSE row.`sentence` END,
    r.start = toInteger(CASE row.`start:int` WHEN '' THEN null ELSE row.`start:int` END),
    r.end = toInteger(CASE row.`end:int` WHEN '' THEN null ELSE row.`end:int` END),
    r.rule = CASE row.`rule` WHEN '' THEN null ELSE row.`rule` END;

LOAD CSV WITH HEADERS FROM 'file:///rels_spoke_at.csv' AS row
WITH row WHERE row.`:START_ID` STARTS WITH 'per_' AND row.`:END_ID` STARTS WITH 'evt_'
MATCH (a:Person {id: row.`:START_ID`}), (b:Event {id: row.`:END_ID`})
MERGE (a)-[r:SPOKE_AT {id: row.id}]->(b)
SET r.title = CASE row.`title` WHEN '' THEN null ELSE row.`title` END,
    r.status = CASE row.`status` WHEN '' THEN null ELSE row.`status` END,
    r.on_behalf_of = CASE row.`on_behalf_of` WHEN '' THEN null ELSE row.`on_behalf_of` END,
    r.lead = CASE row.`lead:boolean` WHEN 'true' THEN true WHEN 'false' THEN false ELSE null END,
    r.about = CASE row.`about` WHEN '' THEN null ELSE row.`about` END,
    r.count = toInteger(CASE row.`count:int` WHEN '' THEN null ELSE row.`count:int` END),
    r.doc = CASE row.`doc` WHEN '' THEN null ELSE row.`doc` END,
    r.sentence = CASE row.`sentence` WHEN '' THEN null ELSE row.`sentence` END,
    r.start = toInteger(CASE row.`start:int` WHEN '' THEN null ELSE row.`start:int` END),
    r.end = toInteger(CASE row.`end:int` WHEN '' THEN null ELSE row.`end:int` END),
    r.rule = CASE row.`rule` WHEN '' THEN null ELSE row.`rule` END;

LOAD CSV WITH HEADERS FROM 'file:///rels_signed.csv' AS row
WITH row WHERE row.`:START_ID` STARTS WITH 'per_' AND row.`:END_ID` STARTS WITH 'evt_'
MATCH (a:Person {id: row.`:START_ID`}), (b:Event {id: row.`:END_ID`})
MERGE (a)-[r:SIGNED {id: row.id}]->(b)
SET r.title = CASE row.`title` WHEN '' THEN null ELSE row.`title` END,
    r.status = CASE row.`status` WHEN '' THEN null ELSE row.`status` END,
    r.on_behalf_of = CASE row.`on_behalf_of` WHEN '' THEN null ELSE row.`on_behalf_of` END,
    r.lead = CASE row.`lead:boolean` WHEN 'true' THEN true WHEN 'false' THEN false ELSE null END,
    r.about = CASE row.`about` WHEN '' THEN null ELSE row.`about` END,
    r.count = toInteger(CASE row.`count:int` WHEN '' THEN null ELSE row.`count:int` END),
    r.doc = CASE row.`doc` WHEN '' THEN null ELSE row.`doc` END,
    r.sentence = CASE row.`sentence` WHEN '' THEN null ELSE row.`sentence` END,
    r.start = toInteger(CASE row.`start:int` WHEN '' THEN null ELSE row.`start:int` END),
    r.end = toInteger(CASE row.`end:int` WHEN '' THEN null ELSE row.`end:int` END),
    r.rule = CASE row.`rule` WHEN '' THEN null ELSE row.`rule` END;

LOAD CSV WITH HEADERS FROM 'file:///rels_signed.csv' AS row
WITH row WHERE row.`:START_ID` STARTS WITH 'org_' AND row.`:END_ID` STARTS WITH 'evt_'
MATCH (a:Organization {id: row.`:START_ID`}), (b:Event {id: row.`:END_ID`})
MERGE (a)-[r:SIGNED {id: row.id}]->(b)
SET r.title = CASE row.`title` WHEN '' THEN null ELSE row.`title` END,
    r.status = CASE row.`status` WHEN '' THEN null ELSE row.`status` END,
    r.on_behalf_of = CASE row.`on_behalf_of` WHEN '' THEN null ELSE row.`on_behalf_of` END,
    r.lead = CASE row.`lead:boolean` WHEN 'true' THEN true WHEN 'false' THEN false ELSE null END,
    r.about = CASE row.`about` WHEN '' THEN null ELSE row.`about` END,
    r.count = toInteger(CASE row.`count:int` WHEN '' THEN null ELSE row.`count:int` END),
    r.doc = CASE row.`doc` WHEN '' THEN null ELSE row.`doc` END,
    r.sentence = CASE row.`sentence` WHEN '' THEN null ELSE row.`sentence` END,
    r.start = toInteger(CASE row.`start:int` WHEN '' THEN null ELSE row.`start:int` END),
    r.end = toInteger(CASE row.`end:int` WHEN '' THEN null ELSE row.`end:int` END),
    r.rule = CASE row.`rule` WHEN '' THEN null ELSE row.`rule` END;

LOAD CSV WITH HEADERS FROM 'file:///rels_invested.csv' AS row
WITH row WHERE row.`:START_ID` STARTS WITH 'per_' AND row.`:END_ID` STARTS WITH 'evt_'
MATCH (a:Person {id: row.`:START_ID`}), (b:Event {id: row.`:END_ID`})
MERGE (a)-[r:INVESTED {id: row.id}]->(b)
SET r.title = CASE row.`title` WHEN '' THEN null ELSE row.`title` END,
    r.status = CASE row.`status` WHEN '' THEN null ELSE row.`status` END,
    r.on_behalf_of = CASE row.`on_behalf_of` WHEN '' THEN null ELSE row.`on_behalf_of` END,
    r.lead = CASE row.`lead:boolean` WHEN 'true' THEN true WHEN 'false' THEN false ELSE null END,
    r.about = CASE row.`about` WHEN '' THEN null ELSE row.`about` END,
    r.count = toInteger(CASE row.`count:int` WHEN '' THEN null ELSE row.`count:int` END),
    r.doc = CASE row.`doc` WHEN '' THEN null ELSE row.`doc` END,
    r.sentence = CASE row.`sentence` WHEN '' THEN null ELSE row.`sentence` END,
    r.start = toInteger(CASE row.`start:int` WHEN '' THEN null ELSE row.`start:int` END),
    r.end = toInteger(CASE row.`end:int` WHEN '' THEN null ELSE row.`end:int` END),
    r.rule = CASE row.`rule` WHEN '' THEN null ELSE row.`rule` END;

LOAD CSV WITH HEADERS FROM 'file:///rels_invested.csv' AS row
WITH row WHERE row.`:START_ID` STARTS WITH 'org_' AND row.`:END_ID` STARTS WITH 'evt_'
MATCH (a:Organization {id: row.`:START_ID`}), (b:Event {id: row.`:END_ID`})
MERGE (a)-[r:INVESTED {id: row.id}]->(b)
SET r.title = CASE row.`title` WHEN '' THEN null ELSE row.`title` END,
    r.status = CASE row.`status` WHEN '' THEN null ELSE row.`status` END,
    r.on_behalf_of = CASE row.`on_behalf_of` WHEN '' THEN null ELSE row.`on_behalf_of` END,
    r.lead = CASE row.`lead:boolean` WHEN 'true' THEN true WHEN 'false' THEN false ELSE null END,
    r.about = CASE row.`about` WHEN '' THEN null ELSE row.`about` END,
    r.count = toInteger(CASE row.`count:int` WHEN '' THEN null ELSE row.`count:int` END),
    r.doc = CASE row.`doc` WHEN '' THEN null ELSE row.`doc` END,
    r.sentence = CASE row.`sentence` WHEN '' THEN null ELSE row.`sentence` END,
    r.start = toInteger(CASE row.`start:int` WHEN '' THEN null ELSE row.`start:int` END),
    r.end = toInteger(CASE row.`end:int` WHEN '' THEN null ELSE row.`end:int` END),
    r.rule = CASE row.`rule` WHEN '' THEN null ELSE row.`rule` END;

LOAD CSV WITH HEADERS FROM 'file:///rels_raised.csv' AS row
WITH row WHERE row.`:START_ID` STARTS WITH 'org_' AND row.`:END_ID` STARTS WITH 'evt_'
MATCH (a:Organization {id: row.`:START_ID`}), (b:Event {id: row.`:END_ID`})
MERGE (a)-[r:RAISED {id: row.id}]->(b)
SET r.title = CASE row.`title` WHEN '' THEN null ELSE row.`title` END,
    r.status = CASE row.`status` WHEN '' THEN null ELSE row.`status` END,
    r.on_behalf_of = CASE row.`on_behalf_of` WHEN '' THEN null ELSE row.`on_behalf_of` END,
    r.lead = CASE row.`lead:boolean` WHEN 'true' THEN true WHEN 'false' THEN false ELSE null END,
    r.about = CASE row.`about` WHEN '' THEN null ELSE row.`about` END,
    r.count = toInteger(CASE row.`count:int` WHEN '' THEN null ELSE row.`count:int` END),
    r.doc = CASE row.`doc` WHEN '' THEN null ELSE row.`doc` END,
    r.sentence = CASE row.`sentence` WHEN '' THEN null ELSE row.`sentence` END,
    r.start = toInteger(CASE row.`start:int` WHEN '' THEN null ELSE row.`start:int` END),
    r.end = toInteger(CASE row.`end:int` WHEN '' THEN null ELSE row.`end:int` END),
    r.rule = CASE row.`rule` WHEN '' THEN null ELSE row.`rule` END;

LOAD CSV WITH HEADERS FROM 'file:///rels_acquired.csv' AS row
WITH row WHERE row.`:START_ID` STARTS WITH 'org_' AND row.`:END_ID` STARTS WITH 'evt_'
MATCH (a:Organization {id: row.`:START_ID`}), (b:Event {id: row.`:END_ID`})
MERGE (a)-[r:ACQUIRED {id: row.id}]->(b)
SET r.title = CASE row.`title` WHEN '' THEN null ELSE row.`title` END,
    r.status = CASE row.`status` WHEN '' THEN null ELSE row.`status` END,
    r.on_behalf_of = CASE row.`on_behalf_of` WHEN '' THEN null ELSE row.`on_behalf_of` END,
    r.lead = CASE row.`lead:boolean` WHEN 'true' THEN true WHEN 'false' THEN false ELSE null END,
    r.about = CASE row.`about` WHEN '' THEN null ELSE row.`about` END,
    r.count = toInteger(CASE row.`count:int` WHEN '' THEN null ELSE row.`count:int` END),
    r.doc = CASE row.`doc` WHEN '' THEN null ELSE row.`doc` END,
    r.sentence = CASE row.`sentence` WHEN '' THEN null ELSE row.`sentence` END,
    r.start = toInteger(CASE row.`start:int` WHEN '' THEN null ELSE row.`start:int` END),
    r.end = toInteger(CASE row.`end:int` WHEN '' THEN null ELSE row.`end:int` END),
    r.rule = CASE row.`rule` WHEN '' THEN null ELSE row.`rule` END;

LOAD CSV WITH HEADERS FROM 'file:///rels_sold.csv' AS row
WITH row WHERE row.`:START_ID` STARTS WITH 'per_' AND row.`:END_ID` STARTS WITH 'evt_'
MATCH (a:Person {id: row.`:START_ID`}), (b:Event {id: row.`:END_ID`})
MERGE (a)-[r:SOLD {id: row.id}]->(b)
SET r.title = CASE row.`title` WHEN '' THEN null ELSE row.`title` END,
    r.status = CASE row.`status` WHEN '' THEN null ELSE row.`status` END,
    r.on_behalf_of = CASE row.`on_behalf_of` WHEN '' THEN null ELSE row.`on_behalf_of` END,
    r.lead = CASE row.`lead:boolean` WHEN 'true' THEN true WHEN 'false' THEN false ELSE null END,
    r.about = CASE row.`about` WHEN '' THEN null ELSE row.`about` END,
    r.count = toInteger(CASE row.`count:int` WHEN '' THEN null ELSE row.`count:int` END),
    r.doc = CASE row.`doc` WHEN '' THEN null ELSE row.`doc` END,
    r.sentence = CASE row.`sentence` WHEN '' THEN null ELSE row.`sentence` END,
    r.start = toInteger(CASE row.`start:int` WHEN '' THEN null ELSE row.`start:int` END),
    r.end = toInteger(CASE row.`end:int` WHEN '' THEN null ELSE row.`end:int` END),
    r.rule = CASE row.`rule` WHEN '' THEN null ELSE row.`rule` END;

LOAD CSV WITH HEADERS FROM 'file:///rels_sold.csv' AS row
WITH row WHERE row.`:START_ID` STARTS WITH 'org_' AND row.`:END_ID` STARTS WITH 'evt_'
MATCH (a:Organization {id: row.`:START_ID`}), (b:Event {id: row.`:END_ID`})
MERGE (a)-[r:SOLD {id: row.id}]->(b)
SET r.title = CASE row.`title` WHEN '' THEN null ELSE row.`title` END,
    r.status = CASE row.`status` WHEN '' THEN null ELSE row.`status` END,
    r.on_behalf_of = CASE row.`on_behalf_of` WHEN '' THEN null ELSE row.`on_behalf_of` END,
    r.lead = CASE row.`lead:boolean` WHEN 'true' THEN true WHEN 'false' THEN false ELSE null END,
    r.about = CASE row.`about` WHEN '' THEN null ELSE row.`about` END,
    r.count = toInteger(CASE row.`count:int` WHEN '' THEN null ELSE row.`count:int` END),
    r.doc = CASE row.`doc` WHEN '' THEN null ELSE row.`doc` END,
    r.sentence = CASE row.`sentence` WHEN '' THEN null ELSE row.`sentence` END,
    r.start = toInteger(CASE row.`start:int` WHEN '' THEN null ELSE row.`start:int` END),
    r.end = toInteger(CASE row.`end:int` WHEN '' THEN null ELSE row.`end:int` END),
    r.rule = CASE row.`rule` WHEN '' THEN null ELSE row.`rule` END;

LOAD CSV WITH HEADERS FROM 'file:///rels_target_of.csv' AS row
WITH row WHERE row.`:START_ID` STARTS WITH 'org_' AND row.`:END_ID` STARTS WITH 'evt_'
MATCH (a:Organization {id: row.`:START_ID`}), (b:Event {id: row.`:END_ID`})
MERGE (a)-[r:TARGET_OF {id: row.id}]->(b)
SET r.title = CASE row.`title` WHEN '' THEN null ELSE row.`title` END,
    r.status = CASE row.`status` WHEN '' THEN null ELSE row.`status` END,
    r.on_behalf_of = CASE row.`on_behalf_of` WHEN '' THEN null ELSE row.`on_behalf_of` END,
    r.lead = CASE row.`lead:boolean` WHEN 'true' THEN true WHEN 'false' THEN false ELSE null END,
    r.about = CASE row.`about` WHEN '' THEN null ELSE row.`about` END,
    r.count = toInteger(CASE row.`count:int` WHEN '' THEN null ELSE row.`count:int` END),
    r.doc = CASE row.`doc` WHEN '' THEN null ELSE row.`doc` END,
    r.sentence = CASE row.`sentence` WHEN '' THEN null ELSE row.`sentence` END,
    r.start = toInteger(CASE row.`start:int` WHEN '' THEN null ELSE row.`start:int` END),
    r.end = toInteger(CASE row.`end:int` WHEN '' THEN null ELSE row.`end:int` END),
    r.rule = CASE row.`rule` WHEN '' THEN null ELSE row.`rule` END;

LOAD CSV WITH HEADERS FROM 'file:///rels_appointed.csv' AS row
WITH row WHERE row.`:START_ID` STARTS WITH 'per_' AND row.`:END_ID` STARTS WITH 'evt_'
MATCH (a:Person {id: row.`:START_ID`}), (b:Event {id: row.`:END_ID`})
MERGE (a)-[r:APPOINTED {id: row.id}]->(b)
SET r.title = CASE row.`title` WHEN '' THEN null ELSE row.`title` END,
    r.status = CASE row.`status` WHEN '' THEN null ELSE row.`status` END,
    r.on_behalf_of = CASE row.`on_behalf_of` WHEN '' THEN null ELSE row.`on_behalf_of` END,
    r.lead = CASE row.`lead:boolean` WHEN 'true' THEN true WHEN 'false' THEN false ELSE null END,
    r.about = CASE row.`about` WHEN '' THEN null ELSE row.`about` END,
    r.count = toInteger(CASE row.`count:int` WHEN '' THEN null ELSE row.`count:int` END),
    r.doc = CASE row.`doc` WHEN '' THEN null ELSE row.`doc` END,
    r.sentence = CASE row.`sentence` WHEN '' THEN null ELSE row.`sentence` END,
    r.start = toInteger(CASE row.`start:int` WHEN '' THEN null ELSE row.`start:int` END),
    r.end = toInteger(CASE row.`end:int` WHEN '' THEN null ELSE row.`end:int` END),
    r.rule = CASE row.`rule` WHEN '' THEN null ELSE row.`rule` END;

LOAD CSV WITH HEADERS FROM 'file:///rels_launched.csv' AS row
WITH row WHERE row.`:START_ID` STARTS WITH 'org_' AND row.`:END_ID` STARTS WITH 'evt_'
MATCH (a:Organization {id: row.`:START_ID`}), (b:Event {id: row.`:END_ID`})
MERGE (a)-[r:LAUNCHED {id: row.id}]->(b)
SET r.title = CASE row.`title` WHEN '' THEN null ELSE row.`title` END,
    r.status = CASE row.`status` WHEN '' THEN null ELSE row.`status` END,
    r.on_behalf_of = CASE row.`on_behalf_of` WHEN '' THEN null ELSE row.`on_behalf_of` END,
    r.lead = CASE row.`lead:boolean` WHEN 'true' THEN true WHEN 'false' THEN false ELSE null END,
    r.about = CASE row.`about` WHEN '' THEN null ELSE row.`about` END,
    r.count = toInteger(CASE row.`count:int` WHEN '' THEN null ELSE row.`count:int` END),
    r.doc = CASE row.`doc` WHEN '' THEN null ELSE row.`doc` END,
    r.sentence = CASE row.`sentence` WHEN '' THEN null ELSE row.`sentence` END,
    r.start = toInteger(CASE row.`start:int` WHEN '' THEN null ELSE row.`start:int` END),
    r.end = toInteger(CASE row.`end:int` WHEN '' THEN null ELSE row.`end:int` END),
    r.rule = CASE row.`rule` WHEN '' THEN null ELSE row.`rule` END;

LOAD CSV WITH HEADERS FROM 'file:///rels_established.csv' AS row
WITH row WHERE row.`:START_ID` STARTS WITH 'org_' AND row.`:END_ID` STARTS WITH 'evt_'
MATCH (a:Organization {id: row.`:START_ID`}), (b:Event {id: row.`:END_ID`})
MERGE (a)-[r:ESTABLISHED {id: row.id}]->(b)
SET r.title = CASE row.`title` WHEN '' THEN null ELSE row.`title` END,
    r.status = CASE row.`status` WHEN '' THEN null ELSE row.`status` END,
    r.on_behalf_of = CASE row.`on_behalf_of` WHEN '' THEN null ELSE row.`on_behalf_of` END,
    r.lead = CASE row.`lead:boolean` WHEN 'true' THEN true WHEN 'false' THEN false ELSE null END,
    r.about = CASE row.`about` WHEN '' THEN null ELSE row.`about` END,
    r.count = toInteger(CASE row.`count:int` WHEN '' THEN null ELSE row.`count:int` END),
    r.doc = CASE row.`doc` WHEN '' THEN null ELSE row.`doc` END,
    r.sentence = CASE row.`sentence` WHEN '' THEN null ELSE row.`sentence` END,
    r.start = toInteger(CASE row.`start:int` WHEN '' THEN null ELSE row.`start:int` END),
    r.end = toInteger(CASE row.`end:int` WHEN '' THEN null ELSE row.`end:int` END),
    r.rule = CASE row.`rule` WHEN '' THEN null ELSE row.`rule` END;

LOAD CSV WITH HEADERS FROM 'file:///rels_manages.csv' AS row
WITH row WHERE row.`:START_ID` STARTS WITH 'org_' AND row.`:END_ID` STARTS WITH 'org_'
MATCH (a:Organization {id: row.`:START_ID`}), (b:Organization {id: row.`:END_ID`})
MERGE (a)-[r:MANAGES {id: row.id}]->(b)
SET r.title = CASE row.`title` WHEN '' THEN null ELSE row.`title` END,
    r.status = CASE row.`status` WHEN '' THEN null ELSE row.`status` END,
    r.on_behalf_of = CASE row.`on_behalf_of` WHEN '' THEN null ELSE row.`on_behalf_of` END,
    r.lead = CASE row.`lead:boolean` WHEN 'true' THEN true WHEN 'false' THEN false ELSE null END,
    r.about = CASE row.`about` WHEN '' THEN null ELSE row.`about` END,
    r.count = toInteger(CASE row.`count:int` WHEN '' THEN null ELSE row.`count:int` END),
    r.doc = CASE row.`doc` WHEN '' THEN null ELSE row.`doc` END,
    r.sentence = CASE row.`sentence` WHEN '' THEN null ELSE row.`sentence` END,
    r.start = toInteger(CASE row.`start:int` WHEN '' THEN null ELSE row.`start:int` END),
    r.end = toInteger(CASE row.`end:int` WHEN '' THEN null ELSE row.`end:int` END),
    r.rule = CASE row.`rule` WHEN '' THEN null ELSE row.`rule` END;

LOAD CSV WITH HEADERS FROM 'file:///rels_advised.csv' AS row
WITH row WHERE row.`:START_ID` STARTS WITH 'org_' AND row.`:END_ID` STARTS WITH 'evt_'
MATCH (a:Organization {id: row.`:START_ID`}), (b:Event {id: row.`:END_ID`})
MERGE (a)-[r:ADVISED {id: row.id}]->(b)
SET r.title = CASE row.`title` WHEN '' THEN null ELSE row.`title` END,
    r.status = CASE row.`status` WHEN '' THEN null ELSE row.`status` END,
    r.on_behalf_of = CASE row.`on_behalf_of` WHEN '' THEN null ELSE row.`on_behalf_of` END,
    r.lead = CASE row.`lead:boolean` WHEN 'true' THEN true WHEN 'false' THEN false ELSE null END,
    r.about = CASE row.`about` WHEN '' THEN null ELSE row.`about` END,
    r.count = toInteger(CASE row.`count:int` WHEN '' THEN null ELSE row.`count:int` END),
    r.doc = CASE row.`doc` WHEN '' THEN null ELSE row.`doc` END,
    r.sentence = CASE row.`sentence` WHEN '' THEN null ELSE row.`sentence` END,
    r.start = toInteger(CASE row.`start:int` WHEN '' THEN null ELSE row.`start:int` END),
    r.end = toInteger(CASE row.`end:int` WHEN '' THEN null ELSE row.`end:int` END),
    r.rule = CASE row.`rule` WHEN '' THEN null ELSE row.`rule` END;

LOAD CSV WITH HEADERS FROM 'file:///rels_has_amount.csv' AS row
WITH row WHERE row.`:START_ID` STARTS WITH 'evt_' AND row.`:END_ID` STARTS WITH 'amt_'
MATCH (a:Event {id: row.`:START_ID`}), (b:Amount {id: row.`:END_ID`})
MERGE (a)-[r:HAS_AMOUNT {id: row.id}]->(b)
SET r.title = CASE row.`title` WHEN '' THEN null ELSE row.`title` END,
    r.status = CASE row.`status` WHEN '' THEN null ELSE row.`status` END,
    r.on_behalf_of = CASE row.`on_behalf_of` WHEN '' THEN null ELSE row.`on_behalf_of` END,
    r.lead = CASE row.`lead:boolean` WHEN 'true' THEN true WHEN 'false' THEN false ELSE null END,
    r.about = CASE row.`about` WHEN '' THEN null ELSE row.`about` END,
    r.count = toInteger(CASE row.`count:int` WHEN '' THEN null ELSE row.`count:int` END),
    r.doc = CASE row.`doc` WHEN '' THEN null ELSE row.`doc` END,
    r.sentence = CASE row.`sentence` WHEN '' THEN null ELSE row.`sentence` END,
    r.start = toInteger(CASE row.`start:int` WHEN '' THEN null ELSE row.`start:int` END),
    r.end = toInteger(CASE row.`end:int` WHEN '' THEN null ELSE row.`end:int` END),
    r.rule = CASE row.`rule` WHEN '' THEN null ELSE row.`rule` END;

LOAD CSV WITH HEADERS FROM 'file:///rels_located_in.csv' AS row
WITH row WHERE row.`:START_ID` STARTS WITH 'loc_' AND row.`:END_ID` STARTS WITH 'loc_'
MATCH (a:Location {id: row.`:START_ID`}), (b:Location {id: row.`:END_ID`})
MERGE (a)-[r:LOCATED_IN {id: row.id}]->(b)
SET r.title = CASE row.`title` WHEN '' THEN null ELSE row.`title` END,
    r.status = CASE row.`status` WHEN '' THEN null ELSE row.`status` END,
    r.on_behalf_of = CASE row.`on_behalf_of` WHEN '' THEN null ELSE row.`on_behalf_of` END,
    r.lead = CASE row.`lead:boolean` WHEN 'true' THEN true WHEN 'false' THEN false ELSE null END,
    r.about = CASE row.`about` WHEN '' THEN null ELSE row.`about` END,
    r.count = toInteger(CASE row.`count:int` WHEN '' THEN null ELSE row.`count:int` END),
    r.doc = CASE row.`doc` WHEN '' THEN null ELSE row.`doc` END,
    r.sentence = CASE row.`sentence` WHEN '' THEN null ELSE row.`sentence` END,
    r.start = toInteger(CASE row.`start:int` WHEN '' THEN null ELSE row.`start:int` END),
    r.end = toInteger(CASE row.`end:int` WHEN '' THEN null ELSE row.`end:int` END),
    r.rule = CASE row.`rule` WHEN '' THEN null ELSE row.`rule` END;

LOAD CSV WITH HEADERS FROM 'file:///rels_located_in.csv' AS row
WITH row WHERE row.`:START_ID` STARTS WITH 'evt_' AND row.`:END_ID` STARTS WITH 'loc_'
MATCH (a:Event {id: row.`:START_ID`}), (b:Location {id: row.`:END_ID`})
MERGE (a)-[r:LOCATED_IN {id: row.id}]->(b)
SET r.title = CASE row.`title` WHEN '' THEN null ELSE row.`title` END,
    r.status = CASE row.`status` WHEN '' THEN null ELSE row.`status` END,
    r.on_behalf_of = CASE row.`on_behalf_of` WHEN '' THEN null ELSE row.`on_behalf_of` END,
    r.lead = CASE row.`lead:boolean` WHEN 'true' THEN true WHEN 'false' THEN false ELSE null END,
    r.about = CASE row.`about` WHEN '' THEN null ELSE row.`about` END,
    r.count = toInteger(CASE row.`count:int` WHEN '' THEN null ELSE row.`count:int` END),
    r.doc = CASE row.`doc` WHEN '' THEN null ELSE row.`doc` END,
    r.sentence = CASE row.`sentence` WHEN '' THEN null ELSE row.`sentence` END,
    r.start = toInteger(CASE row.`start:int` WHEN '' THEN null ELSE row.`start:int` END),
    r.end = toInteger(CASE row.`end:int` WHEN '' THEN null ELSE row.`end:int` END),
    r.rule = CASE row.`rule` WHEN '' THEN null ELSE row.`rule` END;

LOAD CSV WITH HEADERS FROM 'file:///rels_part_of.csv' AS row
WITH row WHERE row.`:START_ID` STARTS WITH 'evt_' AND row.`:END_ID` STARTS WITH 'evt_'
MATCH (a:Event {id: row.`:START_ID`}), (b:Event {id: row.`:END_ID`})
MERGE (a)-[r:PART_OF {id: row.id}]->(b)
SET r.title = CASE row.`title` WHEN '' THEN null ELSE row.`title` END,
    r.status = CASE row.`status` WHEN '' THEN null ELSE row.`status` END,
    r.on_behalf_of = CASE row.`on_behalf_of` WHEN '' THEN null ELSE row.`on_behalf_of` END,
    r.lead = CASE row.`lead:boolean` WHEN 'true' THEN true WHEN 'false' THEN false ELSE null END,
    r.about = CASE row.`about` WHEN '' THEN null ELSE row.`about` END,
    r.count = toInteger(CASE row.`count:int` WHEN '' THEN null ELSE row.`count:int` END),
    r.doc = CASE row.`doc` WHEN '' THEN null ELSE row.`doc` END,
    r.sentence = CASE row.`sentence` WHEN '' THEN null ELSE row.`sentence` END,
    r.start = toInteger(CASE row.`start:int` WHEN '' THEN null ELSE row.`start:int` END),
    r.end = toInteger(CASE row.`end:int` WHEN '' THEN null ELSE row.`end:int` END),
    r.rule = CASE row.`rule` WHEN '' THEN null ELSE row.`rule` END;

LOAD CSV WITH HEADERS FROM 'file:///rels_mentioned_in.csv' AS row
WITH row WHERE row.`:START_ID` STARTS WITH 'per_' AND row.`:END_ID` STARTS WITH 'doc_'
MATCH (a:Person {id: row.`:START_ID`}), (b:Document {id: row.`:END_ID`})
MERGE (a)-[r:MENTIONED_IN {id: row.id}]->(b)
SET r.title = CASE row.`title` WHEN '' THEN null ELSE row.`title` END,
    r.status = CASE row.`status` WHEN '' THEN null ELSE row.`status` END,
    r.on_behalf_of = CASE row.`on_behalf_of` WHEN '' THEN null ELSE row.`on_behalf_of` END,
    r.lead = CASE row.`lead:boolean` WHEN 'true' THEN true WHEN 'false' THEN false ELSE null END,
    r.about = CASE row.`about` WHEN '' THEN null ELSE row.`about` END,
    r.count = toInteger(CASE row.`count:int` WHEN '' THEN null ELSE row.`count:int` END),
    r.doc = CASE row.`doc` WHEN '' THEN null ELSE row.`doc` END,
    r.sentence = CASE row.`sentence` WHEN '' THEN null ELSE row.`sentence` END,
    r.start = toInteger(CASE row.`start:int` WHEN '' THEN null ELSE row.`start:int` END),
    r.end = toInteger(CASE row.`end:int` WHEN '' THEN null ELSE row.`end:int` END),
    r.rule = CASE row.`rule` WHEN '' THEN null ELSE row.`rule` END;

LOAD CSV WITH HEADERS FROM 'file:///rels_mentioned_in.csv' AS row
WITH row WHERE row.`:START_ID` STARTS WITH 'org_' AND row.`:END_ID` STARTS WITH 'doc_'
MATCH (a:Organization {id: row.`:START_ID`}), (b:Document {id: row.`:END_ID`})
MERGE (a)-[r:MENTIONED_IN {id: row.id}]->(b)
SET r.title = CASE row.`title` WHEN '' THEN null ELSE row.`title` END,
    r.status = CASE row.`status` WHEN '' THEN null ELSE row.`status` END,
    r.on_behalf_of = CASE row.`on_behalf_of` WHEN '' THEN null ELSE row.`on_behalf_of` END,
    r.lead = CASE row.`lead:boolean` WHEN 'true' THEN true WHEN 'false' THEN false ELSE null END,
    r.about = CASE row.`about` WHEN '' THEN null ELSE row.`about` END,
    r.count = toInteger(CASE row.`count:int` WHEN '' THEN null ELSE row.`count:int` END),
    r.doc = CASE row.`doc` WHEN '' THEN null ELSE row.`doc` END,
    r.sentence = CASE row.`sentence` WHEN '' THEN null ELSE row.`sentence` END,
    r.start = toInteger(CASE row.`start:int` WHEN '' THEN null ELSE row.`start:int` END),
    r.end = toInteger(CASE row.`end:int` WHEN '' THEN null ELSE row.`end:int` END),
    r.rule = CASE row.`rule` WHEN '' THEN null ELSE row.`rule` END;

LOAD CSV WITH HEADERS FROM 'file:///rels_mentioned_in.csv' AS row
WITH row WHERE row.`:START_ID` STARTS WITH 'role_' AND row.`:END_ID` STARTS WITH 'doc_'
MATCH (a:Role {id: row.`:START_ID`}), (b:Document {id: row.`:END_ID`})
MERGE (a)-[r:MENTIONED_IN {id: row.id}]->(b)
SET r.title = CASE row.`title` WHEN '' THEN null ELSE row.`title` END,
    r.status = CASE row.`status` WHEN '' THEN null ELSE row.`status` END,
    r.on_behalf_of = CASE row.`on_behalf_of` WHEN '' THEN null ELSE row.`on_behalf_of` END,
    r.lead = CASE row.`lead:boolean` WHEN 'true' THEN true WHEN 'false' THEN false ELSE null END,
    r.about = CASE row.`about` WHEN '' THEN null ELSE row.`about` END,
    r.count = toInteger(CASE row.`count:int` WHEN '' THEN null ELSE row.`count:int` END),
    r.doc = CASE row.`doc` WHEN '' THEN null ELSE row.`doc` END,
    r.sentence = CASE row.`sentence` WHEN '' THEN null ELSE row.`sentence` END,
    r.start = toInteger(CASE row.`start:int` WHEN '' THEN null ELSE row.`start:int` END),
    r.end = toInteger(CASE row.`end:int` WHEN '' THEN null ELSE row.`end:int` END),
    r.rule = CASE row.`rule` WHEN '' THEN null ELSE row.`rule` END;

LOAD CSV WITH HEADERS FROM 'file:///rels_mentioned_in.csv' AS row
WITH row WHERE row.`:START_ID` STARTS WITH 'loc_' AND row.`:END_ID` STARTS WITH 'doc_'
MATCH (a:Location {id: row.`:START_ID`}), (b:Document {id: row.`:END_ID`})
MERGE (a)-[r:MENTIONED_IN {id: row.id}]->(b)
SET r.title = CASE row.`title` WHEN '' THEN null ELSE row.`title` END,
    r.status = CASE row.`status` WHEN '' THEN null ELSE row.`status` END,
    r.on_behalf_of = CASE row.`on_behalf_of` WHEN '' THEN null ELSE row.`on_behalf_of` END,
    r.lead = CASE row.`lead:boolean` WHEN 'true' THEN true WHEN 'false' THEN false ELSE null END,
    r.about = CASE row.`about` WHEN '' THEN null ELSE row.`about` END,
    r.count = toInteger(CASE row.`count:int` WHEN '' THEN null ELSE row.`count:int` END),
    r.doc = CASE row.`doc` WHEN '' THEN null ELSE row.`doc` END,
    r.sentence = CASE row.`sentence` WHEN '' THEN null ELSE row.`sentence` END,
    r.start = toInteger(CASE row.`start:int` WHEN '' THEN null ELSE row.`start:int` END),
    r.end = toInteger(CASE row.`end:int` WHEN '' THEN null ELSE row.`end:int` END),
    r.rule = CASE row.`rule` WHEN '' THEN null ELSE row.`rule` END;

LOAD CSV WITH HEADERS FROM 'file:///rels_mentioned_in.csv' AS row
WITH row WHERE row.`:START_ID` STARTS WITH 'amt_' AND row.`:END_ID` STARTS WITH 'doc_'
MATCH (a:Amount {id: row.`:START_ID`}), (b:Document {id: row.`:END_ID`})
MERGE (a)-[r:MENTIONED_IN {id: row.id}]->(b)
SET r.title = CASE row.`title` WHEN '' THEN null ELSE row.`title` END,
    r.status = CASE row.`status` WHEN '' THEN null ELSE row.`status` END,
    r.on_behalf_of = CASE row.`on_behalf_of` WHEN '' THEN null ELSE row.`on_behalf_of` END,
    r.lead = CASE row.`lead:boolean` WHEN 'true' THEN true WHEN 'false' THEN false ELSE null END,
    r.about = CASE row.`about` WHEN '' THEN null ELSE row.`about` END,
    r.count = toInteger(CASE row.`count:int` WHEN '' THEN null ELSE row.`count:int` END),
    r.doc = CASE row.`doc` WHEN '' THEN null ELSE row.`doc` END,
    r.sentence = CASE row.`sentence` WHEN '' THEN null ELSE row.`sentence` END,
    r.start = toInteger(CASE row.`start:int` WHEN '' THEN null ELSE row.`start:int` END),
    r.end = toInteger(CASE row.`end:int` WHEN '' THEN null ELSE row.`end:int` END),
    r.rule = CASE row.`rule` WHEN '' THEN null ELSE row.`rule` END;

LOAD CSV WITH HEADERS FROM 'file:///rels_mentioned_in.csv' AS row
WITH row WHERE row.`:START_ID` STARTS WITH 'evt_' AND row.`:END_ID` STARTS WITH 'doc_'
MATCH (a:Event {id: row.`:START_ID`}), (b:Document {id: row.`:END_ID`})
MERGE (a)-[r:MENTIONED_IN {id: row.id}]->(b)
SET r.title = CASE row.`title` WHEN '' THEN null ELSE row.`title` END,
    r.status = CASE row.`status` WHEN '' THEN null ELSE row.`status` END,
    r.on_behalf_of = CASE row.`on_behalf_of` WHEN '' THEN null ELSE row.`on_behalf_of` END,
    r.lead = CASE row.`lead:boolean` WHEN 'true' THEN true WHEN 'false' THEN false ELSE null END,
    r.about = CASE row.`about` WHEN '' THEN null ELSE row.`about` END,
    r.count = toInteger(CASE row.`count:int` WHEN '' THEN null ELSE row.`count:int` END),
    r.doc = CASE row.`doc` WHEN '' THEN null ELSE row.`doc` END,
    r.sentence = CASE row.`sentence` WHEN '' THEN null ELSE row.`sentence` END,
    r.start = toInteger(CASE row.`start:int` WHEN '' THEN null ELSE row.`start:int` END),
    r.end = toInteger(CASE row.`end:int` WHEN '' THEN null ELSE row.`end:int` END),
    r.rule = CASE row.`rule` WHEN '' THEN null ELSE row.`rule` END;

