"""The open data page and its downloads: Popolo JSON and CSV, scoped to what the caller may read."""

import datetime as dt
import hashlib
import json

from django.http import Http404, HttpResponse, HttpResponseNotModified
from django.shortcuts import render
from django.utils.cache import patch_vary_headers

from partnerships.access import get_access, get_partnership_for_user
from partnerships.models import financial_year_label, financial_year_of
from partnerships.views.common import paginate

from .attendance import attendance_records
from .decisions import DecisionFilterForm, decisions_register
from .popolo import TABLES, popolo_export
from .tables import COLUMNS, popolo_csv

LICENCE_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"


def _download(request, body: str, content_type: str, filename: str):
    """The file with an ETag, or 304 Not Modified when the caller already has this version."""
    etag = '"' + hashlib.sha256(body.encode()).hexdigest()[:32] + '"'
    wanted = [tag.strip().removeprefix("W/") for tag in request.headers.get("If-None-Match", "").split(",")]
    response = HttpResponseNotModified() if etag in wanted else HttpResponse(body, content_type=content_type)
    response["ETag"] = etag
    response["Cache-Control"] = "private, no-cache" if request.user.is_authenticated else "no-cache"
    if response.status_code == 200:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    patch_vary_headers(response, ["Cookie"])
    return response


def index(request):
    """Every partnership the caller may see, with its downloads, and the whole register's."""
    access = get_access(request.user)
    partnerships = access.visible_partnerships().select_related("parent").order_by("name")
    return render(
        request,
        "opendata/index.html",
        {"partnerships": partnerships, "tables": TABLES, "licence_url": LICENCE_URL, "columns": COLUMNS},
    )


def _export(request, slug):
    if slug is None:
        return popolo_export(access=get_access(request.user)), "roundtable"
    partnership, access = get_partnership_for_user(request.user, slug)
    return popolo_export(access=access, partnership=partnership), partnership.slug


def popolo_json(request, slug=None):
    export, name = _export(request, slug)
    body = json.dumps({"licence": LICENCE_URL, **export}, indent=1, ensure_ascii=False)
    return _download(request, body, "application/json", f"{name}-popolo.json")


def popolo_table(request, table, slug=None):
    if table not in TABLES:
        raise Http404("There is no such table.")
    export, name = _export(request, slug)
    return _download(request, popolo_csv(export, table), "text/csv; charset=utf-8", f"{name}-{table}.csv")


def attendance(request, slug):
    """Each member's attendance over a council year, from the meetings whose record the reader may see."""
    partnership, access = get_partnership_for_user(request.user, slug)
    today = dt.date.today()
    years = sorted(
        {financial_year_of(day) for day in partnership.meetings.filter(date__lte=today).values_list("date", flat=True)},
        reverse=True,
    )
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        year = years[0] if years else financial_year_of(today)
    if year not in years:
        year = years[0] if years else financial_year_of(today)
    records = attendance_records(access=access, partnership=partnership, year=year)
    return render(
        request,
        "opendata/attendance.html",
        {
            "partnership": partnership,
            "records": records,
            "year": year,
            "year_label": financial_year_label(year),
            "years": [(y, financial_year_label(y)) for y in years],
        },
    )


def decisions(request, slug):
    """The partnership's decisions across its meetings, filterable, with each named vote."""
    partnership, access = get_partnership_for_user(request.user, slug)
    register = decisions_register(access=access, partnership=partnership)
    form = DecisionFilterForm(request.GET or None, decisions=register)
    page, querystring = paginate(request, form.apply(register) if form.is_bound else register)
    return render(
        request,
        "opendata/decisions.html",
        {"partnership": partnership, "form": form, "page": page, "querystring": querystring},
    )
