"""Small helpers shared by the theme views."""

from django.shortcuts import render


def render_form(request, form, *, heading: str, caption: str, back: str, submit: str = "Save", **extra):
    """The one form page most edits use: caption, heading, error summary, fields and a button."""
    context = {"form": form, "heading": heading, "caption": caption, "back": back, "submit": submit, **extra}
    return render(request, extra.pop("template", None) or "themes/form.html", context)
