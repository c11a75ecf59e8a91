"""Officers keep the forward programme: what the Chair takes forward in the year, and future workshop topics."""

import datetime as dt

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from partnerships.access import Level, get_access, get_partnership_for_user, require_level
from partnerships.govuk import DateField, ModelForm

from .models import ProgrammeItem
from .services import programme_item_save, programme_item_take_off


class ProgrammeItemForm(ModelForm):
    kind = forms.ChoiceField(label="Kind", choices=ProgrammeItem.Kind.choices, initial=ProgrammeItem.Kind.PROGRAMME)

    class Meta:
        model = ProgrammeItem
        fields = ["text", "kind", "year", "added_on", "removed_on"]
        labels = {"text": "What the item says", "year": "Year of the programme"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["added_on"] = DateField(label="Date added to the programme", help_text="For example, 8 11 2022.")
        self.fields["removed_on"] = DateField(
            label="Date taken off the programme (optional)", required=False, help_text="Leave empty while it stands."
        )
        self.fields["text"].error_messages["required"] = "Enter what the item says."
        self.fields["year"].error_messages["required"] = "Enter the year of the programme, for example 2023."
        if not self.instance.pk:
            self.initial.setdefault("added_on", dt.date.today())
            self.initial.setdefault("year", dt.date.today().year)

    def clean_year(self):
        year = self.cleaned_data["year"]
        if year is not None and not 1990 <= year <= 2100:
            raise forms.ValidationError("Enter a year between 1990 and 2100, for example 2023.")
        return year


@login_required
@require_http_methods(["GET", "POST"])
def programme_list(request, slug):
    """The partnership's forward programme, with a form to add an item and a button to take one off."""
    partnership, access = get_partnership_for_user(request.user, slug, write=True)
    form = ProgrammeItemForm(request.POST or None)
    if request.method == "POST":
        take_off = request.POST.get("take_off")
        if take_off:
            item = partnership.programme_items.filter(pk=take_off).first()
            if item is not None and item.removed_on is None:
                programme_item_take_off(item=item, on=dt.date.today())
                messages.success(request, f"“{item.text}” is taken off the forward programme.")
            return redirect("meetings:programme", slug=partnership.slug)
        if form.is_valid():
            item = form.save(commit=False)
            item.partnership = partnership
            programme_item_save(item=item)
            messages.success(request, f"“{item.text}” is on the forward programme for {item.year}.")
            return redirect("meetings:programme", slug=partnership.slug)
    items = list(partnership.programme_items.order_by("-year", "kind", "position", "pk"))
    return render(
        request,
        "meetings/programme.html",
        {"partnership": partnership, "items": items, "form": form, "today": dt.date.today()},
    )


@login_required
@require_http_methods(["GET", "POST"])
def programme_item_edit(request, pk):
    """Change an item of the forward programme."""
    item = get_object_or_404(ProgrammeItem.objects.select_related("partnership"), pk=pk)
    require_level(get_access(request.user), item.partnership, Level.EDIT)
    form = ProgrammeItemForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        programme_item_save(item=form.save(commit=False))
        messages.success(request, "The forward programme item is saved.")
        return redirect("meetings:programme", slug=item.partnership.slug)
    return render(
        request, "meetings/programme_item_form.html", {"partnership": item.partnership, "item": item, "form": form}
    )
