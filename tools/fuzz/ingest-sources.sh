#!/usr/bin/env bash
# The FrontlineKit sources the ingest fuzzer compiles (the ingester and what it stands on, without GEOS/PROJ).
cd "$(dirname "$0")/../.."
ls Sources/FrontlineIngest/*.swift
echo Sources/FrontlineKit/Incidents/Incident.swift Sources/FrontlineKit/Incidents/Casualties.swift \
  Sources/FrontlineKit/Incidents/Incident+JSON.swift Sources/FrontlineKit/Gazetteer/Place.swift \
  Sources/FrontlineKit/Gazetteer/Gazetteer.swift Sources/FrontlineKit/Day.swift Sources/FrontlineKit/FrontlineError.swift \
  Sources/FrontlineKit/Control/ControlChange.swift
