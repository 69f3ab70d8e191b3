"""Given an RSS 2.0 or Atom feed, each entry is one item with the entry's and the feed's metadata."""

from __future__ import annotations

from pathlib import Path

from treve.ingest import read_inputs
from treve.records import ItemError, RawItem

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Fil Monde</title>
  <language>fr-FR</language>
  <item>
    <title>RDC : combats au Nord-Kivu</title>
    <link>https://exemple.invalid/rdc</link>
    <pubDate>Tue, 06 Feb 2024 09:30:00 +0300</pubDate>
    <description>Résumé court.</description>
    <content:encoded><![CDATA[<p>Les combats ont repris.</p><p>Des milliers ont fui.</p>]]></content:encoded>
  </item>
  <item>
    <title>Yémen : attaque en mer Rouge</title>
    <link>https://exemple.invalid/yemen</link>
    <pubDate>Wed, 07 Feb 2024 18:05:00 GMT</pubDate>
    <description>Les rebelles ont visé un navire &amp; l'armée l'a intercepté.</description>
    <source url="https://agence.invalid/">Agence Exemple</source>
  </item>
  {extra}
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Atom Wire</title>
  <entry>
    <title>Talks resume</title>
    <link href="https://wire.invalid/talks"/>
    <published>2024-03-02T10:00:00+02:00</published>
    <updated>2024-03-03T00:00:00Z</updated>
    <content type="html">&lt;p&gt;Negotiators returned.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Ceasefire holds</title>
    <link href="https://wire.invalid/ceasefire"/>
    <updated>2024-03-04</updated>
    <summary>The ceasefire held overnight.</summary>
  </entry>
</feed>
"""


def read(path: Path, **options: int) -> list[RawItem | ItemError]:
    return list(read_inputs([str(path)], **options))


def test_an_rss_feed_with_two_entries_gives_two_items_with_their_titles_and_dates(tmp_path: Path) -> None:
    path = tmp_path / "wire.rss"
    path.write_text(RSS.format(extra=""), encoding="utf-8")
    first, second = read(path)
    assert first == RawItem(
        path=str(path),
        record=1,
        format="html",
        html="<p>Les combats ont repris.</p><p>Des milliers ont fui.</p>",
        title="RDC : combats au Nord-Kivu",
        url="https://exemple.invalid/rdc",
        published="2024-02-06T09:30:00+03:00",
        source="Fil Monde",
        language="fr",
    )
    assert isinstance(second, RawItem)
    assert (second.record, second.title, second.published) == (
        2,
        "Yémen : attaque en mer Rouge",
        "2024-02-07T18:05:00+00:00",
    )


def test_a_body_without_markup_is_text_with_entities_decoded(tmp_path: Path) -> None:
    path = tmp_path / "wire.rss"
    path.write_text(RSS.format(extra=""), encoding="utf-8")
    second = read(path)[1]
    assert isinstance(second, RawItem)
    assert (second.format, second.text) == ("text", "Les rebelles ont visé un navire & l'armée l'a intercepté.")


def test_an_entry_source_names_the_publisher_over_the_feed_title(tmp_path: Path) -> None:
    path = tmp_path / "wire.rss"
    path.write_text(RSS.format(extra=""), encoding="utf-8")
    first, second = read(path)
    assert (first.source, second.source) == ("Fil Monde", "Agence Exemple")  # type: ignore[union-attr]


def test_an_atom_feed_gives_items_with_iso_dates_kept_as_given(tmp_path: Path) -> None:
    path = tmp_path / "wire.atom"
    path.write_text(ATOM, encoding="utf-8")
    first, second = read(path)
    assert isinstance(first, RawItem) and isinstance(second, RawItem)
    assert (first.format, first.html, first.url) == (
        "html",
        "<p>Negotiators returned.</p>",
        "https://wire.invalid/talks",
    )
    assert (first.published, second.published) == ("2024-03-02T10:00:00+02:00", "2024-03-04")
    assert (second.format, second.text, second.source) == ("text", "The ceasefire held overnight.", "Atom Wire")


def test_a_feed_is_told_by_content_whatever_its_name(tmp_path: Path) -> None:
    path = tmp_path / "download.txt"
    path.write_text(ATOM, encoding="utf-8")
    assert [item.record for item in read(path)] == [1, 2]


def test_an_entry_without_a_body_is_one_error_and_the_others_go_on(tmp_path: Path) -> None:
    path = tmp_path / "wire.xml"
    path.write_text(RSS.format(extra="<item><title>Link only</title><link>https://x.invalid/</link></item>"))
    first, second, third = read(path)
    assert isinstance(first, RawItem) and isinstance(second, RawItem)
    assert isinstance(third, ItemError) and third.record == 3
    assert third.reason == (
        f"{path}:3: the entry has no content, description or summary (only a link); fetch the page and pass its HTML"
    )


def test_an_entry_body_over_the_limit_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "wire.rss"
    path.write_text(RSS.format(extra=""), encoding="utf-8")
    first, second = read(path, max_item_bytes=59)  # the first body is 58 bytes, the second 60 (UTF-8)
    assert isinstance(first, RawItem)
    assert isinstance(second, ItemError) and second.record == 2
    assert "an entry body of 60 bytes, over the 59-byte limit for one item (max_item_bytes)" in second.reason


def test_a_broken_feed_keeps_the_entries_read_before_the_damage(tmp_path: Path) -> None:
    path = tmp_path / "wire.rss"
    path.write_text(RSS.format(extra="").split("</channel>")[0] + "<item><title>cut", encoding="utf-8")
    results = read(path)
    assert [result.title for result in results[:2]] == ["RDC : combats au Nord-Kivu", "Yémen : attaque en mer Rouge"]  # type: ignore[union-attr]


def test_a_broken_feed_with_no_readable_entry_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "wire.rss"
    path.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>Cut short', encoding="utf-8")
    [error] = read(path)
    assert isinstance(error, ItemError) and error.record is None
    assert error.reason.startswith(f"{path}: not a readable RSS or Atom feed (")
    assert error.reason.endswith("check that it is complete, well-formed XML")


def test_a_feed_with_no_entries_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "wire.rss"
    path.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>')
    [error] = read(path)
    assert (
        isinstance(error, ItemError) and error.reason == f"{path}: an RSS or Atom feed with no entries; nothing to read"
    )


def test_a_feed_longer_than_three_items_worth_gives_the_entries_before_the_cut_and_one_error(tmp_path: Path) -> None:
    body = "Fighting resumed near the border. " * 10_000  # 340,000 bytes
    entries = "".join(f"<item><title>Story {n}</title><description>{body}</description></item>" for n in range(1, 6))
    path = tmp_path / "long.rss"
    path.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>{entries}</channel></rss>')
    results = read(path, max_item_bytes=400_000)  # read up to 1,200,000 bytes: the cut falls in the fourth entry
    errors = [r for r in results if isinstance(r, ItemError)]
    assert [r.title for r in results if isinstance(r, RawItem)] == ["Story 1", "Story 2", "Story 3"]
    assert len(errors) == 1 and "the feed goes on past 1,200,000 bytes" in errors[0].reason
    assert "entries from number 4 on were not read" in errors[0].reason
