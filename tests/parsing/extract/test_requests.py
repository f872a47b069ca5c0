"""parsing/extract/requests.py through parse_text: applications_received, fees, reconsideration and
litigation — numbers, the ways a zero is said, and the traps that say nothing.
Tables and conventions: tests/extract_helpers.py."""

import pytest
from extract_helpers import check, parse

P = pytest.param


# ---- phrasing tables: synthetic snippets in phrasings the seeds do not show

APPLICATIONS = [
    P("2015年，我局收到政府信息公开申请15件，均已按期答复。", 15, id="shoudao-jian"),
    # judgement: 受理 is read as "received" (the usual wording before 2019)
    P("全年共受理政府信息公开申请8件。", 8, id="shouli"),
    P("本年度共收到依申请公开申请3件，均已办结。", 3, id="yishenqing-shenqing"),
    P("2016年，我局未收到政府信息公开申请。", 0, id="weishoudao"),
    P("本年度没有收到公民、法人或其他组织提出的政府信息公开申请。", 0, id="meiyou-shoudao"),
    P("2013年，我办无政府信息公开申请。", 0, id="wu-shenqing"),
    P("全年无人申请公开政府信息。", 0, id="wuren-shenqing"),
    P("全年收到政府信息公开申请五件，全部予以公开。", 5, id="cn-numeral"),
    P("收到政府信息公开申请１６件。", 16, id="fullwidth-digits"),
    P("共收到政府信息公开申请12件，其中当面申请5件，网络申请7件。", 12, id="total-before-split"),
    P("收到政府信息公开申请 12 件，办结 11 件，1 件结转下年度办理。", 12, id="received-then-done"),
    P("本年度政府信息公开申请数量为0。", 0, id="shuliang-wei-0"),
    P("进一步规范依申请公开工作流程，明确办理时限。", None, id="absent"),
    P("本年度收到人大代表建议5件、政协提案3件，均已办复。", None, id="renda-jianyi-not-application"),
    P("2010年，本局未收到政府信息公開申請。", 0, id="trad-weishoudao"),
]


@pytest.mark.parametrize("text, expected", APPLICATIONS)
def test_applications_received(text, expected):
    _, rec = parse(text)
    assert rec["applications_received"] == expected


FEES = [
    P("本年度我局未收取任何政府信息公开费用。", 0, id="weishouqu-renhe"),
    P("提供政府信息时不收取费用。", 0, id="bu-shouqu"),
    P("政府信息公开工作中没有收费。", 0, id="meiyou-shoufei"),
    P("全年收取检索复制费120元。", 120, id="amount"),
    P("共收取检索、复制、邮寄费用合计45元。", 45, id="amount-heji"),
    P("收取复印费35.5元。", 35.5, id="amount-decimal"),
    # judgement: no fee and no waiver events → nothing was charged
    P("本年度未发生政府信息公开收费及减免情况。", 0, id="no-fee-or-waiver-events"),
    P("严格执行政府信息公开收费标准。", None, id="absent"),
    # judgement: restating the rule is not a statement of what was charged
    P("依申请提供政府信息，除可以收取检索、复制、邮寄等成本费用外，不得收取其他费用。", None,
      id="legal-rule-not-fact"),
    P("本年度未收取任何費用。", 0, id="trad-weishouqu"),
]


@pytest.mark.parametrize("text, expected", FEES)
def test_fees(text, expected):
    _, rec = parse(text)
    assert rec["fees"] == expected


REVIEW = [
    P("本年度没有因政府信息公开引发的行政复议和行政诉讼案件。", 0, 0, id="joint-zero-meiyou"),
    P("未发生涉及政府信息公开的行政复议、行政诉讼案件。", 0, 0, id="joint-zero-weifasheng"),
    P("本年度无针对本机关政府信息公开的行政复议申请，也未被提起行政诉讼。", 0, 0, id="separate-zero"),
    P("因政府信息公开发生行政复议案件2件，行政诉讼1件。", 2, 1, id="numbers"),
    P("因政府信息公开被申请行政复议3件，被提起行政诉讼0件。", 3, 0, id="number-and-zero"),
    P("涉及政府信息公开的行政复议一件，行政诉讼两件。", 1, 2, id="cn-numerals"),
    P("全年未发生政府信息公开行政复议案件。", 0, None, id="reconsideration-only"),
    P("政府信息公开行政复议和行政诉讼案件数均为0。", 0, 0, id="jun-wei-0"),
    # judgement: only the disclosure-related part of all reconsiderations counts
    P("全年受理行政复议申请4件，其中涉及政府信息公开的1件。", 1, None, id="subset-of-all-reconsiderations"),
    P("因政府信息公开被提起行政诉讼1起，目前尚在审理中。", None, 1, id="litigation-pending"),
    # judgement: reconsiderations about penalties are not about disclosure
    P("全年办理安全生产行政处罚案件15起，无一起引发行政复议。", None, None, id="unrelated-penalty-cases"),
    P("未發生因政府信息公開引起的行政復議、行政訴訟案件。", 0, 0, id="trad-joint-zero"),
]


@pytest.mark.parametrize("text, reconsideration, litigation", REVIEW)
def test_reconsideration_litigation(text, reconsideration, litigation):
    _, rec = parse(text)
    assert (rec["reconsideration"], rec["litigation"]) == (reconsideration, litigation)


# ---- real-shape tables: the shapes real reports are written in

REQUESTS = [
    P("2018年，我局未收到政府信息公开申请。",
      "applications_received", 0, id="app-zero-weishoudao-fw"),
    P("本年度,我办未收到公民、法人或其他组织提出的政府信息公开申请.",
      "applications_received", 0, id="app-zero-long-ascii"),
    P("2014年，我局没有收到依申请公开政府信息的申请。",
      "applications_received", 0, id="app-zero-meiyou-fw"),
    P("2020年，我局共收到政府信息公开申请0件。",
      "applications_received", 0, id="app-zero-digit-fw"),
    P("2016年,我局共受理政府信息公开申请12件,均已按时答复.",
      "applications_received", 12, id="app-number-shouli-ascii"),
    P("全年共收到依申请公开政府信息申请七件，已全部办结。",
      "applications_received", 7, id="app-number-cn-numeral-fw"),
    P("本年度没有收取任何费用。",
      "fees", 0, id="fees-zero-meiyou-fw"),
    P("2015年,我局未向公民、法人和其他组织收取任何政府信息公开费用.",
      "fees", 0, id="fees-zero-long-ascii"),
    P("依申请提供政府信息，我局未收取检索、复制、邮寄等费用。",
      "fees", 0, id="fees-zero-items-fw"),
    P("2012年,我局办理依申请公开事项收取费用0元.",
      "fees", 0, id="fees-zero-yuan-ascii"),
    P("2017年，未发生针对我局政府信息公开的行政复议、行政诉讼。",
      "reconsideration", 0, id="recon-zero-fw"),
    P("2017年，未发生针对我局政府信息公开的行政复议、行政诉讼。",
      "litigation", 0, id="litig-zero-fw"),
    P("本年度未发生因政府信息公开引起的行政复议和行政诉讼案件.",
      "reconsideration", 0, id="recon-zero-ascii"),
    P("本年度未发生因政府信息公开引起的行政复议和行政诉讼案件.",
      "litigation", 0, id="litig-zero-ascii"),
    P("2013年,没有发生有关政府信息公开的行政诉讼案件.",
      "litigation", 0, id="litig-zero-meiyou-ascii"),
    P("2019年，因政府信息公开申请行政复议1件，提起行政诉讼0件。",
      "reconsideration", 1, id="recon-number-fw"),
    P("2019年，因政府信息公开申请行政复议1件，提起行政诉讼0件。",
      "litigation", 0, id="litig-number-zero-fw"),
    # trap: no 纠错 / no 败诉 says nothing about how many cases there were
    P("全年未发生因政府信息公开被行政复议纠错或行政诉讼败诉的情形。",
      "reconsideration", None, id="recon-trap-jiucuo-fw"),
    P("全年未发生因政府信息公开被行政复议纠错或行政诉讼败诉的情形。",
      "litigation", None, id="litig-trap-baisu-fw"),
    P("2022年,我局未发生政府信息公开工作被行政复议纠错或行政诉讼败诉的情况.",
      "reconsideration", None, id="recon-trap-jiucuo-ascii"),
    P("2022年,我局未发生政府信息公开工作被行政复议纠错或行政诉讼败诉的情况.",
      "litigation", None, id="litig-trap-baisu-ascii"),
]


@pytest.mark.parametrize("text, field, expected", REQUESTS)
def test_requests(text, field, expected):
    check(text, field, expected)
