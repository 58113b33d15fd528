#!/bin/sh
# One-off generator for data/cameo.txt from the shared reference table
# (../../../shared/ontology/cameo.tsv). The output is our own layout; regenerate only if the
# reference facts change, then review the diff.
set -eu
src="${1:-../../../shared/ontology/cameo.tsv}"
{
cat <<'HDR'
# CAMEO event ontology used by chronicle-events.
#
# Provenance: code names follow the CAMEO 1.1b3 codebook; Goldstein values are the ones
# GDELT publishes; PLOVER event/mode/context come from the Open Event Data Alliance
# CAMEO->PLOVER conversion table (2021, CC BY-SA 4.0), with 02x appeals mapped to REQUEST
# and 01x statements left without a PLOVER type (PLOVER has none).
#
# Layout, one code per line:
#   code | goldstein | quad class | plover event/mode/context | name
# Quad class: 1 verbal cooperation (roots 01-05), 2 material cooperation (06-08),
# 3 verbal conflict (09-13), 4 material conflict (14-20). "-" marks an empty PLOVER part.
HDR
tail -n +2 "$src" | awk -F'\t' '
function d(x) { return x == "" ? "-" : x }
{
  root = substr($1, 1, 2)
  if (length($1) == 2) printf "\n# ---- %s %s\n", $1, $2
  printf "%-4s | %5s | %s | %s/%s/%s | %s\n", $1, $3, $4, d($5), d($6), d($7), $2
}'
} > data/cameo.txt
