"""Text the tiny models' tokenizers learn from: written for this project."""

from __future__ import annotations

import random
from pathlib import Path

# Written for this project: short Arabic news-style sentences and English ones, enough for a
# tokenizer to learn pieces that cover the seed article and the test fixtures.
ARABIC = """\
أكدت الوزارة أنها ستواصل العمل مع الشركاء في المنطقة
قال المتحدث باسم الحكومة إن الاجتماع عقد يوم الثلاثاء
وقعت الحكومتان مذكرة تفاهم جديدة في العاصمة بغداد
بلغ عدد السكان في المدينة أربعة ملايين نسمة
ارتفعت الأسعار بنسبة خمسة في المئة خلال العام الماضي
أعلن الرئيس عن خطة لإعادة البناء وتحقيق الاستقرار
شارك عدد من الوزراء والمستشارين في المراسم الرسمية
تحدث السفير عن الشراكة بين البلدين منذ عقود
أشار التقرير إلى أن الدعم سيستمر للسنوات الأربع المقبلة
حررت القوات مساحات واسعة من الأراضي في الشمال
جرى توقيع الاتفاق في أربيل بحضور رئيس الإقليم
نشرت الوزارة بيانا على موقعها الرسمي يوم الأربعاء
في عام 2016 وقع الجانبان أول اتفاق بينهما
بلغت قيمة المشروع 4.5 مليون دولار
قطعت القافلة مسافة 50 ألف كيلومتر مربع
ذكرت وكالة الأنباء أن الزيارة استمرت ثلاثة أيام
دعا المجلس إلى وقف إطلاق النار فورا
استقبل رئيس الوزراء وفدا من الاتحاد الأوروبي
"""

ENGLISH = """\
The ministry confirmed that it will continue working with partners in the region.
A government spokesman said the meeting was held on Tuesday.
The two governments signed a new memorandum of understanding in Baghdad.
The city has a population of four million people.
Prices rose by five percent during the past year.
The president announced a plan for reconstruction and stability.
Several ministers and advisers took part in the official ceremony.
The ambassador spoke about the partnership between the two countries for decades.
The report indicated that support will continue for the next four years.
Forces liberated large areas of land in the north.
The agreement was signed in Erbil in the presence of the region's president.
The ministry published a statement on its official website on Wednesday.
In 2016 the two sides signed their first agreement.
The project was worth 4.5 million dollars.
The convoy covered a distance of 50,000 square kilometres.
The news agency reported that the visit lasted three days.
The council called for an immediate ceasefire.
The prime minister received a delegation from the European Union.
"""


def corpus(text: str, n_lines: int, seed: int) -> list[str]:
    """Shuffle sentence halves together so a tokenizer sees varied contexts."""
    rng = random.Random(seed)
    lines = [line for line in text.splitlines() if line.strip()]
    words = [w for line in lines for w in line.split()]
    out = list(lines)
    while len(out) < n_lines:
        k = rng.randint(4, 14)
        out.append(" ".join(rng.choice(words) for _ in range(k)))
    return out


def train_spm(lines: list[str], prefix: Path, vocab_size: int, model_type: str = "unigram") -> Path:
    import sentencepiece as spm

    corpus = prefix.with_suffix(".txt")
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    spm.SentencePieceTrainer.train(
        input=str(corpus),
        model_prefix=str(prefix),
        vocab_size=vocab_size,
        hard_vocab_limit=False,
        character_coverage=1.0,
        model_type=model_type,
        # Marian's own vocabularies put </s> at 0 and <unk> at 1; no <s>.
        unk_id=1,
        eos_id=0,
        bos_id=-1,
        pad_id=-1,
        minloglevel=2,
    )
    return prefix.with_suffix(".model")


