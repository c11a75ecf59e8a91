"""Overdue theme reports on an officer's home page."""

from django.urls import reverse

from partnerships.home import OFFICER, HomeContext, HomeItem, register_home_section

from .services import report_obligations, themes_supported_by


def overdue_theme_reports(context: HomeContext) -> list[HomeItem]:
    obligations = report_obligations(themes=themes_supported_by(context.access), today=context.today, ahead_days=0)
    items = []
    for obligation in obligations:
        if not obligation.is_overdue:
            continue
        theme, partnership = obligation.theme, obligation.theme.partnership
        if obligation.report is not None:
            url, link = reverse("themes:theme_report_detail", args=[obligation.report.pk]), "Finish the report"
        else:
            url, link = theme.get_absolute_url(), "Start the report"
        items.append(
            HomeItem(
                f"{theme} report for {obligation.period.short_label}: {obligation.when_text}",
                url,
                link,
                detail=f"{partnership.short_name or partnership.name}; was due {obligation.due_on:%-d %B %Y}",
                when=obligation.due_on,
            )
        )
    return items


register_home_section(
    "theme_reports",
    "Overdue theme reports",
    overdue_theme_reports,
    role=OFFICER,
    order=30,
    empty="No theme report is overdue.",
    see_all=("themes:reports_due", "See every theme report due"),
)
