"""A group's progress reports to the steering group."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from partnerships.concurrency import save_form

from ..access import get_group_for_user
from ..forms import ReportForm
from ..services import report_add


@login_required
@require_http_methods(["GET", "POST"])
def report_add_view(request, pk):
    group, access = get_group_for_user(request.user, pk, write=True)
    form = ReportForm(request.POST or None, group=group)
    if request.method == "POST" and form.is_valid():
        form.instance.recorded_by = request.user
        if report := save_form(form, lambda new, _: report_add(report=new)):
            messages.success(request, f"The report “{report.title}” has been recorded.")
            return redirect(f"{group.get_absolute_url()}#reports")
    return render(
        request, "taskgroups/report_form.html", {"form": form, "group": group, "partnership": group.partnership}
    )
