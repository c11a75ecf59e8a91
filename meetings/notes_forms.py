"""The forms for members' notes on papers: quote a passage, write a note, share it or not."""

from django import forms

from partnerships.govuk import Form


class ContextField(forms.CharField):
    """The words either side of a highlight, filled in by the viewer: trimmed, never an error."""

    widget = forms.HiddenInput

    def __init__(self, *, keep_end: bool, **kwargs):
        self.keep_end = keep_end
        super().__init__(required=False, strip=False, **kwargs)

    def to_python(self, value):
        value = str(value or "").replace("\x00", "")
        return value[-200:] if self.keep_end else value[:200]


class NoteForm(Form):
    quote = forms.CharField(
        label="Passage",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Copy the words from the paper exactly, or select them in the paper above.",
        error_messages={"required": "Enter the passage your note is about."},
    )
    text = forms.CharField(label="Note", required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 4}))
    page = forms.IntegerField(
        label="Page",
        required=False,
        min_value=1,
        max_value=100_000,
        help_text="Left empty, the page is found from the passage.",
    )
    is_shared = forms.BooleanField(
        label="Share this note with the partnership's members",
        required=False,
        help_text="Otherwise only you can see it.",
    )
    prefix = ContextField(keep_end=True)
    suffix = ContextField(keep_end=False)

    def __init__(self, *args, can_share: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not can_share:
            del self.fields["is_shared"]


class NoteEditForm(Form):
    text = forms.CharField(label="Note", required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 5}))
    is_shared = forms.BooleanField(
        label="Share this note with the partnership's members",
        required=False,
        help_text="Otherwise only you can see it.",
    )

    def __init__(self, *args, can_share: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not can_share:
            del self.fields["is_shared"]
