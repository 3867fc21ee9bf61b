"""A Markdown extension for the long lists of generated pages: lines between
`<!-- html -->` and `<!-- /html -->` are HTML that goes into the page as it is.

Python-Markdown would otherwise parse every raw HTML block with Python's HTMLParser
and scan every line of a Markdown list or table for inline syntax: at a thousand
briefings, the lists of actors, events and figures were most of `mkdocs build`.
The generator escapes every value it prints into them, and without this extension
(on GitHub, say) the same lines still read as ordinary HTML blocks."""

from __future__ import annotations

from markdown import Extension
from markdown.preprocessors import Preprocessor

OPEN, CLOSE = "<!-- html -->", "<!-- /html -->"


class RawHtmlBlocks(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        block: list[str] | None = None
        for line in lines:
            if block is None:
                if line.strip() == OPEN:
                    block = []
                else:
                    out.append(line)
            elif line.strip() == CLOSE:
                out += ["", self.md.htmlStash.store("\n".join(block)), ""]
                block = None
            else:
                block.append(line)
        if block is not None:  # never closed: left for Markdown as written
            out += [OPEN, *block]
        return out


class RawHtmlExtension(Extension):
    def extendMarkdown(self, md):
        # After whitespace normalization (30), before fenced code and HTML blocks.
        md.preprocessors.register(RawHtmlBlocks(md), "briefings_raw_html", 29)


def makeExtension(**kwargs):
    return RawHtmlExtension(**kwargs)
