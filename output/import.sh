#!/bin/sh
# Import this export into a new, stopped Neo4j 5 database with neo4j-admin (offline, fast).
# Usage: sh import.sh [DATABASE]      (default: neo4j; NEO4J_HOME may name the installation)
# Neo4j 5.19+ wants the database name before the options, as written here. Afterwards
# run schema/constraints.cypher (or the constraint block of import.cypher) once.
set -eu
cd "$(dirname "$0")"
DB="${1:-neo4j}"
ADMIN="${NEO4J_HOME:+$NEO4J_HOME/bin/}neo4j-admin"
exec "$ADMIN" database import full "$DB" \
  --overwrite-destination=false \
  --id-type=string \
  --delimiter=',' \
  --array-delimiter=';' \
  --quote='"' \
  --multiline-fields=false \
  --skip-bad-relationships=false \
  --skip-duplicate-nodes=false \
  --bad-tolerance=0 \
  --nodes=nodes_document.csv \
  --nodes=nodes_person.csv \
  --nodes=nodes_organization.csv \
  --nodes=nodes_role.csv \
  --nodes=nodes_location.csv \
  --nodes=nodes_amount.csv \
  --nodes=nodes_event.csv \
  --relationships=rels_holds_position.csv \
  --relationships=rels_has_role.csv \
  --relationships=rels_organized.csv \
  --relationships=rels_attended.csv \
  --relationships=rels_spoke_at.csv \
  --relationships=rels_signed.csv \
  --relationships=rels_invested.csv \
  --relationships=rels_raised.csv \
  --relationships=rels_acquired.csv \
  --relationships=rels_sold.csv \
  --relationships=rels_target_of.csv \
  --relationships=rels_appointed.csv \
  --relationships=rels_launched.csv \
  --relationships=rels_established.csv \
  --relationships=rels_manages.csv \
  --relationships=rels_advised.csv \
  --relationships=rels_has_amount.csv \
  --relationships=rels_located_in.csv \
  --relationships=rels_part_of.csv \
  --relationships=rels_mentioned_in.csv
