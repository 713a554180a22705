"""Issue 5 §4 and §5: the 政务新媒体 count feeds 一（四）; requests for the same information by
three or more applicants are flagged as candidates for 主动公开 (第四十四条)."""
from __future__ import annotations

import random
from datetime import date

from django.test import TestCase

from gongkai.web.publications import services
from gongkai.web.publications.selectors import (
    NEWMEDIA_NONE,
    _trigrams,
    jaccard,
    newmedia_statement,
    request_disclosure_candidates,
)
from gongkai.web.publications.services import AccountFields
from gongkai.web.publications.tests.factories import CatalogueWorld
from gongkai.web.reports.constants import OVERVIEW_SCAFFOLD
from gongkai.web.reports.services import report_draft_create
from gongkai.web.reports.tests.factories import case, insert_cases


class NewMediaStatementTests(CatalogueWorld, TestCase):
    def test_no_accounts(self):
        self.assertEqual(NEWMEDIA_NONE, newmedia_statement(agency=self.county))

    def test_counts_running_accounts_per_platform(self):
        for platform, name in (("wechat", "乌鲁木齐县发布"), ("weibo", "乌鲁木齐县发布"), ("wechat", "乌鲁木齐县融媒")):
            services.newmedia_create(agency=self.county, acting_user=self.clerk, fields=AccountFields(
                platform=platform, name=name, operator="县委宣传部", opened_on=date(2020, 1, 1)))
        services.newmedia_create(agency=self.county, acting_user=self.clerk, fields=AccountFields(
            platform="douyin", name="乌鲁木齐县旧号", operator="县融媒体中心", status="closed",
            opened_on=date(2019, 1, 1), closed_on=date(2024, 6, 1)))
        self.assertEqual("本机关共开设政务新媒体账号3个，其中微博1个、微信公众号2个。",
                         newmedia_statement(agency=self.county, year=2025))
        self.assertEqual("本机关共开设政务新媒体账号4个，其中微博1个、微信公众号2个、抖音1个。",
                         newmedia_statement(agency=self.county, year=2023))


    def test_a_new_report_draft_states_the_accounts_under_platform_building(self):
        services.newmedia_create(agency=self.county, acting_user=self.clerk, fields=AccountFields(
            platform="wechat", name="乌鲁木齐县发布", operator="县委宣传部", opened_on=date(2020, 1, 1)))
        draft = report_draft_create(agency=self.county, year=2025, acting_user=self.clerk)
        self.assertIn("（四）平台建设\n本机关共开设政务新媒体账号1个，其中微信公众号1个。", draft.overview)
        other = report_draft_create(agency=self.other, year=2025, acting_user=self.stranger)
        self.assertEqual(OVERVIEW_SCAFFOLD, other.overview)


class DisclosureCandidateTests(CatalogueWorld, TestCase):
    def _requests(self, descriptions: list[str], agency=None):
        cases = [case(agency or self.county, applicant_type="natural_person", received_on=date(2025, 3, 1))
                 for _ in descriptions]
        for c, text in zip(cases, descriptions, strict=True):
            c.description = text
        insert_cases(cases)

    def test_three_applicants_asking_alike_are_flagged(self):
        self._requests(["2025年县本级一般公共预算执行情况", "2025年 县本级一般公共预算执行情况。",
                        "县本级2025年一般公共预算执行情况", "东湾村集体土地征收的批准文件"])
        found = request_disclosure_candidates(agency_ids=[self.county.pk])
        self.assertEqual([("2025年县本级一般公共预算执行情况", 3)], [(c.description, c.applicants) for c in found])

    def test_two_applicants_are_not_enough_and_agencies_are_apart(self):
        self._requests(["县第一中学扩建工程的建设工程规划许可证", "县第一中学扩建工程的建设工程规划许可证"])
        self._requests(["县第一中学扩建工程的建设工程规划许可证"], agency=self.other)
        self.assertEqual([], request_disclosure_candidates(agency_ids=[self.county.pk, self.other.pk]))

    def test_jaccard_of_trigrams(self):
        self.assertEqual(1.0, jaccard(frozenset({"abc"}), frozenset({"abc"})))
        self.assertEqual(0.5, jaccard(frozenset({"abc", "bcd"}), frozenset({"abc"})))

    def test_prefix_filtering_groups_exactly_as_comparing_with_every_group(self):
        rng = random.Random(44)
        words = ["县第一中学扩建工程", "规划许可证", "征地补偿安置方案", "东湾村", "2025年", "最低生活保障资金",
                 "发放情况", "招标文件", "中标结果", "环境影响评价批复", "南山旅游公路"]
        texts = ["申请公开" + "".join(rng.sample(words, rng.randint(1, 4))) for _ in range(60)]
        self._requests(texts)
        groups: list[tuple[frozenset, list[str]]] = []
        for text in texts:  # brute force, in the order the selector reads (oldest first)
            grams = _trigrams(text)
            for head, members in groups:
                if jaccard(head, grams) >= 0.5:
                    members.append(text)
                    break
            else:
                groups.append((grams, [text]))
        expected = sorted(len(members) for _, members in groups)
        found = request_disclosure_candidates(agency_ids=[self.county.pk], min_applicants=1)
        self.assertEqual(expected, sorted(len(c.request_ids) for c in found))
