#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/run-on-postgresql.sh TEST [ARGS…]: runs a core test with its stores on the PostgreSQL
# server READOUT_TEST_POSTGRESQL names (build-aux/pg-test-server start DIR prints one), or
# reports it skipped, as TAP, when no server is named.
if [ -z "${READOUT_TEST_POSTGRESQL:-}" ]; then
  echo "1..0 # SKIP READOUT_TEST_POSTGRESQL is not set (build-aux/pg-test-server starts a server)"
  exit 0
fi
READOUT_TEST_ENGINE=postgresql
export READOUT_TEST_ENGINE
exec "$@"
