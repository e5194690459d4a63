"""Names that are translated rather than transliterated: countries, regions, cities,
organisations, groups and faiths, in English and Arabic. Pure.

Countries, world regions and cities come from CLDR through Babel (territory names and the
exemplar cities of time zones, in `Locale('en')` and `Locale('ar')`); the table below adds the
other spellings news uses (أميركا, the US, Türkiye and Turkey), cities CLDR has no time zone
for, and the organisations, groups and acronyms of Arabic news (الأمم المتحدة / UN, الناتو /
NATO, داعش / ISIS). An Arabic form marked `?` is also an everyday word (مالي "financial",
القاعدة "the base"): it matches an English name, but is never taken as a name by itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from facts.romanise import fold, place_stems, without_article

# English forms ; ... | Arabic forms ; ...
_TABLE = """
United States; US; U.S.; USA; U.S.A.; America; American; Americans | الولايات المتحدة; الولايات المتحدة الأمريكية; الولايات المتحدة الأميركية; أمريكا; أميركا; واشنطن
United Kingdom; UK; U.K.; Britain; Great Britain; British; Briton; Britons | المملكة المتحدة; بريطانيا; لندن
Palestine; Palestinian Territories; Palestinian; Palestinians | فلسطين; الأراضي الفلسطينية
United Arab Emirates; UAE; Emirates; Emirati; Emiratis | الإمارات; الإمارات العربية المتحدة
Saudi Arabia; Saudi; Saudis; Kingdom of Saudi Arabia | السعودية; المملكة العربية السعودية; ?المملكة
Turkey; Türkiye; Turkish; Turk; Turks | تركيا
Netherlands; Holland; Dutch | هولندا
Czech Republic; Czechia; Czech | التشيك; جمهورية التشيك
Myanmar; Burma | ميانمار; بورما
Ivory Coast; Côte d'Ivoire | ساحل العاج
South Korea; Korea | كوريا الجنوبية; كوريا
North Korea | كوريا الشمالية
Congo | الكونغو
China; Chinese | الصين
France; French | فرنسا
Spain; Spanish | إسبانيا
Greece; Greek; Greeks | اليونان
Switzerland; Swiss | سويسرا
Sweden; Swedish | السويد
Norway; Norwegian | النرويج
Denmark; Danish | الدنمارك
Poland; Polish | بولندا
Ireland; Irish | أيرلندا
Afghanistan; Afghan; Afghans | أفغانستان
Philippines; Filipino | الفلبين
Kurdistan; Kurdish; Kurd; Kurds; Kurdistan Region | كردستان; إقليم كردستان; الأكراد; الكرد; ?كرد; كوردستان
Kurdistan Regional Government; KRG | حكومة إقليم كردستان
Arab; Arabs; Arabic; Arabian | العرب; ?عربي; ?العربية
Persian; Persians | ?الفارسي; ?الفرس
Muslim; Muslims; Islam; Islamic | الإسلام; ?الإسلامي; ?المسلمين; ?المسلمون; ?مسلم; ?الإسلامية
Christian; Christians; Christianity | ?المسيحي; ?المسيحيين; ?المسيحيون; ?المسيحية; ?مسيحي
Jewish; Jew; Jews | ?اليهودي; ?اليهود; ?يهودي; ?اليهودية
Sunni; Sunnis | ?السنة; ?السني; ?سني; ?السنية
Shia; Shiite; Shiites; Shi'ite; Shi'ites | ?الشيعة; ?الشيعي; ?شيعي; ?الشيعية
Yazidi; Yazidis; Ezidi | الإيزيديين; ?الإيزيدي; الأيزيديين; ?الإيزيدية; ?الأيزيدية
Copt; Copts; Coptic | الأقباط; ?القبطي; ?القبطية
Druze | الدروز; ?الدرزي; ?الدرزية
Turkmen | التركمان; ?التركماني
Middle East | الشرق الأوسط
Gulf; Arabian Gulf; Persian Gulf | ?الخليج; الخليج العربي; الخليج الفارسي
Levant | بلاد الشام; الشام
Maghreb | المغرب العربي
West Bank | الضفة الغربية
Gaza; Gaza Strip | غزة; قطاع غزة
Golan; Golan Heights | الجولان; هضبة الجولان
Sinai | سيناء
Mediterranean | البحر المتوسط; البحر الأبيض المتوسط; ?المتوسط
Red Sea | البحر الأحمر
Tigris | دجلة
Euphrates | الفرات
Nile | النيل
Suez; Suez Canal | السويس; قناة السويس
Hormuz; Strait of Hormuz | هرمز; مضيق هرمز
Washington | واشنطن
Baghdad | بغداد
Mosul | الموصل
Erbil; Irbil; Hawler | أربيل; هولير
Basra | البصرة
Kirkuk | كركوك
Sulaimaniyah; Sulaymaniyah; Slemani; Sulaimani | السليمانية
Duhok; Dohuk | دهوك
Najaf | النجف
Karbala | كربلاء
Fallujah | الفلوجة
Ramadi | الرمادي
Tikrit | تكريت
Samarra | سامراء
Sinjar | سنجار
Nineveh; Ninawa | نينوى
Anbar | الأنبار
Diyala | ديالى
Halabja | حلبجة
Aleppo | حلب
Homs | حمص
Idlib | إدلب
Raqqa | الرقة
Deir ez-Zor; Deir al-Zor; Deir Ezzor | دير الزور
Latakia | اللاذقية
Daraa | درعا
Tripoli | طرابلس
Benghazi | بنغازي
Sidon | صيدا
Tyre | ?صور
Amman | عمان
Cairo | القاهرة
Alexandria | الإسكندرية
Giza | الجيزة
Riyadh | الرياض
Jeddah | ?جدة
Mecca; Makkah | مكة; مكة المكرمة
Medina | المدينة المنورة
Doha | الدوحة
Abu Dhabi | أبوظبي; أبو ظبي
Manama | المنامة
Kuwait City | مدينة الكويت
Sanaa; Sana'a | صنعاء
Hodeidah | الحديدة
Khartoum | الخرطوم
Algiers | الجزائر
Rabat | الرباط
Casablanca | الدار البيضاء
Tehran | طهران
Ankara | أنقرة
Istanbul | إسطنبول; اسطنبول
Jerusalem | القدس
Ramallah | رام الله
Hebron | ?الخليل
Nablus | نابلس
Jenin | ?جنين
Tel Aviv | تل أبيب
New York | نيويورك
Moscow | موسكو
Beijing | بكين
Tokyo | طوكيو
Brussels | بروكسل
Geneva | جنيف
Vienna | فيينا
Kyiv; Kiev | كييف
Kabul | كابول
Islamabad | إسلام آباد
New Delhi; Delhi | نيودلهي; دلهي
Davos | دافوس
Babylon | بابل
Ur | ?أور
Dhi Qar | ذي قار
Nasiriyah | الناصرية
Zubair | ?الزبير
Zarqa | ?الزرقاء
Rafah | رفح
Herat | هرات
San Francisco | سان فرانسيسكو
Los Angeles | لوس أنجلوس
United Nations; UN; U.N. | الأمم المتحدة; المنظمة الأممية; ?الأممية; ?الأممي
Security Council; UN Security Council; UNSC | مجلس الأمن; مجلس الأمن الدولي
General Assembly | الجمعية العامة
NATO; North Atlantic Treaty Organization; North Atlantic Treaty Organisation; Atlantic alliance | الناتو; حلف الناتو; حلف شمال الأطلسي; حلف الأطلسي; ?الأطلسي
European Union; EU | الاتحاد الأوروبي; ?الأوروبي
European | ?الأوروبي; ?الأوروبية; ?أوروبي; ?الأوروبيين
African Union; AU | الاتحاد الأفريقي; الاتحاد الإفريقي
Arab League; League of Arab States | جامعة الدول العربية; الجامعة العربية
Gulf Cooperation Council; GCC | مجلس التعاون الخليجي; مجلس التعاون لدول الخليج العربية; ?مجلس التعاون
International Monetary Fund; IMF | صندوق النقد الدولي; صندوق النقد
World Bank | البنك الدولي
World Health Organization; World Health Organisation; WHO | منظمة الصحة العالمية
UNESCO | اليونسكو
UNICEF | اليونيسف; يونيسف
UNHCR; UN refugee agency | مفوضية اللاجئين; المفوضية السامية للأمم المتحدة لشؤون اللاجئين; ?المفوضية
World Food Programme; World Food Program; WFP | برنامج الأغذية العالمي
International Atomic Energy Agency; IAEA | الوكالة الدولية للطاقة الذرية
OPEC; OPEC+ | أوبك; أوبك+; منظمة الدول المصدرة للنفط
International Criminal Court; ICC | المحكمة الجنائية الدولية
International Court of Justice; ICJ | محكمة العدل الدولية
Red Cross; ICRC; International Committee of the Red Cross | الصليب الأحمر; اللجنة الدولية للصليب الأحمر
Red Crescent | الهلال الأحمر
Amnesty International; Amnesty | منظمة العفو الدولية; العفو الدولية
Human Rights Watch | هيومن رايتس ووتش
Pentagon | البنتاغون; البنتاجون
White House | البيت الأبيض
Kremlin | الكرملين
Elysee; Élysée | الإليزيه
State Department | وزارة الخارجية الأمريكية; الخارجية الأمريكية; الخارجية الأميركية; وزارة الخارجية الأميركية
CIA | وكالة المخابرات المركزية; سي آي إيه; المخابرات المركزية الأمريكية
FBI | مكتب التحقيقات الفيدرالي; إف بي آي
Congress | الكونغرس; الكونجرس
Senate | مجلس الشيوخ
Knesset | الكنيست
Islamic State; ISIS; ISIL; IS; Daesh | داعش; تنظيم الدولة; الدولة الإسلامية; تنظيم الدولة الإسلامية
al-Qaeda; al-Qaida; Al Qaeda | ?القاعدة; تنظيم القاعدة
Hezbollah; Hizbullah | حزب الله
Hamas | ?حماس; حركة حماس
Fatah | ?فتح; حركة فتح
Islamic Jihad | الجهاد الإسلامي
Taliban | طالبان
Houthis; Houthi; Ansar Allah | الحوثيون; الحوثيين; الحوثي; أنصار الله
Muslim Brotherhood; Brotherhood | الإخوان المسلمين; الإخوان المسلمون; ?الإخوان
Peshmerga | البيشمركة; بيشمركة
PKK; Kurdistan Workers' Party; Kurdistan Workers Party | حزب العمال الكردستاني; العمال الكردستاني
KDP; Kurdistan Democratic Party | الحزب الديمقراطي الكردستاني; الديمقراطي الكردستاني
PUK; Patriotic Union of Kurdistan | الاتحاد الوطني الكردستاني
Popular Mobilisation Forces; Popular Mobilization Forces; PMF; PMU; Hashd; Hashed al-Shaabi | الحشد الشعبي; ?الحشد
Syrian Democratic Forces; SDF | قوات سوريا الديمقراطية; قسد
Revolutionary Guards; Revolutionary Guard; IRGC; Islamic Revolutionary Guard Corps | الحرس الثوري; الحرس الثوري الإيراني
Quds Force | فيلق القدس
Reuters | رويترز
AFP; Agence France-Presse | فرانس برس; وكالة فرانس برس
AP; Associated Press | أسوشيتد برس
BBC | بي بي سي; هيئة الإذاعة البريطانية
CNN | سي إن إن
Al Jazeera; Al-Jazeera | ?الجزيرة; قناة الجزيرة
Al Arabiya | ?العربية; قناة العربية
Rudaw | روداو
Google | غوغل; جوجل
Facebook | فيسبوك; فيس بوك
Twitter | تويتر
Apple | آبل; أبل
Microsoft | مايكروسوفت
Aramco; Saudi Aramco | أرامكو
FIFA | الفيفا; فيفا
Nobel | نوبل
Olympic; Olympics; Olympic Games | الأولمبية; الألعاب الأولمبية; الأولمبياد
Quran; Koran | القرآن
Ramadan | رمضان
Eid; Eid al-Fitr; Eid al-Adha | ?عيد; عيد الفطر; عيد الأضحى
Hajj | الحج
Ashura | عاشوراء
Christmas | عيد الميلاد
Easter | عيد الفصح
God; Allah | ?الله
Prophet | ?النبي
"""

# Demonyms that do not start with their country's name (Iraqi and Syrian do).
_DEMONYMS = {
    "afghan": "Afghanistan", "afghans": "Afghanistan", "danish": "Denmark", "dutch": "Netherlands",
    "filipino": "Philippines", "french": "France", "greek": "Greece", "irish": "Ireland", "norwegian": "Norway",
    "polish": "Poland", "spanish": "Spain", "swedish": "Sweden", "swiss": "Switzerland", "turkish": "Turkey",
    "british": "United Kingdom", "american": "United States", "americans": "United States", "chinese": "China",
    "emirati": "United Arab Emirates", "kurdish": "Kurdistan", "welsh": "Wales", "scottish": "Scotland",
    "scots": "Scotland", "finnish": "Finland", "thai": "Thailand", "bahraini": "Bahrain", "cypriot": "Cyprus",
    "lebanese": "Lebanon", "sudanese": "Sudan", "japanese": "Japan", "portuguese": "Portugal",
    "vietnamese": "Vietnam", "senegalese": "Senegal", "maltese": "Malta", "belgian": "Belgium",
}

_DEMONYM_ENDINGS = frozenset({"i", "is", "n", "ns", "an", "ans", "ian", "ians", "ese", "ish", "s", "ic"})

# CLDR forms also read as everyday Arabic words or as other names: matched, never taken alone.
_AR_UNSURE = {"مالي", "بنين", "العالم", "نوم", "ترك", "سنتر", "واك", "سول", "ثيل", "بلم", "جوني", "ديلي", "سيتا",
              "برثا", "اشوا", "جوجو", "ماهي", "ترول", "أبيا", "الجبل الأسود", "جزيرة"}
# Time zones of places Arabic news rarely names; their exemplar cities are left out.
_ZONES = ("Asia/", "Africa/", "Europe/", "America/", "Australia/")


@dataclass(frozen=True)
class Exonym:
    english: tuple[str, ...]
    arabic: tuple[str, ...]
    unsure: frozenset[str] = frozenset()  # Arabic forms that are everyday words too


def english_key(text: str) -> str:
    """Lower case, no dots, no leading "the", single spaces, straight apostrophes."""
    text = text.replace("’", "'").replace(".", "").lower()
    text = re.sub(r"^the\s+", "", text.strip())
    return re.sub(r"\s+", " ", text)


def arabic_key(text: str) -> tuple[str, ...]:
    """Each word folded, without its article: الأمم المتحدة -> (امم, متحده)."""
    return tuple(without_article(fold(w)) for w in text.split())


def _table() -> list[Exonym]:
    out = []
    for line in _TABLE.strip().splitlines():
        english, arabic = (part.split(";") for part in line.split("|"))
        forms = [a.strip() for a in arabic]
        out.append(Exonym(tuple(e.strip() for e in english), tuple(a.lstrip("?") for a in forms),
                          frozenset(a[1:] for a in forms if a.startswith("?"))))
    return out


def _cldr() -> list[Exonym]:
    from babel import Locale

    en, ar = Locale("en"), Locale("ar")
    out = []
    for code, name in en.territories.items():
        if code in ar.territories and code not in ("001", "ZZ", "EU", "EZ", "UN", "QO"):
            arabic = ar.territories[code].replace(" - ", " ")
            out.append(Exonym((name,), (arabic,), frozenset({arabic}) & _AR_UNSURE))
    for zone, names in ar.time_zones.items():
        city = names.get("city")
        if city and zone.startswith(_ZONES):
            english = zone.rsplit("/", 1)[1].replace("_", " ")
            out.append(Exonym((english,), (city,), frozenset({city}) & _AR_UNSURE))
    return out


class Exonyms:
    """Both directions of the table: English form -> entries, Arabic words -> entries."""

    def __init__(self, entries: list[Exonym]) -> None:
        self.entries = entries
        self.by_english: dict[str, set[int]] = {}
        self.by_arabic_first: dict[str, list[tuple[tuple[str, ...], int, bool]]] = {}
        self.by_stem: dict[str, set[int]] = {}
        self.country_prefixes: dict[str, set[int]] = {}
        self.longest = 1  # words in the longest English form: International Committee of the Red Cross
        for i, entry in enumerate(entries):
            for n, form in enumerate(entry.english):
                key = english_key(form)
                self.by_english.setdefault(key, set()).add(i)
                self.longest = max(self.longest, len(key.split()))
                if n == 0 and len(key) >= 4 and key.isalpha():  # one word: isalpha allows no space
                    self.country_prefixes.setdefault(key[:4], set()).add(i)
            for form in entry.arabic:
                words = arabic_key(form)
                if not words or not all(words):
                    continue
                self.by_arabic_first.setdefault(words[0], []).append((words, i, form in entry.unsure))
                if len(words) == 1:
                    for stem in place_stems(fold(form)):
                        if len(stem) >= 3:
                            self.by_stem.setdefault(stem, set()).add(i)
        for candidates in self.by_arabic_first.values():
            candidates.sort(key=lambda c: -len(c[0]))  # the longest phrase first

    def english_ids(self, name: str) -> frozenset[int]:
        """Entries an English name or demonym belongs to: "Iraqi" -> Iraq, "French" -> France."""
        return self._english_ids(name)

    @lru_cache(maxsize=65536)  # noqa: B019 - one table per process, never freed
    def _english_ids(self, name: str) -> frozenset[int]:
        key = english_key(name)
        found = set(self.by_english.get(key, ()))
        if key in _DEMONYMS:
            found |= self.by_english.get(english_key(_DEMONYMS[key]), set())
        if not found and len(key) >= 5:  # a phrase ends in no demonym ending: none holds a space
            # Iraqi, Syrians, Lebanese, Palestinian: a place's name, less at most its last two
            # letters, and a demonym ending.
            for i in self.country_prefixes.get(key[:4], ()):
                country = english_key(self.entries[i].english[0])
                for cut in (len(country), len(country) - 1, len(country) - 2):
                    if cut >= 4 and key.startswith(country[:cut]) and key[cut:] in _DEMONYM_ENDINGS:
                        found.add(i)
                        break
        return frozenset(found)


@lru_cache(maxsize=1)
def exonyms() -> Exonyms:
    return Exonyms(_cldr() + _table())
