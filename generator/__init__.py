"""News briefings: seeds (articles) in, structured Markdown briefings and data out."""

__version__ = "0.1.0"
