"""Cross-briefing pages, one module per page family; each takes briefing data and
gives Markdown (no I/O). Beside them, the site in shards: which build owns which page
(`shards`), the tags page of a sharded site (`shard_tags`) and the shards' build
processes and their merge (`shard_builds`, the one module here that does I/O). They
live here, outside the extraction code, so that changing them keeps the extraction
cache (cache.py fingerprints all other modules)."""
