"""Article text is data: it must read as written and never become markup or code."""
import markdown
import pytest

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
