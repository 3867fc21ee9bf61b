"""Article text is data: it must read as written and never become markup or code."""

import markdown
import pytest

from generator.minify import drop_comments, literal_characters, squeeze_whitespace
from generator.render import escape_markdown, safe_path

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "<iframe src='javascript:alert(1)'></iframe>",
    "[click](javascript:alert(1))",
    "# Not a heading | not | a table",
    "{{ config }} {% raw %} *bold* _it_ `code` ---",
    "---\ntitle: broken\n---",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_escape_markdown_renders_as_plain_text(text):
    html = markdown.markdown(f"<p>{escape_markdown(text)}</p>", extensions=["tables", "attr_list", "md_in_html"])
    assert "<script" not in html and "<img" not in html and "<iframe" not in html and "<a " not in html
    assert "<strong>" not in html and "<em>" not in html and "<code>" not in html
    import html as html_lib

    assert html_lib.unescape(html.removeprefix("<p>").removesuffix("</p>")) == " ".join(text.split())


def test_safe_path_refuses_what_it_did_not_make():
    assert safe_path("2023/05/a_b-c.md") == "2023/05/a_b-c.md"
    with pytest.raises(ValueError):
        safe_path("javascript:alert(1)")


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_in_raw_html_blocks_stays_text(text):
    source = (
        f"# Title\n\n<!-- html -->\n<ul>\n<li>{escape_markdown(text)}</li>\n</ul>\n<!-- /html -->\n\nAfter *this*.\n"
    )
    html = markdown.markdown(source, extensions=["generator.rawhtml", "md_in_html", "toc"])
    assert "<script" not in html and "<img" not in html and "<a " not in html and "<strong>" not in html
    assert "<em>this</em>" in html  # Markdown around the block is still Markdown


def test_raw_html_blocks_pass_through_and_an_unclosed_one_is_left_alone():
    block = "<table>\n<tr><td>*not emphasis* [not](a-link)</td></tr>\n\n</table>"
    html = markdown.markdown(f"Intro\n\n<!-- html -->\n{block}\n<!-- /html -->\n", extensions=["generator.rawhtml"])
    assert block in html
    unclosed = markdown.markdown("<!-- html -->\n\nSome *text*\n", extensions=["generator.rawhtml"])
    assert "<em>text</em>" in unclosed


def test_squeezed_pages_keep_preformatted_text():
    page = (
        '<div>\n    <p>a\n\n      b</p>\n</div>\n<pre class="mermaid"><code>timeline\n    2023 : x\n</code></pre>\n'
        "<script>\n  var a = 1;\n</script>\n   <textarea>\n  kept\n</textarea>"
    )
    squeezed = squeeze_whitespace(page)
    assert squeezed.startswith("<div>\n<p>a\nb</p>\n</div>\n<pre")
    assert '<pre class="mermaid"><code>timeline\n    2023 : x\n</code></pre>' in squeezed
    assert "<script>\n  var a = 1;\n</script>" in squeezed and "<textarea>\n  kept\n</textarea>" in squeezed


def test_comments_go_but_scripts_keep_theirs():
    page = (
        "<p>a</p>\n<!-- Generated from the seed x:\nedit the seed -->\n"
        "<p>b<!-- c --></p><script>\n<!-- kept -->\n</script>"
    )
    assert drop_comments(page) == "<p>a</p>\n\n<p>b</p><script>\n<!-- kept -->\n</script>"


def test_literal_characters_keeps_what_html_needs_escaped():
    html = (
        '<p title="a&#39;s &#34;b&#34; 2&#46;5">It&#39;s &#34;2&#46;5&#34; &#38; &#60;b&#62; &#40;x&#41;</p>'
        '<script>var a = "&#46;";</script><!-- seed 0&#95;1 -->'
    )
    assert literal_characters(html) == (
        '<p title="a&#39;s &#34;b&#34; 2.5">It\'s "2.5" &#38; &#60;b&#62; (x)</p>'
        '<script>var a = "&#46;";</script><!-- seed 0_1 -->'
    )
