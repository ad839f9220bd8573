"""Prefect flows: thin orchestration over ``app`` services. Tasks take ids and values, work
in batches, and side-effecting tasks use ``cache_policy=NO_CACHE``. Flow parameters never
carry secrets: database URL and Apprise URLs come from the environment/config file.
"""

import os

# Without PREFECT_API_URL a flow call starts Prefect's temporary local server. Its first start in a fresh
# PREFECT_HOME creates the database and took over Prefect's 20 s limit on a busy two-core machine ("Timed out
# while attempting to connect to ephemeral Prefect API server" in `make demo`); a later start takes ~6 s.
# Set before any flow module imports prefect, which reads its settings once; an operator's value wins.
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
