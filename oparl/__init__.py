"""OParl 1.0/1.1 sync: read a council information system (RIS) into the meeting calendar.

- ``client``: HTTP with list paging (``links.next``/``nextPage``), conditional GET, bounded
  retries of 5xx and tolerance for known vendor quirks (reported as warnings, not crashes).
- ``mapping``: pure translation of OParl JSON into plain values (civil dates in the
  configured zone, Europe/Berlin by default).
- ``crawl``: the network phase of one sync (lists, changed objects, protocol downloads).
- ``store``: upserts of the OParl tables and the Body/Meeting rows.
- ``sync``: the service the CLI and the Prefect flow call; one transaction per run.
"""

from oparl.client import OParlClient, OParlError

__all__ = ["OParlClient", "OParlError"]
