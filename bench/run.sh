#!/usr/bin/env bash
# Runs one benchmark in Release: bench/run.sh NAME [options]. Each prints its baseline beside
# its own figures and ends with `NAME.figure = value` lines.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 1 ]; then
  echo "usage: bench/run.sh NAME [options]   (NAME: insights, clustering, issues-scale, patterns, pipeline, ingest, batch, push, circuit, clients)" >&2
  exit 2
fi
dotnet run -c Release --project bench/FeedbackDashboard.Bench -- "$@"
