"""Benchmarks: how fast the desk is at N records, each scenario next to a baseline in the same run.

``xiangyun-desk bench`` or ``python -m xiangyun_desk.bench``; see :mod:`.runner` and
docs/performance.md. This package's ``__init__`` stays import-free: the start-up probes run as
``python -m xiangyun_desk.bench.probes`` and must not pay for anything they do not measure.
"""
