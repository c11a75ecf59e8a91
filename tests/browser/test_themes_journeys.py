"""A lead officer writes and submits a theme report; an officer revises the plan; an officer uploads
measurements and sees the chart."""

import datetime as dt

from playwright.sync_api import expect

from tests.browser.conftest import check_accessibility, sign_in
from tests.factories import PersonFactory, UserFactory
from tests.themes.factories import IndicatorFactory, PlanFactory, PriorityFactory, ThemeFactory
from themes.models import Measurement, Plan, ThemeReport


def test_lead_officer_drafts_and_submits_a_theme_report(page, cast):
    lead_user = UserFactory(username="lead@example.org")
    lead = PersonFactory(first_name="Mai", last_name="Jarvis", user=lead_user)
    theme = ThemeFactory(partnership=cast.partnership, title="Low Carbon City", lead_officer=lead)
    sign_in(page, "lead@example.org")
    page.goto(f"/themes/{theme.pk}/")
    check_accessibility(page)
    page.get_by_role("button", name="Start the report").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Theme report")
    check_accessibility(page)
    page.get_by_label("Progress since the last report").fill("Retrofit pilot under way in Rose Hill.")
    page.get_by_label("Asks of the steering group").fill("Partners to join the pilot.")
    page.get_by_role("button", name="Save and submit").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Check and submit")
    check_accessibility(page)
    page.get_by_role("button", name="Submit report").click()
    expect(page.get_by_text("has been submitted")).to_be_visible()
    check_accessibility(page)
    report = ThemeReport.objects.get(theme=theme)
    assert report.is_submitted and report.submitted_by == lead_user


def test_officer_revises_the_plan_and_compares_versions(page, cast):
    plan = PlanFactory(partnership=cast.partnership, title="Riverside plan", start_year=2023)
    PriorityFactory(plan=plan, title="Do less better")
    page.on("dialog", lambda dialog: dialog.accept())
    sign_in(page, "officer@example.org")
    page.goto(f"/partnerships/{cast.partnership.slug}/plan/")
    check_accessibility(page)
    page.get_by_role("button", name="Revise the plan").click()
    expect(page.get_by_text("Version 2 has been made from version 1")).to_be_visible()
    check_accessibility(page)
    page.get_by_role("link", name="Add a priority").click()
    page.get_by_label("Title").fill("Focus on impact")
    page.get_by_role("button", name="Add priority").click()
    page.get_by_role("button", name="Adopt this version").click()
    expect(page.get_by_text("Version 2 is now the partnership's plan")).to_be_visible()
    check_accessibility(page)
    page.get_by_role("link", name="Compare with version 1").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("What changed from version 1 to version 2")
    expect(page.get_by_role("table")).to_contain_text("Added")
    check_accessibility(page)
    plan.refresh_from_db()
    assert plan.status == Plan.Status.SUPERSEDED and plan.priorities.count() == 1


def test_officer_uploads_measurements_and_sees_the_chart(page, cast, tmp_path):
    indicator = IndicatorFactory(
        outcome__framework__partnership=cast.partnership, code="bus-journeys", name="Bus journeys", unit=""
    )
    framework = indicator.framework
    sign_in(page, "officer@example.org")
    page.goto(f"/outcomes/{framework.pk}/")
    check_accessibility(page)
    page.get_by_role("link", name="Upload measurements").click()
    check_accessibility(page)
    bad = tmp_path / "bad.csv"
    bad.write_text("indicator,date,value\ntrams,2023-03-31,5\n")
    page.get_by_label("Upload a CSV file").set_input_files(str(bad))
    page.get_by_role("button", name="Upload and check").click()
    expect(page.locator("#import-problems")).to_contain_text("There is no indicator “trams”")
    check_accessibility(page)
    good = tmp_path / "good.csv"
    good.write_text("indicator,date,value\n" + "".join(f"bus-journeys,{2019 + i}-03-31,{18 + i}\n" for i in range(5)))
    page.get_by_label("Upload a CSV file").set_input_files(str(good))
    page.get_by_role("button", name="Upload and check").click()
    expect(page.get_by_text("5 measurements imported")).to_be_visible()
    check_accessibility(page)
    page.get_by_role("link", name="Bus journeys").click()
    expect(page.get_by_role("img", name="Bus journeys: 5 measurements")).to_be_visible()
    check_accessibility(page)
    assert Measurement.objects.filter(indicator=indicator).count() == 5
    assert min(m.measured_on for m in Measurement.objects.all()) == dt.date(2019, 3, 31)
