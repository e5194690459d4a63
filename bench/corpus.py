"""Synthetic Arabic articles for benchmarks: sentences of the seed page and sentence shapes
written for this project, with numbers, dates and names varied so that no two articles are
the same text (deduplication and the cache would otherwise hide the work)."""

from __future__ import annotations

import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

TEMPLATES = [
    "أعلنت وزارة {ministry} يوم {weekday} ({day} {month} {year}) عن خطة جديدة بقيمة {num} مليون دولار.",
    "قال المتحدث باسم الحكومة إن {num} شخصا شاركوا في الاجتماع الذي عقد في {city}.",
    "وأضاف أن الأسعار ارتفعت بنسبة {small} في المئة خلال الأشهر الماضية.",
    "وكانت الحكومة قد وقعت اتفاقا مماثلا في عام {year2} مع عدد من الدول المجاورة.",
    "وأشار التقرير إلى أن المشروع سيوفر نحو {num} ألف فرصة عمل في {city} والمناطق المحيطة بها.",
    "من جهته، أكد رئيس الوزراء أن بلاده ستواصل دعم الاستقرار وإعادة البناء في المنطقة.",
    "وتبلغ مساحة المنطقة المشمولة بالخطة {num} كيلومتر مربع، بحسب البيان.",
    "ولم يصدر أي تعليق رسمي من الجانب الآخر حتى ساعة إعداد هذا الخبر.",
]
FILL = {
    "ministry": ["الدفاع", "الخارجية", "الزراعة", "التخطيط", "الصحة", "النقل"],
    "weekday": ["الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس"],
    "month": ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول"],
    "city": ["أربيل", "بغداد", "البصرة", "الموصل", "السليمانية", "دهوك", "كركوك"],
}


def _seed_sentences() -> list[str]:
    import sys

    sys.path.insert(0, str(ROOT))
    from tarjama.ingest.text_page import parse_text_page
    from translate import split_sentences

    page = parse_text_page(next((ROOT / "seeds").glob("*.txt")).read_text(encoding="utf-8"))
    return [s for p in page.paragraphs for s in split_sentences(p)]


def make_corpus(folder: Path, n: int, *, seed: int = 0, words: tuple[int, int] = (300, 800)) -> list[Path]:
    """Write the seed page plus n-1 synthetic articles of 300-800 words into `folder`."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    seed_page = next((ROOT / "seeds").glob("*.txt"))
    paths = [folder / "000-seed.txt"]
    paths[0].write_bytes(seed_page.read_bytes())
    real = _seed_sentences()
    for i in range(1, n):
        target = rng.randint(*words)
        paragraphs, count = [], 0
        while count < target:
            sentences = []
            for _ in range(rng.randint(1, 3)):
                if rng.random() < 0.1:
                    sentence = rng.choice(real)
                else:
                    sentence = rng.choice(TEMPLATES).format(
                        **{k: rng.choice(v) for k, v in FILL.items()},
                        day=rng.randint(1, 28), year=rng.randint(2015, 2024), year2=rng.randint(2005, 2014),
                        num=rng.randint(2, 900), small=rng.randint(2, 40),
                    )
                sentences.append(sentence)
                count += len(sentence.split())
            paragraphs.append(" ".join(sentences))
        title = f"تقرير رقم {i}: " + rng.choice(FILL["city"]) + " " + rng.choice(FILL["ministry"])
        path = folder / f"{i:05d}.txt"
        path.write_text(title + "\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
        paths.append(path)
    return paths
