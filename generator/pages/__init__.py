"""Cross-briefing pages, one module per page family; each takes briefing data and
gives Markdown (no I/O)."""
