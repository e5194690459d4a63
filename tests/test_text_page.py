import pytest

from tarjama.ingest.text_page import parse_text_page
from tests.conftest import SEED


def test_seed_page_furniture_removed():
    parts = parse_text_page(SEED.read_text(encoding="utf-8"))
    assert parts.title == "البنتاغون: سنواصل مع البيشمركة التصدي لداعش"
    assert parts.source_name == "روداو"
    assert parts.scraped == "Saturday, 23 November 2024"
    assert len(parts.paragraphs) == 9
    assert parts.paragraphs[0].startswith("أكدت وزارة الدفاع الأميركية")
    assert parts.paragraphs[-1].startswith("البنتاغون أشار أيضا")
    body = "\n".join(parts.paragraphs)
    for furniture in ("logo", "Top", "روداو", "2024", parts.title):
        assert furniture not in body


PAGES = [
    # (page text, title, paragraphs, source, scraped)
    (
        "عنوان الخبر\n\nالفقرة الأولى من النص.\n\nالفقرة الثانية.",
        "عنوان الخبر", ("الفقرة الأولى من النص.", "الفقرة الثانية."), None, None,
    ),
    (
        "• الخميس، 3 March 2022\r\nLogo\r\n\r\nعنوان\r\n\r\nنص الخبر هنا.\r\n\r\nوكالات\r\n\r\nأعلى",
        "عنوان", ("نص الخبر هنا.",), "وكالات", "الخميس، 3 March 2022",
    ),
    (
        "\ufeffعنوان مكرر\n\nعنوان مكرر\n\nنص.\n\nنص.\n\nنص آخر.",
        "عنوان مكرر", ("نص.", "نص آخر."), None, None,
    ),
    (
        "2022-09-27\nعنوان\nسطر أول من الفقرة.\nسطر ثان من الفقرة.\n\nفقرة أخرى في 2022.",
        "عنوان", ("سطر أول من الفقرة.\nسطر ثان من الفقرة.", "فقرة أخرى في 2022."), None, "2022-09-27",
    ),
]


@pytest.mark.parametrize("page,title,paragraphs,source,scraped", PAGES)
def test_text_pages(page, title, paragraphs, source, scraped):
    parts = parse_text_page(page)
    assert (parts.title, parts.paragraphs, parts.source_name, parts.scraped) == (
        title, paragraphs, source, scraped,
    )
