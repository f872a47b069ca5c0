"""Who wrote the report and where: agency name, type, administrative level, province, city, district, adcode."""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from parsing.extract.gazetteer import Division, gazetteer
from parsing.paths import DATA_DIR
from parsing.schema import Evidence, Report
from parsing.text.furniture import is_page_meta
from parsing.text.scan import inside_book_title

DATA = DATA_DIR
CJK_RUN = re.compile(r"[\u4e00-\u9fff]+$")


@dataclass(frozen=True)
class AgencyType:
    alias: str
    canonical: str
    type: str


@lru_cache(maxsize=1)
def agency_types() -> dict[str, AgencyType]:
    with open(DATA / "agency_types.csv", encoding="utf-8") as fh:
        return {r["alias"]: AgencyType(r["alias"], r["canonical"], r["type"]) for r in csv.DictReader(fh)}


@dataclass(frozen=True)
class Reform:
    old: str  # agency type before the reform (安监)
    new: str  # the type that took its place (应急)
    year: int  # the year of the reform


@lru_cache(maxsize=1)
def reforms() -> tuple[Reform, ...]:
    """Bodies renamed or merged by a reform (parsing/data/agency_reforms.csv)."""
    with open(DATA / "agency_reforms.csv", encoding="utf-8") as fh:
        return tuple(Reform(r["old_type"], r["new_type"], int(r["reform_year"])) for r in csv.DictReader(fh))


@lru_cache(maxsize=1)
def _agency_re() -> re.Pattern[str]:
    aliases = sorted(agency_types(), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, aliases)))


@lru_cache(maxsize=1)
def _zone_re() -> re.Pattern[str]:
    lines = (DATA / "functional_zones.txt").read_text(encoding="utf-8").splitlines()
    suffixes = sorted((s.strip() for s in lines if s.strip() and not s.startswith("#")), key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, suffixes)) + ")$")


LEVEL_WORDS = {"省": "省", "市": "市", "区": "县区", "县": "县区", "旗": "县区", "州": "市"}
FUNCTION_CHARS = set("由经对向在与和及是为的了将我本据按从被把给让使之其该各全")


@dataclass
class Mention:
    """One naming of an agency in the text, with the place chain written before it."""

    start: int
    end: int
    kind: AgencyType
    weight: float
    divisions: list[list[Division]] = field(default_factory=list)  # candidates, right to left
    zone: str | None = None  # functional-zone name as written (without the city)
    zone_city: Division | None = None
    level_word: str | None = None  # 区/市/县… when no place is named
    level_char: str | None = None  # the character as written (市 may be a county-level city)
    chain_len: int = 0  # characters of place chain written right before the name
    township: str | None = None  # 宁海路街道 / 背荫河镇: the sub-county unit's own name, after its county


TITLE_LABEL = re.compile(r"^\s*(?:标题|题目|文章标题)\s*[:：|]")


def _title_zone(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of the title lines: the first two non-empty lines, capped, leaving out the page data among
    them (a 来源：/发布机构： line or a breadcrumb names the page's publisher, which may be a higher body)."""
    lines = []
    for m in re.finditer(r"[^\n]+", text[:2000]):
        if TITLE_LABEL.match(m.group()) or not is_page_meta(m.group()):  # a crawler's 标题： line is the title
            lines.append(m)
            if len(lines) == 2:
                break
    if not lines:
        return ()
    cap = lines[0].start() + 200
    return tuple((m.start(), min(m.end(), cap)) for m in lines if m.start() < cap)


def _in_title(pos: int, zone: tuple[tuple[int, int], ...]) -> bool:
    return any(s <= pos < e for s, e in zone)


def _on_page_data(text: str, pos: int) -> bool:
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    return is_page_meta(text[line_start:line_end if line_end != -1 else len(text)])


def find_mentions(text: str) -> list[Mention]:
    gaz = gazetteer()
    zone = _title_zone(text)
    mentions = []
    for m in _agency_re().finditer(text):
        kind = agency_types()[m.group()]
        after = text[m.end():m.end() + 2]
        if kind.type == "政府" and (after[:1] in {"网", "门"} or after.startswith("官")):
            continue  # 人民政府网 / 人民政府门户网站: a channel, not an author
        window = CJK_RUN.search(text[max(0, m.start() - 24):m.start()])
        prefix = window.group() if window else ""
        body = re.sub(r"(?:管委会|管理委员会|党工委)$", "", prefix)
        mention = Mention(m.start(), m.end(), kind, 1.0)
        _parse_prefix(body, mention, gaz)
        _township(body, mention, gaz)
        mention.chain_len += len(prefix) - len(body) if mention.chain_len else 0
        if _in_title(m.start(), zone):
            mention.weight += 5
        elif _on_page_data(text, m.start()):
            pass  # 来源：某县人民政府  发布时间：…: the page's publisher, named with no weight of a title or 编制
        elif re.search(r"(?:由|本报告由)$", prefix[: len(prefix) - _chain_len(mention)] or "") or \
                re.search(r"编制|发布", text[m.end():m.end() + 30]) and m.start() < 600 or _signs(text, m.start(), m.end()):
            mention.weight += 3
        if inside_book_title(text, m.start()):
            mention.weight *= 0.5
        if NOT_AUTHOR_AFTER.match(text, m.end()):
            mention.weight = 0.3  # 临沂市人民政府办公室关于做好…的通知: the sender of a notice, not the author
        mentions.append(mention)
    covered = [(m.start, m.end) for m in mentions]
    for mention in _named_author_mentions(text, gaz, covered):
        mentions.append(mention)
    return mentions


SIGNED_DATE = re.compile(r"\s*(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月")


def _signs(text: str, start: int, end: int) -> bool:
    """The name stands alone on its line (with its place) and a date follows: the report's signature (落款).
    A crawl may write the date one piece a line (20 / 23 / 年 / 1 / 月)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    if text[end:line_end].strip() or line_end - line_start > 30 or not CJK_RUN.match(text[line_start:start] or "局"):
        return False
    return bool(SIGNED_DATE.match(text[line_end:line_end + 40].replace("\n", "")))


# Where a report names its author: the title, 由…编制, 发布机构/来源 lines, and a signature line.
ORG_NAME = r"[\u4e00-\u9fff]{2,30}?(?:管理局|总局|分局|局|厅|委员会|管委会|办公室|办公厅|办事处|人民政府|部|署|镇|乡|街道)"
AUTHOR_ANCHORS = (
    (re.compile(rf"(?P<name>{ORG_NAME})(?:(?:\d{{4}}|[〇○零一二三四五六七八九]{{4}})\s*年(?:度)?)?[^\n。]{{0,12}}?"
                r"(?:政府信息公开|政务公开|信息公开)"), 5.0, True),
    (re.compile(rf"由(?P<name>{ORG_NAME})(?:负责)?(?:编制|编写|制作|发布|汇总)"), 3.0, False),
    (re.compile(rf"(?:发布(?:单位|机构|部门)|来源|发文(?:机关|单位)|信息来源)\s*[:：|]?\s*\|?\s*(?P<name>{ORG_NAME})(?=$|[\s|，,。])",
                re.M), 3.0, False),
    (re.compile(rf"^\s*(?P<name>{ORG_NAME})\s*\n\s*(?:\d{{4}}|[〇○零一二三四五六七八九]{{4}})\s*年\s*"
                r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月", re.M), 2.0, False),
)
# 临沂市人民政府办公室关于做好…的通知 names the sender of a notice (XX局关于2020年度…报告 in a title is the author)
# words no agency's name contains: 该报告客观全面反映了我局 / 现就我局 are sentences, not names
NOT_A_NAME = re.compile(r"[我该了的就将其本此]|报告|反映|现就|根据|按照|通过|对于|关于")
NOT_AUTHOR_AFTER = re.compile(r"关于(?!\s*(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年)|印发|《|转发|的通知|管理员")
LEADING_WORDS = re.compile(r"^(?:年度|年|由|是|中华人民共和国|我|本|根据|按照|现将|特向社会公布|现公布|公布|关于|对)+")


def _agency_kind(name: str) -> AgencyType:
    """A kind of agency that the vocabulary does not list: named by its own words."""
    if re.search(r"办事处|街道", name):
        kind = "街道"
    elif re.search(r"(?:镇|乡)(?:人民政府)?$", name):
        kind = "乡镇"
    else:
        kind = re.sub(r"(?:监督管理局|管理局|总局|局|厅|委员会|办公室|办公厅|部|署)$", "", name) or name
    return AgencyType(name, name, kind)


def _named_author_mentions(text: str, gaz, covered: list[tuple[int, int]]) -> list[Mention]:
    """Agencies named where a report states its author, when the vocabulary has no word for them."""
    out = []
    zone = _title_zone(text)
    title_end = zone[-1][1] if zone else 0
    for pattern, weight, title_only in AUTHOR_ANCHORS:
        region = text[:title_end + 40] if title_only else text
        for m in pattern.finditer(region):
            start, end = m.start("name"), m.end("name")
            # on the page data among the title lines (a breadcrumb, a 来源 line)
            above_title = title_only and not _in_title(start, zone) and start < title_end
            name = m.group("name")
            lead = LEADING_WORDS.match(name)
            if lead:
                start, name = start + lead.end(), name[lead.end():]
            first = next(iter(gaz.find_all(name)), None)
            if first and 0 < first[0] <= 4 and any(c in FUNCTION_CHARS or c in "年度" for c in name[:first[0]]):
                start, name = start + first[0], name[first[0]:]  # 编制的北京市…: the name starts at the place
            if any(s < end and start < e for s, e in covered) or inside_book_title(text, start):
                continue  # the vocabulary already read this name
            # the place chain written first: 长白朝鲜族自治县 / 北京市朝阳区 / 山东省
            pos, last_rank = 0, -1
            while pos < len(name):
                for length in range(min(gaz.max_len, len(name) - pos), 1, -1):
                    cands = gaz.by_name.get(name[pos:pos + length])
                    if cands and max(d.rank for d in cands) > last_rank:
                        pos += length
                        last_rank = min(d.rank for d in cands)
                        break
                else:
                    break
            rest = name[pos:]
            if len(rest) < 2 or len(rest) > 14 or re.fullmatch(r"[省市区县]?(?:人民)?政府|[省市区县]", rest) \
                    or NOT_A_NAME.search(rest):
                continue
            kind = _agency_kind(rest)
            # 市政府办公厅《关于做好…》: the sender of a notice, not the author
            # a name on the page data names the page's publisher: the author only when nothing better names one
            gained = 0.3 if NOT_AUTHOR_AFTER.match(text, end) else 1.0 if above_title else 1.0 + weight
            town = TOWN_UNIT.match(rest) if kind.type in ("街道", "乡镇") else None
            if town:  # 三间房地区 + 办事处: the unit's own name, then its kind
                kind = AgencyType(town.group(2), town.group(2), kind.type)
            mention = Mention(start + pos + (town.end(1) if town else 0), end, kind, gained)
            _parse_prefix(name[:pos], mention, gaz)
            _township(name[:pos], mention, gaz)
            if town and mention.divisions:
                mention.township = town.group(1)
                mention.chain_len += len(town.group(1))
            if not mention.divisions and not mention.zone and name[:pos] == "":
                prefix_run = CJK_RUN.search(text[max(0, start - 24):start])
                if prefix_run:
                    _parse_prefix(prefix_run.group(), mention, gaz)
            out.append(mention)
            covered.append((start, end))
    return out


TOWNSHIP_TYPES = ("乡镇", "街道")
TOWN_UNIT = re.compile(r"([\u4e00-\u9fff]{2,10}?)(街道办事处|办事处|街道|人民政府|政府)$")
TOWNSHIP = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:镇|乡|街道|苏木|地区)$")


def _descending(places: list) -> list:
    """Place names in a chain go from larger to smaller (南宁市 → 青秀区); a name after a county that would
    be larger again (中山 of 中山街道 read as 中山市) ends the chain."""
    out = []
    for place in places:
        if out and max(d.rank for d in place[2]) <= min(d.rank for d in out[-1][2]):
            break
        out.append(place)
    return out


def _township(prefix: str, mention: Mention, gaz) -> None:
    """南京市鼓楼区宁海路 + 街道办事处 / 五常市背荫河镇 + 人民政府: the unit below the county has its own name
    between the county and the kind; read the county chain before it."""
    if mention.zone:
        return
    chain = mention.divisions  # right to left: each name should be larger than the one after it
    broken = len(chain) >= 2 and min(d.rank for d in chain[0]) <= max(d.rank for d in chain[1])
    if chain and not broken:
        return
    if broken:
        mention.divisions, mention.chain_len = [], 0  # 青秀区 + 中山(街道): 中山 is the street's own name
    township_kind = mention.kind.type in ("街道", "乡镇")
    if not township_kind and not (mention.kind.type == "政府" and TOWNSHIP.search(prefix)):
        return
    places = _descending(gaz.find_all(prefix))
    if not places:
        return
    last_end = places[-1][1]
    name = prefix[last_end:]
    if not 2 <= len(name) <= 10 or any(c in FUNCTION_CHARS for c in name):
        return
    _parse_prefix(prefix[:last_end], mention, gaz)
    if not mention.divisions:
        return
    mention.township = name
    mention.chain_len += len(name)
    mention.level_word = None
    if mention.kind.type == "政府":
        mention.kind = AgencyType(mention.kind.alias, mention.kind.canonical, "乡镇")


def _chain_len(mention: Mention) -> int:
    return mention.chain_len


def _parse_prefix(prefix: str, mention: Mention, gaz) -> None:
    """Read the place chain right to left: 淄博市张店区 / 聊城江北水城旅游度假区 / 区."""
    pos = len(prefix)
    zone = _zone_re().search(prefix)
    ends_with_division = any(gaz.by_name.get(prefix[len(prefix) - n:]) for n in range(2, min(gaz.max_len, len(prefix)) + 1))
    if zone and not ends_with_division:  # 东港区 / 黄石港区 are counties, not 港区 functional zones
        head = prefix[: zone.start()]
        places = gaz.find_all(head)
        # the zone's own name runs from after the last place named before it
        if places:
            last_start, last_end, cands = places[-1]
            name = prefix[last_end:]
            # 郑州高新技术产业开发区: a generic zone name is unique once the city precedes it
            mention.zone = name if len(name) >= len(zone.group()) and name else None
            mention.zone_city = next((d for d in cands if d.rank == 1), None)
            if mention.zone:
                mention.chain_len = len(prefix) - last_start
                return
        else:
            run = prefix
            while run and run[0] in FUNCTION_CHARS:
                run = run[1:]
            mention.zone = run if len(run) > len(zone.group()) else None
            if mention.zone:
                mention.chain_len = len(run)
                return
        if mention.zone is None:
            mention.level_word = "功能区"
            return
    while pos > 0:
        for length in range(min(gaz.max_len, pos), 1, -1):
            cands = gaz.by_name.get(prefix[pos - length:pos])
            if cands:
                mention.divisions.append(cands)
                pos -= length
                break
        else:
            break
    mention.chain_len = len(prefix) - pos
    if not mention.divisions and mention.zone is None and prefix[-1:] in LEVEL_WORDS:
        mention.level_word = LEVEL_WORDS[prefix[-1]]
        mention.level_char = prefix[-1]


class DocumentVotes:
    """How often each county, city and province is named in the text — counted only if asked for."""

    def __init__(self, text: str):
        self.text = text
        self._votes: tuple[Counter, Counter, Counter] | None = None

    def _get(self) -> tuple[Counter, Counter, Counter]:
        if self._votes is None:
            self._votes = _document_votes(self.text)
        return self._votes

    counties = property(lambda self: self._get()[0])
    cities = property(lambda self: self._get()[1])
    by_prefix = property(lambda self: self._get()[2])


def _resolve_chain(chain: list[list[Division]], votes: DocumentVotes) -> Division | None:
    """The most specific division in a chain, disambiguated by the chain and by the document."""
    if not chain:
        return None
    flat = [d for cands in chain for d in cands]
    most_specific = chain[0]  # rightmost token is the most specific
    if len(most_specific) == 1:
        return most_specific[0]
    parents = [d for d in flat if d not in most_specific]
    for cand in most_specific:
        if any(cand.adcode.startswith(p.adcode[: 2 * (p.rank + 1)]) for p in parents):
            return cand
    by_prefix = votes.by_prefix
    ranked = sorted(most_specific, key=lambda d: -by_prefix[d.adcode[:4]])
    if by_prefix[ranked[0].adcode[:4]] > by_prefix[ranked[1].adcode[:4]]:
        return ranked[0]
    return None


def _document_votes(text: str) -> tuple[Counter, Counter, Counter]:
    """How often each county, city and province is named anywhere in the text."""
    counties, cities, provinces = Counter(), Counter(), Counter()
    for _s, _e, cands in gazetteer().find_all(text):
        for d in cands:
            target = (provinces, cities, counties)[d.rank]
            target[d.adcode] += 1 / len(cands)
            if d.rank == 2:
                cities[d.city_code] += 0.5 / len(cands)
    by_prefix = Counter()
    for code, n in cities.items():
        by_prefix[code[:4]] += n
    return counties, cities, by_prefix


def extract_agency(text: str, meta: Report) -> None:
    """Agency, its type and level, province, city, district and adcode, with evidence; gaps get a warning."""
    gaz = gazetteer()
    mentions = find_mentions(text)
    if not mentions:
        meta.warnings.append("未找到发布机构名称")
        return
    weights: Counter = Counter()
    for m in mentions:
        if m.kind.type == "政府" and m.weight < 3:
            continue  # the government is named in every report; it is the author only in the title
        weights[m.kind.canonical] += m.weight
    # A reform renamed the body (2018: 安监局 → 应急管理局, 环境保护局 → 生态环境局 …; parsing/data/agency_reforms.csv):
    # a report on the reform's year or before that names both was written by the old body (the new one often
    # only publishes it, and its page shows the new name); one on two years later or after, by the new one.
    # The name is never modernised: a 2009 环境保护局 stays 环境保护局.
    kinds = {m.kind.canonical: m.kind.type for m in mentions}
    types = {kinds[c] for c in weights}
    for reform in reforms():
        if meta.year is None or not {reform.old, reform.new} <= types:
            continue
        fade = reform.new if meta.year <= reform.year else reform.old if meta.year >= reform.year + 2 else None
        for c in list(weights):
            if kinds[c] == fade:
                weights[c] *= 0.3
    if not weights:
        meta.warnings.append("未找到发布机构名称")
        return
    canonical = weights.most_common(1)[0][0]
    own = [m for m in mentions if m.kind.canonical == canonical]
    kind = own[0].kind
    meta.agency_type = kind.type
    votes = DocumentVotes(text)

    best: tuple[float, int, Mention, Division | None] | None = None
    for m in own:
        div = _resolve_chain(m.divisions, votes)
        specificity = 3 if m.zone else (div.rank + 1 if div else 0)
        key = (specificity, m.weight)
        if best is None or key > (best[1], best[0]):
            best = (m.weight, specificity, m, div)
    assert best is not None
    _w, specificity, mention, division = best
    level_words = Counter(m.level_word for m in own if m.level_word)
    ev = Evidence.span(text, mention.start - _chain_len(mention), mention.end)

    if mention.zone:
        city = mention.zone_city or _most_voted(votes.cities, gaz, 1)
        meta.admin_level = "功能区"
        meta.district = mention.zone
        if city:
            meta.city, meta.province = city.name, _province_name(gaz, city)
            short = re.sub(r"市$", "", city.name)
            meta.agency = short + mention.zone + kind.canonical
        else:
            meta.agency = mention.zone + kind.canonical
            meta.warnings.append("功能区所属城市未能确定")
        meta.warnings.append("功能区不是行政区划，没有区划代码（adcode 为空）")
    else:
        if division is None or (division.rank < 2 and level_words.get("县区") and not _has_rank(own, 1)):
            # Named only as 区安监局 / 县安监局: the place comes from the rest of the document.
            wanted = level_words.most_common(1)[0][0] if level_words else None
            rank = {"省": 0, "市": 1, "县区": 2}.get(wanted or "", None)
            chars = Counter(m.level_char for m in own if m.level_word == wanted and m.level_char)
            char = chars.most_common(1)[0][0] if chars else (wanted or "")[:1]
            if rank is not None:
                if char in ("市", "区", "县", "旗"):
                    # 市应急管理局 sits in a place called …市 (a prefecture or a county-level city, not 兴安盟);
                    # 区/县/旗 likewise name the kind of county.
                    pool = Counter({code: n for code, n in (votes.cities + votes.counties).items()
                                    if code in gaz.by_code and gaz.by_code[code].name.endswith(char)
                                    and (char == "市" or gaz.by_code[code].rank == 2)})
                    voted = _most_voted_any(pool, gaz)
                else:
                    pool = (provinces_of(gaz, votes.cities), votes.cities, votes.counties)[rank]
                    voted = _most_voted(pool, gaz, rank)
                if voted is not None:
                    division = voted
                    meta.warnings.append(
                        f"机构名称未写明地区（“{char}{kind.alias}”），按正文最常提到的“{voted.name}”确定")
            elif wanted == "功能区":
                meta.admin_level = "功能区"
        if division is None and mention.divisions:
            same_name = mention.divisions[0]
            rank = same_name[0].rank
            meta.admin_level = {0: "省", 1: "市", 2: "县区"}[rank]
            if rank == 2:
                meta.district = same_name[0].name
            meta.warnings.append(f"“{same_name[0].name}”在{len(same_name)}个地方都有，正文未写明所属城市，"
                                 "机构全称和区划代码留空")
            for key in ("agency_type", "admin_level", "district"):
                if getattr(meta, key) is not None:
                    meta.evidence[key] = ev
            return
        if division is None:
            meta.warnings.append("未能确定机构所在地区")
            return
        meta.admin_level = {0: "省", 1: "市", 2: "县区"}[division.rank]
        meta.province = _province_name(gaz, division)
        city = gaz.city_of(division)
        if division.rank == 0 and division.name.endswith("市"):
            meta.city = division.name  # a municipality's own agency: the municipality is its city
        elif division.rank == 1:
            meta.city = division.name
        elif division.rank == 2:
            meta.city = city.name if city else None
            meta.district = division.name
        meta.adcode = division.adcode
        prefix = "".join(n for n in (meta.city if division.rank >= 1 else meta.province, meta.district) if n)
        if division.rank == 0:
            prefix = division.name
        meta.agency = prefix + kind.canonical
    if mention.township and meta.agency and meta.district:
        meta.admin_level = "乡镇"  # the unit below the county; adcode stays the county's
        meta.agency = meta.agency[: -len(kind.canonical)] + mention.township + kind.canonical
    elif kind.type in TOWNSHIP_TYPES and meta.admin_level == "县区":
        meta.admin_level = "乡镇"  # 五常市背荫河镇 / 某区某某街道: a township or sub-district, below its county
    for key in ("agency", "agency_type", "admin_level", "province", "city", "district", "adcode"):
        if getattr(meta, key) is not None:
            meta.evidence[key] = ev


def _has_rank(mentions: list[Mention], rank: int) -> bool:
    return any(d.rank == rank for m in mentions for cands in m.divisions for d in cands)


def provinces_of(gaz, cities: Counter) -> Counter:
    out: Counter = Counter()
    for code, n in cities.items():
        out[code[:2] + "0000"] += n
    return out


def _most_voted(votes: Counter, gaz, rank: int) -> Division | None:
    ranked = [(code, n) for code, n in votes.most_common() if code in gaz.by_code
              and gaz.by_code[code].rank == rank]
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return gaz.by_code[ranked[0][0]]


def _most_voted_any(votes: Counter, gaz) -> Division | None:
    ranked = [(code, n) for code, n in votes.most_common() if code in gaz.by_code]
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return gaz.by_code[ranked[0][0]]


def _province_name(gaz, div: Division) -> str | None:
    province = gaz.province_of(div)
    return province.name if province else None


# ---------------------------------------------------------------- year
