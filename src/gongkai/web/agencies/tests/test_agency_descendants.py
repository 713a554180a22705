"""The agency hierarchy: a county government over departments and townships."""
from django.db import IntegrityError
from django.test import TestCase

from gongkai.web.agencies.constants import AgencyKind
from gongkai.web.agencies.models import Agency
from gongkai.web.agencies.selectors import agency_descendant_ids
from gongkai.web.tests.factories import AgencyFactory


class AgencyDescendantTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.county = AgencyFactory(kind=AgencyKind.GOVERNMENT)
        cls.township = AgencyFactory(kind=AgencyKind.TOWNSHIP, parent=cls.county)
        cls.office = AgencyFactory(kind=AgencyKind.OTHER, parent=cls.township)
        cls.other_county = AgencyFactory(kind=AgencyKind.GOVERNMENT)

    def test_descendants_include_every_level(self):
        self.assertEqual({self.county.pk, self.township.pk, self.office.pk}, agency_descendant_ids([self.county.pk]))

    def test_a_leaf_has_only_itself(self):
        self.assertEqual({self.office.pk}, agency_descendant_ids([self.office.pk]))

    def test_agency_cannot_be_its_own_parent(self):
        with self.assertRaises(IntegrityError):
            Agency.objects.filter(pk=self.township.pk).update(parent=self.township)
