"""The shells: settings, the one bootstrap, services composing core + adapters, and the CLI."""
