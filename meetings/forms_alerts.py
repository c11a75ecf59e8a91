"""The form that asks for email alerts."""

from django import forms

from partnerships.govuk import Form


class AlertSubscribeForm(Form):
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        help_text="We send a link to confirm it first. Every alert has a link to stop them.",
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
