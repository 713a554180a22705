"""The public start page and the 申请指南 of each agency (issue 3 §5)."""
from django.test import TestCase

from gongkai.web.agencies.constants import AgencyKind
from gongkai.web.tests.factories import AgencyFactory


class AgencyListPublicViewTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.county = AgencyFactory(code="wlmqx", name="乌鲁木齐县人民政府", kind=AgencyKind.GOVERNMENT)
        cls.dept = AgencyFactory(code="jyj", name="乌鲁木齐县教育局", parent=cls.county)
        cls.town = AgencyFactory(code="bfg", name="板房沟镇人民政府", kind=AgencyKind.TOWNSHIP, parent=cls.county)
        cls.closed = AgencyFactory(code="old", name="已撤销的机关", is_active=False, parent=cls.county)

    def test_lists_active_agencies_with_form_and_guide_links(self):
        response = self.client.get("/")
        html = response.content.decode()
        self.assertEqual(200, response.status_code)
        for agency in (self.county, self.dept, self.town):
            with self.subTest(agency.code):
                self.assertIn(agency.name, html)
                self.assertIn(f'href="/agencies/{agency.code}/apply/"', html)
                self.assertIn(f'href="/agencies/{agency.code}/guide/"', html)
        self.assertNotIn(self.closed.name, html)

    def test_departments_and_townships_are_grouped_under_the_county(self):
        html = self.client.get("/").content.decode()
        self.assertLess(html.index(self.county.name), html.index("政府部门"))
        self.assertLess(html.index("政府部门"), html.index(self.dept.name))
        self.assertLess(html.index("乡镇（街道）"), html.index(self.town.name))

    def test_list_costs_one_query_however_many_agencies(self):
        AgencyFactory.create_batch(5, parent=self.county)
        with self.assertNumQueries(1):
            self.client.get("/")

    def test_page_loads_nothing_from_the_internet(self):
        html = self.client.get("/").content.decode()
        self.assertNotIn("http://", html)
        self.assertNotIn("https://", html)


class AgencyGuideViewTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.county = AgencyFactory(code="wlmqx", name="乌鲁木齐县人民政府", kind=AgencyKind.GOVERNMENT)
        cls.dept = AgencyFactory(code="jyj", name="乌鲁木齐县教育局", parent=cls.county,
                                 address="乌鲁木齐县政务服务中心三楼", phone="0991-5555555")

    def test_guide_shows_channels_deadlines_fees_and_remedies(self):
        response = self.client.get(f"/agencies/{self.dept.code}/guide/")
        html = response.content.decode()
        self.assertEqual(200, response.status_code)
        for text in (self.dept.address, self.dept.phone, "20个工作日", "按件计收", "按量计收",
                     "国办函〔2020〕109号", "60日", "6个月", self.county.name,
                     f'href="/agencies/{self.dept.code}/apply/"'):
            with self.subTest(text):
                self.assertIn(text, html)

    def test_guide_without_address_uses_generic_text(self):
        html = self.client.get(f"/agencies/{self.county.code}/guide/").content.decode()
        self.assertIn("受理机关政府信息公开工作机构", html)
        self.assertIn("法定工作日的办公时间", html)

    def test_unknown_agency_guide_is_404(self):
        self.assertEqual(404, self.client.get("/agencies/nope/guide/").status_code)
