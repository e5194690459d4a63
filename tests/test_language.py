"""Arabic-script pages that are not Arabic: identified offline and skipped by name. Texts
written here, in each language, as headlines and as body sentences."""

import pytest

from tarjama.config import load
from tarjama.ingest import Article, IngestFailure, read_inputs
from tarjama.ingest.language import identify, not_arabic

TEXTS = [
    ("ar", "أكدت وزارة الدفاع الأميركية بأنها ستواصل، جنباً إلى جنب قوات البيشمركة، التصدي لمسلحي داعش."),
    ("ar", "البنتاغون: سنواصل مع البيشمركة التصدي لداعش"),
    ("ar", "قال المتحدث باسم Pentagon إن NATO و US Army ستواصل دعم البيشمركة في 2022."),
    ("ar", "شلونك اليوم؟ والله الوضع كلش زين بالعراق هسه"),
    ("fa", "وزارت دفاع آمریکا اعلام کرد که همچنان در کنار نیروهای پیشمرگه با داعش مقابله خواهد کرد."),
    ("fa", "پنتاگون: با پیشمرگه ادامه می‌دهیم"),
    ("ckb", "وەزارەتی بەرگریی ئەمەریکا ڕایگەیاند کە بەردەوام دەبێت لە پاڵ هێزەکانی پێشمەرگە دژی داعش."),
    ("ckb", "پێنتاگۆن: لەگەڵ پێشمەرگە بەردەوام دەبین"),
    ("ur", "امریکی محکمہ دفاع نے کہا ہے کہ وہ پیشمرگہ فورسز کے ساتھ مل کر داعش کا مقابلہ جاری رکھے گا۔"),
    ("ur", "پینٹاگون: پیشمرگہ کے ساتھ جاری رکھیں گے"),
]


@pytest.mark.parametrize("code,text", TEXTS)
def test_identify(code, text):
    found = identify(text)
    assert found.code == code or (code == "ar" and found.code == "arz"), found
    assert (not_arabic(text) is None) == (code == "ar")


@pytest.mark.parametrize("name,code,language", [("persian.txt", "fa", "Persian"), ("sorani.txt", "ckb", "Sorani Kurdish"),
                                                 ("urdu.txt", "ur", "Urdu")])
def test_other_arabic_script_pages_are_skipped_by_name(tmp_path, name, code, language):
    headline, body = [t for c, t in TEXTS if c == code]
    path = tmp_path / name
    path.write_text(f"{body.split(':')[0][:40]}\n\n{body}\n\n{headline}.\n", encoding="utf-8")
    [failure] = read_inputs([str(path)], load([], [], check=False))
    assert isinstance(failure, IngestFailure) and failure.status == "skipped"
    assert failure.reason.startswith(f"{language}, not Arabic")


def test_arabic_page_quoting_persian_names_is_arabic(tmp_path):
    path = tmp_path / "quote.txt"
    path.write_text("زيارة إلى طهران\n\nالتقى الوزير في طهران بنظيره الإيراني، وقال إن «گفتگو» بين البلدين "
                    "ستستمر، مشيرا إلى أن الجانبين اتفقا على تشكيل لجنة مشتركة لمتابعة ملفات التجارة والحدود.\n",
                    encoding="utf-8")
    [article] = read_inputs([str(path)], load([], [], check=False))
    assert isinstance(article, Article)
