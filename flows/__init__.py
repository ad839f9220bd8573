"""Prefect flows: thin orchestration over ``app`` services. Tasks take ids and values, work
in batches, and side-effecting tasks use ``cache_policy=NO_CACHE``. Flow parameters never
carry secrets: database URL and Apprise URLs come from the environment/config file.
"""
