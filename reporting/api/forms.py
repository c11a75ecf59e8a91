from django import forms

from partnerships.govuk import Form


class TokenForm(Form):
    name = forms.CharField(
        label="What is this token for?",
        max_length=100,
        help_text="For example 'Open data harvester'. It helps you tell your tokens apart.",
        error_messages={"required": "Enter what the token is for."},
    )
