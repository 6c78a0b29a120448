"""Batch conversion into an archive folder: outputs, manifest, JSON Lines, SQLite; engines.

Modules, one concern each: ``job`` (the pure per-source function), ``rows``
(a document as table rows), ``engines`` (process pool, Dask), ``scan`` (what
to convert), ``store`` (SQLite), ``writer`` (atomic files), ``manifest``
(publishing), ``progress`` (the bar), ``build`` (the run, in a crash-safe order).
"""
