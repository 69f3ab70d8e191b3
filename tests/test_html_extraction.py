"""Given an HTML page, treve keeps the story's sentences and metadata and leaves the page around it behind."""

from __future__ import annotations

import socket

import pytest

from treve.errors import InputError
from treve.stages.html import HtmlContent, extract_html

HEADLINE = "Mali : au moins douze civils tués dans l’attaque d’un village"
STORY = [
    "Au moins douze civils ont été tués mardi dans l’attaque d’un village du centre du Mali, a-t-on appris "
    "mercredi auprès des autorités locales et de sources sécuritaires.",
    "Des hommes armés circulant à moto ont encerclé le village en fin d’après-midi avant d’ouvrir le feu "
    "sur les habitants, selon un élu de la commune joint par téléphone.",
    "« Ils sont arrivés nombreux, ils ont tiré sur tout ce qui bougeait », a raconté un habitant qui a "
    "requis l’anonymat pour des raisons de sécurité.",
    "L’armée malienne a indiqué dans un communiqué avoir dépêché des renforts dans la zone et lancé des "
    "opérations de ratissage pour retrouver les assaillants.",
    "Le centre du pays est depuis 2015 le théâtre de violences entre groupes jihadistes, milices "
    "communautaires et forces armées, qui ont fait des milliers de morts.",
]
MORE_STORY = [
    "Selon un bilan provisoire communiqué jeudi par la préfecture, une trentaine de personnes ont "
    "également été blessées et plusieurs greniers incendiés.",
    "Les habitants des villages voisins ont commencé à quitter la zone, craignant de nouvelles attaques "
    "dans les jours qui viennent, selon des témoins.",
    "Les Nations unies ont appelé les autorités de transition à renforcer la protection des civils et à "
    "ouvrir une enquête indépendante sur les faits.",
]
COOKIE_BANNER = "Nous utilisons des cookies pour améliorer votre expérience de navigation sur notre site."
RELATED = "Burkina Faso : une attaque fait plusieurs morts dans le nord du pays"
FOOTER = "© 2022 Agence Sahel Info. Tous droits réservés."


def paragraphs(sentences: list[str]) -> str:
    return "\n".join(f"<p>{sentence}</p>" for sentence in sentences)


def wire_page(charset: str | None = "utf-8", story: list[str] = STORY) -> str:
    """A French wire story as a news site serves it: cookie banner, menu, byline, share bar, teasers, footer."""
    charset_meta = f'<meta charset="{charset}">' if charset else ""
    return f"""<!DOCTYPE html>
<html lang="fr-FR"><head>{charset_meta}
<title>{HEADLINE} | Agence Sahel Info</title>
<meta property="og:title" content="{HEADLINE}">
<meta property="og:site_name" content="Agence Sahel Info">
<meta property="article:published_time" content="2022-06-21T14:05:00+00:00">
<meta name="author" content="Aminata Traoré">
</head><body>
<div id="cookie-banner" class="cookie-consent"><p>{COOKIE_BANNER}</p><button>Accepter</button></div>
<header><nav><ul><li><a href="/">Accueil</a></li><li><a href="/afrique">Afrique</a></li>
<li><a href="/monde">Monde</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article>
<h1>{HEADLINE}</h1>
<p class="byline">Par Aminata Traoré, publié le 21 juin 2022</p>
<div class="article-body">
{paragraphs(story)}
</div>
<div class="share"><a href="#">Partager sur Facebook</a> <a href="#">Partager sur Twitter</a></div>
</article>
<aside class="related"><h2>À lire aussi</h2><ul>
<li><a href="/a1">{RELATED}</a></li>
<li><a href="/a2">Niger : la situation sécuritaire se dégrade près de la frontière</a></li>
<li><a href="/a3">Tchad : le dialogue national reporté une nouvelle fois</a></li></ul></aside>
</main>
<footer><p>{FOOTER}</p><a href="/mentions">Mentions légales</a> <a href="/contact">Contact</a></footer>
</body></html>"""


@pytest.fixture(scope="module")
def wire_story() -> HtmlContent:
    return extract_html(wire_page().encode("utf-8"), url="https://sahel-info.example/mali-attaque")


def test_every_sentence_of_the_story_is_kept_word_for_word(wire_story: HtmlContent) -> None:
    for sentence in STORY:
        assert sentence in wire_story.text


def test_story_paragraphs_come_one_a_line_in_page_order(wire_story: HtmlContent) -> None:
    assert wire_story.text.splitlines() == STORY


def test_cookie_banner_menu_share_bar_teasers_and_footer_are_left_out(wire_story: HtmlContent) -> None:
    for debris in (COOKIE_BANNER, "Accueil", "Partager sur Facebook", RELATED, FOOTER, "Mentions légales"):
        assert debris not in wire_story.text


def test_headline_is_the_title_field_not_a_body_line(wire_story: HtmlContent) -> None:
    assert wire_story.title == HEADLINE
    assert HEADLINE not in wire_story.text


def test_page_metadata_gives_date_author_site_url_and_declared_language(wire_story: HtmlContent) -> None:
    assert wire_story.published == "2022-06-21"
    assert wire_story.author == "Aminata Traoré"
    assert wire_story.sitename == "Agence Sahel Info"
    assert wire_story.url == "https://sahel-info.example/mali-attaque"
    assert wire_story.language == "fr"


def test_a_headline_repeated_at_the_top_of_the_body_is_dropped_even_with_the_site_name_in_the_title() -> None:
    page = f"""<html><head><title>{HEADLINE} - Sahel Info</title></head><body>
<div class="article-body"><h2>{HEADLINE}</h2>{paragraphs(STORY)}</div></body></html>"""
    content = extract_html(page)
    assert content.text.splitlines()[0] == STORY[0]


def test_a_page_without_metadata_still_yields_its_story_with_empty_fields() -> None:
    content = extract_html(f"<html><body><div>{paragraphs(STORY)}</div></body></html>")
    assert content.text.splitlines() == STORY
    assert (content.published, content.author, content.url, content.language) == (None, None, None, None)


def test_text_and_bytes_of_the_same_page_give_the_same_content() -> None:
    assert extract_html(wire_page()) == extract_html(wire_page().encode("utf-8"))


def test_windows_1252_page_sent_as_bytes_is_decoded_by_its_meta_charset() -> None:
    data = wire_page(charset="windows-1252").encode("cp1252")
    assert b"\x92" in data  # the apostrophe in "l’attaque" is one windows-1252 byte
    content = extract_html(data)
    assert STORY[0] in content.text
    assert content.title == HEADLINE


def test_http_equiv_content_type_declaration_is_honoured() -> None:
    page = wire_page(charset=None).replace(
        "<head>", '<head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
    )
    assert STORY[2] in extract_html(page.encode("cp1252")).text


def test_latin_1_label_is_read_as_windows_1252_as_browsers_do() -> None:
    content = extract_html(wire_page(charset="iso-8859-1").encode("cp1252"))
    assert "l’attaque" in content.text


EURO_STORY = [
    "Le coût de la reconstruction des écoles et du centre de santé est estimé à 2 millions €, a précisé "
    "jeudi le préfet de la région lors d'une conférence de presse.",
    "Les travaux doivent commencer dès la saison sèche, a-t-il ajouté, si les conditions de sécurité le "
    "permettent et si les bailleurs confirment leur engagement.",
]


def euro_page(meta: str = "") -> bytes:
    """A page in ISO-8859-15, where the euro sign is byte 0xA4 (windows-1252 reads that byte as ¤)."""
    page = (
        f"<html><head>{meta}<title>Reconstruction</title></head><body><div>{paragraphs(EURO_STORY)}</div></body></html>"
    )
    return page.encode("iso-8859-15")


def test_the_http_charset_decodes_a_page_that_declares_none() -> None:
    content = extract_html(euro_page(), declared_encoding="ISO-8859-15")
    assert content.text.splitlines() == EURO_STORY


def test_the_http_charset_wins_over_a_contradicting_meta_charset() -> None:
    content = extract_html(euro_page('<meta charset="windows-1252">'), declared_encoding="iso-8859-15")
    assert "2 millions €" in content.text


def test_the_meta_charset_applies_when_http_declares_none() -> None:
    content = extract_html(euro_page('<meta charset="iso-8859-15">'))
    assert "2 millions €" in content.text


def test_utf8_bytes_labelled_latin_1_stay_utf8() -> None:
    data = wire_page(charset="iso-8859-1").encode("utf-8")
    assert STORY[0] in extract_html(data).text


def test_an_undeclared_legacy_page_is_decoded_by_detection() -> None:
    assert STORY[0] in extract_html(wire_page(charset=None).encode("cp1252")).text


def test_a_page_declared_utf8_with_one_broken_byte_keeps_its_story() -> None:
    data = wire_page().encode("utf-8").replace(b"</footer>", b"\xe9</footer>")
    content = extract_html(data)
    assert content.text.splitlines() == STORY


def test_a_story_that_the_precision_reading_misses_is_found_by_the_recall_reading() -> None:
    # trafilatura's precision mode discards <header> blocks; this page wraps its whole story in one.
    page = f"""<html><head><title>x</title></head><body><div class="nav"><a href="/">Accueil</a></div>
<div class="content"><header>{paragraphs(STORY)}</header></div></body></html>"""
    assert extract_html(page).text.splitlines() == STORY


def split_story_page(*, second_headline: str | None = None) -> str:
    """A story broken into two same-class containers by an ad, optionally with a headline in between."""
    between = f"<h1>{second_headline}</h1>" if second_headline else ""
    chunk = '<div class="body body__container article__body">{}</div>'
    return f"""<html lang="fr"><head><title>{HEADLINE}</title></head><body>
<article><h1>{HEADLINE}</h1><div class="story">
<div class="row">{chunk.format(paragraphs(STORY))}</div>
<div class="ad-slot"><p>Publicité</p></div>
<div class="row">{between}{chunk.format(paragraphs(MORE_STORY))}</div>
</div></article></body></html>"""


def test_a_story_split_by_an_ad_into_same_class_containers_is_read_whole() -> None:
    assert extract_html(split_story_page()).text.splitlines() == STORY + MORE_STORY


def test_a_next_story_under_its_own_headline_is_not_joined_to_the_first() -> None:
    content = extract_html(split_story_page(second_headline="Niger : une autre histoire"))
    assert STORY[0] in content.text
    assert MORE_STORY[0] not in content.text


@pytest.mark.parametrize(
    "page",
    [
        b"<html><head><title>Vide</title></head><body></body></html>",
        b"<html><head><title>Sans corps</title></head></html>",
        b"<html><body><nav><a href='/'>Accueil</a></nav><script>var x = 1;</script></body></html>",
        b"",
        b"   \n",
    ],
    ids=["empty-body", "no-body", "only-menu-and-script", "no-bytes", "blank"],
)
def test_a_page_without_article_text_is_an_input_error_naming_the_input(page: bytes) -> None:
    with pytest.raises(InputError) as error:
        extract_html(page, where="pages/vide.html")
    message = str(error.value)
    assert message.startswith("pages/vide.html: ")
    assert "\n" not in message
    assert "check" in message


def test_extraction_never_touches_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("extract_html opened a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    content = extract_html(wire_page(), url="https://sahel-info.example/mali-attaque")
    assert STORY[0] in content.text


@pytest.mark.parametrize("depth", [400, 3000])
def test_a_story_nested_hundreds_of_wrappers_deep_is_read_whole(depth: int) -> None:
    story = "Rebels attacked an army post near the border on Monday, killing three soldiers, officials said."
    page = f"<html><body>{'<div class=x><span>' * depth}<p>{story}</p>{'</span></div>' * depth}</body></html>"
    assert extract_html(page).text == story
