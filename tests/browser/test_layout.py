"""The demonstration partnerships' pages, full of real-sized tables, at 320 px wide: nothing scrolls sideways.

tests/browser/test_crawl.py checks every page the URL list names on the fixed cast's small records; these pages
carry the long names, wide tables and charts of real partnerships, and axe checks each shape of page once.

WCAG 2.2 success criterion 1.4.10 (Reflow): content reflows to 320 CSS pixels without scrolling in two
directions, except for parts such as data tables, which may scroll inside their own focusable region.
"""

from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import expect

from meetings.models import Meeting
from partnerships.models import Organisation, Partnership, PartnershipOfficer, Person
from reporting.models import Report
from taskgroups.models import Challenge, TaskGroup
from tests.browser.conftest import check_accessibility, page_problems, sign_in
from tests.factories import UserFactory, make_clerk, make_officer
from themes.models import Framework, Indicator, Plan, Theme, ThemeReport


def _demo():
    call_command("seed_demo", verbosity=0)
    osp = Partnership.objects.get(short_name="OSP")
    users = {
        "officer": make_officer(osp, username="layout.officer@example.org"),
        "clerk": make_clerk(
            Organisation.objects.get(name="Cambridge City Council"),
            username="cambridge.clerk.with.a.long.address@example.org",
        ),
        "member": UserFactory(username="layout.member@example.org"),
    }
    Person.objects.filter(first_name="Paul", last_name="James").update(user=users["member"])
    # The officer also looks after the partnerships whose outcomes framework and groups are shown.
    for record in (Framework.objects.first(), TaskGroup.objects.first(), Challenge.objects.first()):
        if record is not None:
            PartnershipOfficer.objects.get_or_create(user=users["officer"], partnership=record.partnership)
    return osp


def _pages(osp) -> dict[str, list[str]]:
    meeting = Meeting.objects.filter(partnership=osp, agenda_published_at__isnull=False).order_by("-date").first()
    theme = Theme.objects.filter(partnership=osp).first()
    theme_report = ThemeReport.objects.filter(theme__partnership=osp).first()
    plan = Plan.objects.filter(partnership=osp).order_by("-pk").first()
    framework = Framework.objects.first()
    indicator = Indicator.objects.filter(measurements__isnull=False, framework=framework).first()
    challenge = Challenge.objects.first()
    group = TaskGroup.objects.first()
    person = Person.objects.filter(memberships__partnership=osp).first()
    council = Organisation.objects.get(name="Cambridge City Council")
    # The council's own review: the demonstration also holds the OSP's reports, which its clerk does not read.
    report = Report.objects.filter(status="done", organisation=council).first()
    slug = osp.slug
    public = [
        "/",
        reverse("partnerships:partnership_list"),
        reverse("partnerships:partnership_detail", args=[slug]),
        reverse("partnerships:membership_list", args=[slug]),
        reverse("partnerships:partnership_tree", args=[slug]),
        reverse("meetings:calendar"),
        reverse("meetings:meeting_list", args=[slug]),
        reverse("meetings:meeting_detail", args=[meeting.pk]),
        reverse("accessibility"),
        reverse("privacy"),
        reverse("contact"),
        reverse("account_login"),
        reverse("account_reset_password"),
    ]
    member = [
        "/",
        reverse("meetings:my_meetings"),
        reverse("meetings:meeting_detail", args=[meeting.pk]),
        reverse("meetings:declarations", args=[meeting.pk]),
        reverse("meetings:action_list", args=[slug]),
        reverse("themes:theme_list", args=[slug]),
        reverse("reporting:partnership_reports", args=[slug]),
        reverse("account_change_password"),
    ]
    officer = [
        "/",
        reverse("partnerships:partnership_detail", args=[slug]),
        reverse("partnerships:membership_list", args=[slug]),
        reverse("partnerships:partnership_money", args=[slug]),
        reverse("partnerships:partnership_history", args=[slug]),
        reverse("partnerships:partnership_edit", args=[slug]),
        reverse("partnerships:person_list"),
        reverse("partnerships:person_detail", args=[person.pk]),
        reverse("partnerships:organisation_list"),
        reverse("partnerships:organisation_detail", args=[council.slug]),
        reverse("meetings:meeting_list", args=[slug]),
        reverse("meetings:meeting_detail", args=[meeting.pk]),
        reverse("meetings:meeting_edit", args=[meeting.pk]),
        reverse("meetings:attendance", args=[meeting.pk]),
        reverse("meetings:minutes", args=[meeting.pk]),
        reverse("meetings:meeting_create", args=[slug]),
        reverse("meetings:standing_items", args=[slug]),
        reverse("themes:theme_list", args=[slug]),
        reverse("themes:theme_detail", args=[theme.pk]),
        reverse("themes:reports_due"),
        reverse("themes:achievement_list", args=[slug]),
        reverse("themes:plan_overview", args=[slug]),
        reverse("themes:plan_detail", args=[plan.pk]),
        reverse("themes:plan_compare", args=[plan.pk]),
        reverse("themes:framework_list", args=[slug]),
        reverse("taskgroups:challenge_list", args=[slug]),
        reverse("taskgroups:group_list", args=[slug]),
        reverse("taskgroups:overview"),
        reverse("reporting:partnership_reports", args=[slug]),
        reverse("reporting:report_index"),
    ]
    if theme_report:
        officer.append(reverse("themes:theme_report_detail", args=[theme_report.pk]))
    if framework:
        officer.append(reverse("themes:framework_dashboard", args=[framework.pk]))
    if indicator:
        officer.append(reverse("themes:indicator_detail", args=[indicator.pk]))
    if challenge:
        officer.append(reverse("taskgroups:challenge_detail", args=[challenge.pk]))
    if group:
        officer.append(reverse("taskgroups:group_detail", args=[group.pk]))
    clerk = [
        "/",
        reverse("reporting:report_index"),
        reverse("reporting:organisation_reviews", args=[council.slug]),
    ]
    if report:
        clerk.append(reverse("reporting:report_detail", args=[report.pk]))
    return {
        "public": public,
        "layout.member@example.org": member,
        "layout.officer@example.org": officer,
        "cambridge.clerk.with.a.long.address@example.org": clerk,
    }


def test_no_page_scrolls_sideways_at_320_px_and_the_header_and_menu_fit(page, transactional_db):
    osp = _demo()
    page.set_viewport_size({"width": 320, "height": 800})
    problems = []
    shapes = set()
    for who, paths in _pages(osp).items():
        if who != "public":
            page.context.clear_cookies()
            sign_in(page, who)
        for path in paths:
            response = page.goto(path)
            assert response.ok, f"{path} as {who}: {response.status}"
            problems.extend(f"{path} as {who}: {problem}" for problem in page_problems(page, shapes))
    assert not problems, "Pages wider than 320 px:\n" + "\n".join(problems)
    _header_and_menu(page, osp)


def _header_and_menu(page, osp):
    """The signed-in line wraps at 320 px; at 1280 px the menu and the tabs keep to one row."""
    page.context.clear_cookies()
    sign_in(page, "cambridge.clerk.with.a.long.address@example.org")
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto("/")
    user = page.locator(".rt-header__user")
    box = user.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 320, box
    expect(user).to_contain_text("cambridge.clerk.with.a.long.address@example.org")

    page.context.clear_cookies()
    sign_in(page, "layout.officer@example.org")
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(reverse("partnerships:partnership_detail", args=[osp.slug]))
    expect(page.locator(".rt-header__user")).to_contain_text("Signed in as")
    items = page.locator(".govuk-service-navigation__item")
    tops = {round(items.nth(i).bounding_box()["y"]) for i in range(items.count())}
    assert len(tops) == 1, f"the menu wraps onto {len(tops)} rows at 1280 px"
    tabs = page.locator(".rt-tabs__item")
    assert tabs.count() <= 7
    assert len({round(tabs.nth(i).bounding_box()["y"]) for i in range(tabs.count())}) == 1
    # A page beneath a tab keeps the tab marked and lists its neighbours.
    page.goto(reverse("themes:plan_overview", args=[osp.slug]))
    expect(page.locator(".rt-tabs__link--current")).to_have_text("Themes")
    expect(page.get_by_role("navigation", name="Themes pages").get_by_role("link", name="Plan")).to_have_attribute(
        "aria-current", "page"
    )
    check_accessibility(page)
