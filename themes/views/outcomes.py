from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from partnerships.access import Level, get_partnership_for_user
from partnerships.concurrency import save_form
from partnerships.fragments import fragment_key, lazy_context, record_state
from partnerships.views.common import render_partial

from ..access import (
    get_commitment_for_user,
    get_framework_for_user,
    get_indicator_for_user,
    get_outcome_for_user,
)
from ..charts import Point, indicator_chart, indicator_charts
from ..forms import CommitmentForm, FrameworkForm, ImportForm, IndicatorForm, MeasurementForm, OutcomeForm
from ..models import Commitment, Framework, Measurement, Outcome
from ..services import CSV_COLUMNS, indicator_trend, measurement_add, measurement_remove, measurements_import
from .common import render_form


def framework_list(request, slug):
    partnership, access = get_partnership_for_user(request.user, slug)
    frameworks = list(partnership.frameworks.prefetch_related("outcomes"))
    return render(
        request,
        "themes/framework_list.html",
        {"partnership": partnership, "frameworks": frameworks, "can_edit": access.level(partnership) >= Level.EDIT},
    )


def framework_dashboard(request, pk):
    """Every outcome with its commitments and indicators, each charted against its target."""
    framework, access = get_framework_for_user(request.user, pk)
    context = {
        "framework": framework,
        "partnership": framework.partnership,
        "can_edit": access.level(framework.partnership) >= Level.EDIT,
        # The charts and cards are read only when the cached dashboard is missing.
        "fragment_key": fragment_key(
            "themes:framework_dashboard", access=access, depends=DASHBOARD_TABLES, parts=(record_state(framework),)
        ),
        **lazy_context(lambda: _dashboard(framework), ("outcomes", "any_illustrative")),
    }
    return render(request, "themes/framework_dashboard.html", context)


DASHBOARD_TABLES = ("themes.framework", "themes.outcome", "themes.commitment", "themes.indicator")
DASHBOARD_TABLES = (*DASHBOARD_TABLES, "themes.measurement", "partnerships.partnership")


def _dashboard(framework) -> dict:
    indicators = list(framework.indicators.select_related("outcome", "commitment"))
    # 5,000 measurements are read as plain rows: building model instances for each would cost more than the page.
    series: dict[int, list[Point]] = {indicator.pk: [] for indicator in indicators}
    for indicator_id, measured_on, value in (
        Measurement.objects.filter(indicator__framework=framework)
        .order_by("indicator_id", "measured_on")
        .values_list("indicator_id", "measured_on", "value")
    ):
        series[indicator_id].append(Point(measured_on, value))
    pairs = [(indicator, series[indicator.pk]) for indicator in indicators]
    charts = indicator_charts(pairs, size="small")
    cards: dict[int, list] = {}
    for indicator, measurements in pairs:
        cards.setdefault(indicator.outcome_id, []).append(
            {"indicator": indicator, "chart": charts[indicator.pk], "trend": indicator_trend(indicator, measurements)}
        )
    outcomes = list(framework.outcomes.prefetch_related("commitments"))
    return {
        "outcomes": [{"outcome": o, "cards": cards.get(o.pk, [])} for o in outcomes],
        "any_illustrative": any(i.is_illustrative for i in indicators),
    }


@login_required
@require_http_methods(["GET", "POST"])
def framework_add(request, slug):
    partnership, access = get_partnership_for_user(request.user, slug, write=True)
    form = FrameworkForm(request.POST or None, instance=Framework(partnership=partnership))
    if request.method == "POST" and form.is_valid() and (framework := save_form(form)):
        messages.success(request, f"{framework.name} has been added. Add its outcomes next.")
        return redirect(framework)
    return render_form(
        request,
        form,
        heading="Add an outcomes framework",
        caption=partnership.name,
        back=f"/partnerships/{slug}/outcomes/",
    )


@login_required
@require_http_methods(["GET", "POST"])
def framework_edit(request, pk):
    framework, access = get_framework_for_user(request.user, pk, write=True)
    form = FrameworkForm(request.POST or None, instance=framework)
    if request.method == "POST" and form.is_valid() and save_form(form):
        messages.success(request, "Your changes have been saved.")
        return redirect(framework)
    return render_form(
        request,
        form,
        heading=f"Change {framework.name}",
        caption=framework.partnership.name,
        back=framework.get_absolute_url(),
    )


@login_required
@require_http_methods(["GET", "POST"])
def outcome_add(request, pk):
    framework, access = get_framework_for_user(request.user, pk, write=True)
    form = OutcomeForm(
        request.POST or None, instance=Outcome(framework=framework), initial={"order": framework.outcomes.count() + 1}
    )
    if request.method == "POST" and form.is_valid() and (outcome := save_form(form)):
        messages.success(request, f"The outcome {outcome.name} has been added.")
        return redirect(framework)
    return render_form(
        request, form, heading="Add an outcome", caption=framework.name, back=framework.get_absolute_url()
    )


@login_required
@require_http_methods(["GET", "POST"])
def outcome_edit(request, pk):
    outcome, access = get_outcome_for_user(request.user, pk, write=True)
    form = OutcomeForm(request.POST or None, instance=outcome)
    if request.method == "POST" and form.is_valid() and save_form(form):
        messages.success(request, "Your changes have been saved.")
        return redirect(outcome.framework)
    return render_form(
        request,
        form,
        heading=f"Change the {outcome.name} outcome",
        caption=outcome.framework.name,
        back=outcome.framework.get_absolute_url(),
    )


@login_required
@require_http_methods(["GET", "POST"])
def commitment_add(request, pk):
    outcome, access = get_outcome_for_user(request.user, pk, write=True)
    form = CommitmentForm(
        request.POST or None, instance=Commitment(outcome=outcome), initial={"order": outcome.commitments.count() + 1}
    )
    if request.method == "POST" and form.is_valid() and (commitment := save_form(form)):
        messages.success(request, f"The commitment {commitment.name} has been added.")
        return redirect(outcome.framework)
    return render_form(
        request,
        form,
        heading=f"Add a commitment to {outcome.name}",
        caption=outcome.framework.name,
        back=outcome.framework.get_absolute_url(),
    )


@login_required
@require_http_methods(["GET", "POST"])
def commitment_edit(request, pk):
    commitment, access = get_commitment_for_user(request.user, pk, write=True)
    framework = commitment.outcome.framework
    form = CommitmentForm(request.POST or None, instance=commitment)
    if request.method == "POST" and form.is_valid() and save_form(form):
        messages.success(request, "Your changes have been saved.")
        return redirect(framework)
    return render_form(
        request,
        form,
        heading=f"Change the commitment {commitment.name}",
        caption=framework.name,
        back=framework.get_absolute_url(),
    )


@login_required
@require_http_methods(["GET", "POST"])
def indicator_add(request, pk):
    framework, access = get_framework_for_user(request.user, pk, write=True)
    form = IndicatorForm(request.POST or None, framework=framework)
    if request.method == "POST" and form.is_valid() and (indicator := save_form(form)):
        messages.success(request, f"The indicator {indicator.name} has been added.")
        return redirect(indicator)
    return render_form(
        request, form, heading="Add an indicator", caption=framework.name, back=framework.get_absolute_url()
    )


@login_required
@require_http_methods(["GET", "POST"])
def indicator_edit(request, pk):
    indicator, access = get_indicator_for_user(request.user, pk, write=True)
    form = IndicatorForm(request.POST or None, instance=indicator, framework=indicator.framework)
    if request.method == "POST" and form.is_valid() and save_form(form):
        messages.success(request, "Your changes have been saved.")
        return redirect(indicator)
    return render_form(
        request,
        form,
        heading=f"Change {indicator.name}",
        caption=indicator.framework.name,
        back=indicator.get_absolute_url(),
    )


def _indicator_context(indicator, access, form=None):
    measurements = list(indicator.measurements.order_by("measured_on"))
    can_edit = access.level(indicator.framework.partnership) >= Level.EDIT
    return {
        "indicator": indicator,
        "framework": indicator.framework,
        "partnership": indicator.framework.partnership,
        "measurements": measurements,
        "chart": indicator_chart(indicator, measurements, size="full"),
        "trend": indicator_trend(indicator, measurements),
        "can_edit": can_edit,
        "form": form or (MeasurementForm(indicator=indicator) if can_edit else None),
    }


@require_http_methods(["GET", "POST"])
def indicator_detail(request, pk):
    """The indicator's chart and figures; officers add a measurement here (htmx swaps the chart in place)."""
    indicator, access = get_indicator_for_user(request.user, pk, write=request.method == "POST")
    form = None
    if request.method == "POST":
        form = MeasurementForm(request.POST, indicator=indicator)
        if form.is_valid() and save_form(form, lambda new, _: measurement_add(measurement=new)):
            messages.success(request, "The measurement has been added.")
            if not request.htmx:
                return redirect(indicator)
            form = None
    context = _indicator_context(indicator, access, form)
    return render_partial(request, "themes/indicator_detail.html", context, "measurements")


@login_required
@require_POST
def measurement_delete(request, pk):
    indicator, access = get_indicator_for_user(request.user, pk, write=True)
    measurement = indicator.measurements.filter(pk=request.POST.get("measurement", "0") or 0).first()
    if measurement is not None:
        measurement_remove(measurement=measurement)
        messages.success(request, f"The measurement for {measurement.measured_on:%-d %B %Y} has been removed.")
    return redirect(indicator)


def indicator_chart_svg(request, pk):
    """The chart as an SVG file with its own styles, to download or put in a document."""
    indicator, access = get_indicator_for_user(request.user, pk)
    svg = indicator_chart(indicator, size="full", standalone=True)
    response = HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{indicator.code}.svg"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def measurement_import(request, pk):
    """Measurements from a CSV upload: every row checked, nothing saved unless all are right."""
    framework, access = get_framework_for_user(request.user, pk, write=True)
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        result = measurements_import(framework=framework, upload=form.cleaned_data["file"])
        if result.ok:
            messages.success(request, f"{result.created} measurement{'s' if result.created != 1 else ''} imported.")
            return redirect(framework)
        form.add_error(
            "file",
            f"The file has {len(result.errors)} problem{'s' if len(result.errors) != 1 else ''}, listed below. Nothing has been imported.",
        )
    return render(
        request,
        "themes/measurement_import.html",
        {
            "form": form,
            "framework": framework,
            "partnership": framework.partnership,
            "result": result,
            "columns": CSV_COLUMNS,
            "indicators": list(framework.indicators.only("code", "name")),
        },
    )
