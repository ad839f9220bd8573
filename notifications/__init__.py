"""Notification adapters. Every message leaves through Apprise (``notifications.apprise_sender``)."""
