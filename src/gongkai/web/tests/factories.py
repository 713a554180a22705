"""Factories shared by the web apps' tests (factory_boy; no import-time dates, no magic numbers)."""
from __future__ import annotations

import factory

from gongkai.identity import resident_id_check_char
from gongkai.web.accounts.constants import Role
from gongkai.web.accounts.models import Membership, User
from gongkai.web.agencies.constants import AgencyKind
from gongkai.web.agencies.models import Agency
from gongkai.web.requests.constants import NATURAL_PERSON, Delivery, IdType, InfoForm
from gongkai.web.requests.services import Applicant


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency

    name = factory.Sequence(lambda n: f"测试县第{n}局")
    code = factory.Sequence(lambda n: f"ag{n}")
    kind = AgencyKind.DEPARTMENT


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User

    username = factory.Sequence(lambda n: f"staff{n}")
    display_name = factory.Faker("name", locale="zh_CN")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    agency = factory.SubFactory(AgencyFactory)
    role = Role.CLERK


def staff(agency: Agency, *roles: str) -> User:
    """A user holding ``roles`` in ``agency``."""
    user = UserFactory()
    for role in roles:
        MembershipFactory(user=user, agency=agency, role=role)
    return user


def resident_id(first17: str = "11010519491231002") -> str:
    return first17 + resident_id_check_char(first17)


def applicant(**overrides) -> Applicant:
    """A natural person with a valid 身份证号 and a phone number."""
    fields = {
        "applicant_type": NATURAL_PERSON, "name": "张三", "id_type": IdType.RESIDENT_ID,
        "id_number": resident_id(), "phone": "13912345678",
    }
    return Applicant(**{**fields, **overrides})


REQUEST_TEXT = {
    "description": "2026年本县农村公路建设项目的招标文件",
    "info_form": InfoForm.ELECTRONIC,
    "delivery": Delivery.ONLINE,
}
