"""The OSP's attendance in 2022/23, from the demonstration year of meetings, adds up member by member."""

import pytest
from django.core.management import call_command

from partnerships.access import get_access
from partnerships.models import Partnership
from reporting.opendata.attendance import attendance_records

pytestmark = pytest.mark.django_db

# Five meetings were held in 2022/23 (April, July, October, the November annual review and January); the
# April 2023 meeting falls in the next council year. Apologies as the minutes record them.
CASES = {
    # last name: expected, attended, apologies
    "Hattam": (5, 3, 2),  # April and January
    "Aziz": (5, 4, 1),
    "Long": (5, 4, 1),
    "Manfredi": (5, 4, 1),
    "Nigriello": (5, 4, 1),
    "Nolan": (5, 4, 1),
    "Phillips": (5, 4, 1),
    "Riddell": (5, 4, 1),
    "Venables": (5, 4, 1),
    "Wilkinson": (5, 4, 1),
    "James": (3, 3, 0),  # took the chair in October 2022
    "Green": (5, 5, 0),  # interim chair for April and July beside her own seat: expected once at each
    "Brown": (5, 5, 0),  # apologies only in April 2023, the next year
}


def test_the_osp_year_adds_up_member_by_member():
    """22 members: 21 at all five meetings and the new chair at three; 11 apologies; nobody unrecorded."""
    call_command("seed_demo")
    osp = Partnership.objects.get(short_name="OSP")
    found = attendance_records(access=get_access(None), partnership=osp, year=2022)
    records = {r.person.last_name: r for r in found}
    wrong = {
        name: (records[name].expected, records[name].attended, records[name].apologies)
        for name, figures in CASES.items()
        if (records[name].expected, records[name].attended, records[name].apologies) != figures
    }
    assert wrong == {}
    assert len(found) == 22
    assert sum(r.expected for r in found) == 21 * 5 + 3
    assert sum(r.apologies for r in found) == 11
    assert sum(r.attended for r in found) == 97
    assert not any(r.absent or r.not_recorded or r.represented or r.as_substitute for r in found)
    assert all(r.adds_up for r in found)
