"""The deployments ``serve`` runs; ``prefect.yaml`` declares the same ones for workers.

Crons are in Europe/Berlin and avoid 02:00–03:00, where DST changes would drop or
double runs.
"""

from __future__ import annotations

from typing import Any

from prefect.schedules import Cron

TZ = "Europe/Berlin"
REMINDERS_CRON = "30 7 * * 1-5"
NIGHTLY_CRON = "0 5 * * *"
OPARL_CRON = "30 4 * * *"


def deployments() -> list[Any]:
    """Runner deployments for ``prefect.serve``."""
    from flows.nightly import nightly_status
    from flows.oparl import oparl_sync
    from flows.reminders import send_reminders

    return [
        send_reminders.to_deployment(
            name="reminders", schedules=[Cron(REMINDERS_CRON, timezone=TZ)],
            description="Fällige Erinnerungen und Eskalationen senden (werktags 07:30 Europe/Berlin)."),
        nightly_status.to_deployment(
            name="nightly", schedules=[Cron(NIGHTLY_CRON, timezone=TZ)],
            description="Nachtlauf: Überfällige markieren, Statistik, Übersicht an Vorgesetzte (05:00 Europe/Berlin)."),
        oparl_sync.to_deployment(
            name="oparl-sync", schedules=[Cron(OPARL_CRON, timezone=TZ)],
            description="OParl-Abgleich: Sitzungskalender und Niederschriften (04:30 Europe/Berlin, "
                        "vor dem Nachtlauf; URL aus WIEDERVORLAGE_OPARL_URL)."),
    ]
