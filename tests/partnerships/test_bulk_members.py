"""Members in bulk: many seats from a list or file in one step, several seats ended at once, logins given."""

import datetime as dt

import pytest
import tablib
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from partnerships.bulk import memberships_import, rows_check, rows_from_file, rows_from_text
from partnerships.models import Membership, OrganisationClerk, PartnershipOfficer, Person
from partnerships.outbox import OutboundEmail
from tests.factories import MembershipFactory, OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db

HEADINGS = "First name,Last name,Email,Organisation,Role,Start date\n"


def forty_members(organisation) -> str:
    lines = [f"Person{n},Example{n},person{n}@example.org,{organisation},Member,01/04/2026" for n in range(40)]
    return HEADINGS + "\n".join(lines)


def test_an_officer_adds_40_members_in_one_step(officer_client, cast):
    url = reverse("partnerships:membership_import", args=[cast.partnership.slug])
    before = Membership.objects.filter(partnership=cast.partnership).count()
    checked = officer_client.post(url, {"pasted": forty_members(cast.council.name)})
    assert checked.status_code == 200
    assert "40 members ready to add" in checked.content.decode()
    assert Membership.objects.filter(partnership=cast.partnership).count() == before  # nothing saved yet
    staged = checked.context["confirm"]["staged"].value()
    added = officer_client.post(url, {"staged": staged})
    assert added.status_code == 302
    seats = Membership.objects.filter(partnership=cast.partnership, person__email__endswith="@example.org")
    assert seats.filter(person__first_name__startswith="Person").count() == 40
    assert seats.filter(start_date=dt.date(2026, 4, 1), organisation=cast.council, role="member").count() == 40


def test_nothing_is_saved_until_every_row_is_right_and_the_text_is_kept(officer_client, cast):
    url = reverse("partnerships:membership_import", args=[cast.partnership.slug])
    text = (
        HEADINGS
        + "Ann,Able,ann@example.org,Riverside City Council,Member,1/4/2026\nBen,Baker,,Nowhere Ltd,Captain,32/13/2026"
    )
    response = officer_client.post(url, {"pasted": text})
    page = response.content.decode()
    assert response.status_code == 200 and response.context["confirm"] is None
    assert "1 of 2 rows need correcting" in page
    assert "No organisation called “Nowhere Ltd”" in page and "Give the role as one of" in page
    assert response.context["form"]["pasted"].value() == text
    assert "staged" not in page
    assert not Person.objects.filter(first_name="Ann").exists()


def test_a_row_matches_a_person_in_the_register_by_email_or_name(cast):
    known = PersonFactory(first_name="Cara", last_name="Cole", email="cara@example.org")
    rows = rows_from_text(
        "First name\tLast name\tEmail\tOrganisation\nCara\tCole\t\tRiverside City Council\n"
        "Someone\tElse\tCARA@example.org\t\nDan\tDoe\t\t"
    )
    preview = rows_check(partnership=cast.partnership, rows=rows)
    assert [row.person for row in preview] == [known, known, None]
    saved = memberships_import(partnership=cast.partnership, rows=preview[:1] + preview[2:], by=None)
    assert saved[0].person == known and saved[1].person.first_name == "Dan"


def test_the_rules_across_rows_and_of_each_seat_are_checked(cast):
    MembershipFactory(partnership=cast.partnership, organisation=cast.council, is_lead_representative=False)
    lead_org = OrganisationFactory(name="Lead Trust")
    rows = rows_from_text(
        "First name,Last name,Organisation,Lead representative,Role,Start date,End date\n"
        "Eve,Eady,Lead Trust,yes,member,,\n"
        "Fay,Fox,Lead Trust,yes,member,,\n"
        "Eve,Eady,Lead Trust,no,member,,\n"
        "Gil,Gray,,no,observer,01/05/2026,01/04/2026\n"
    )
    preview = rows_check(partnership=cast.partnership, rows=rows)
    assert preview[0].errors == []
    assert "Row 1 is already Lead Trust's lead." in " ".join(preview[1].errors)
    assert "The same person and role are on row 1." in preview[2].errors
    assert any("end date must be on or after" in e for e in preview[3].errors)
    assert lead_org.pk
    with pytest.raises(Exception, match="Every row must be correct"):
        memberships_import(partnership=cast.partnership, rows=preview, by=None)
    assert not Person.objects.filter(first_name="Eve").exists()


def test_an_xlsx_file_is_read_and_its_rows_put_in_the_box(officer_client, cast):
    book = tablib.Dataset(headers=["First name", "Last name", "Organisation", "Start date"])
    book.append(["Hal", "Hume", "Riverside City Council", dt.datetime(2026, 5, 1)])
    book.append(["Ivy", "Ince", "Unknown Org", dt.datetime(2026, 5, 1)])
    data = book.export("xlsx")
    assert rows_from_file(SimpleUploadedFile("m.xlsx", data))[0]["start_date"] == "2026-05-01"
    url = reverse("partnerships:membership_import", args=[cast.partnership.slug])
    response = officer_client.post(url, {"upload": SimpleUploadedFile("members.xlsx", data), "pasted": ""})
    assert response.status_code == 200 and response.context["problems"] == 1
    kept = response.context["form"]["pasted"].value()
    assert "Hal,Hume,Riverside City Council,2026-05-01" in kept and "Ivy,Ince,Unknown Org" in kept


def test_a_file_that_is_not_a_list_is_an_error_beside_the_file(officer_client, cast):
    url = reverse("partnerships:membership_import", args=[cast.partnership.slug])
    response = officer_client.post(url, {"upload": SimpleUploadedFile("m.xlsx", b"not a workbook"), "pasted": "x"})
    assert response.status_code == 200
    assert "could not be read as an XLSX" in response.context["form"].errors["upload"][0]
    assert response.context["form"]["pasted"].value() == "x"
    forged = officer_client.post(url, {"staged": "forged"})
    assert forged.status_code == 200 and "expired or was changed" in forged.content.decode()


def test_several_seats_end_at_once_with_one_date_and_reason(officer_client, cast):
    others = [MembershipFactory(partnership=cast.partnership, start_date=dt.date(2024, 1, 1)) for _ in range(3)]
    url = reverse("partnerships:memberships_end", args=[cast.partnership.slug])
    data = {
        "several-seats": [m.pk for m in others[:2]],
        "several-end_date_day": "31",
        "several-end_date_month": "3",
        "several-end_date_year": "2026",
        "several-end_reason": "Term ended",
    }
    assert officer_client.post(url, data).status_code == 302
    ended = Membership.objects.filter(pk__in=[m.pk for m in others]).order_by("pk")
    assert [(m.end_date, m.end_reason) for m in ended] == [
        (dt.date(2026, 3, 31), "Term ended"),
        (dt.date(2026, 3, 31), "Term ended"),
        (None, ""),
    ]
    # A date before a seat began ends none of them, and says which.
    early = {**data, "several-seats": [others[2].pk], "several-end_date_year": "2020"}
    response = officer_client.post(url, early)
    assert (
        response.status_code == 200
        and "several-end_date" in str(response.context["form"].errors.keys())
        or (response.context["form"].errors["end_date"])
    )
    assert Membership.objects.get(pk=others[2].pk).end_date is None


def test_the_members_page_offers_the_list_and_the_several_seats_form(officer_client, cast):
    page = officer_client.get(reverse("partnerships:membership_list", args=[cast.partnership.slug])).content.decode()
    assert reverse("partnerships:membership_import", args=[cast.partnership.slug]) in page
    assert 'name="several-seats"' in page and "End several seats at once" in page
    assert reverse("partnerships:membership_login", args=[cast.membership.pk]) in page


def test_the_several_seats_form_is_built_only_when_its_kept_fields_are_missing(officer_client, cast, monkeypatch):
    from partnerships import bulk_forms

    built = []
    build = bulk_forms.EndSeatsForm.__init__
    monkeypatch.setattr(
        bulk_forms.EndSeatsForm, "__init__", lambda self, *a, **k: built.append(1) or build(self, *a, **k)
    )
    url = reverse("partnerships:membership_list", args=[cast.partnership.slug])
    pages = [officer_client.get(url).content.decode() for _ in range(2)]
    assert built == [1]
    assert all('name="several-seats"' in page and 'name="csrfmiddlewaretoken"' in page for page in pages)
    MembershipFactory(partnership=cast.partnership, person=PersonFactory(first_name="Ada", last_name="Newseat"))
    assert "Ada Newseat" in officer_client.get(url).content.decode() and built == [1, 1]


def test_an_officer_gives_a_login_and_officer_rights_with_an_invitation(
    officer_client, cast, django_capture_on_commit_callbacks
):
    person = PersonFactory(first_name="Jo", last_name="Jones", email="jo@example.org")
    seat = MembershipFactory(partnership=cast.partnership, person=person)
    url = reverse("partnerships:membership_login", args=[seat.pk])
    page = officer_client.get(url)
    assert page.context["form"]["email"].value() == "jo@example.org" and "make_clerk" not in page.context["form"].fields
    with django_capture_on_commit_callbacks(execute=True):
        response = officer_client.post(url, {"email": "jo@example.org", "make_officer": "on"})
        officer_client.post(url, {"email": "jo@example.org", "make_officer": "on"})
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.user.email == "jo@example.org" and not person.user.has_usable_password()
    assert PartnershipOfficer.objects.filter(user=person.user, partnership=cast.partnership).exists()
    assert OutboundEmail.objects.filter(to="jo@example.org").count() == 1
    assert len(mail.outbox) == 1 and "/password/reset/key/" in mail.outbox[0].body
    assert "officer of Riverside Strategic Partnership" in mail.outbox[0].body


def test_only_an_administrator_makes_a_clerk_and_an_admin_login_is_never_taken(client, cast):
    person = PersonFactory(first_name="Kim", last_name="King")
    seat = MembershipFactory(partnership=cast.partnership, person=person, organisation=cast.council)
    url = reverse("partnerships:membership_login", args=[seat.pk])
    client.force_login(cast.users["officer"])
    client.post(url, {"email": "kim@example.org", "make_clerk": "on"})
    assert not OrganisationClerk.objects.filter(user__email="kim@example.org").exists()
    client.force_login(cast.users["admin"])
    elsewhere = client.post(url, {"email": "kim2@example.org"})
    assert elsewhere.status_code == 200 and "already signs in as kim@example.org" in elsewhere.content.decode()
    assert client.post(url, {"email": "kim@example.org", "make_clerk": "on"}).status_code == 302
    assert OrganisationClerk.objects.filter(user__email="kim@example.org", organisation=cast.council).exists()
    other = MembershipFactory(partnership=cast.partnership, person=PersonFactory())
    taken = client.post(reverse("partnerships:membership_login", args=[other.pk]), {"email": cast.users["admin"].email})
    assert taken.status_code == 200 and "an administrator" in taken.content.decode()
