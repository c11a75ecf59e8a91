"""The sign-in and password forms with errors that say what to do, as the GOV.UK patterns do."""

from allauth.account import forms
from django.contrib.auth.password_validation import password_validators_help_text_html


class LoginForm(forms.LoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["login"].error_messages["required"] = "Enter your email address"
        self.fields["login"].error_messages["invalid"] = (
            "Enter an email address in the right form, like name@example.gov.uk"
        )
        self.fields["password"].error_messages["required"] = "Enter your password"
        # The template links to the reset page; allauth's link in the hint would say it twice.
        self.fields["password"].help_text = ""


class ResetPasswordForm(forms.ResetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].error_messages["required"] = "Enter the email address of your login"
        self.fields["email"].error_messages["invalid"] = (
            "Enter an email address in the right form, like name@example.gov.uk"
        )


def _new_password_messages(form) -> None:
    if "password1" in form.fields:
        form.fields["password1"].error_messages["required"] = "Enter a new password"
        # The rules the password must meet, before anyone is told they broke one.
        form.fields["password1"].help_text = password_validators_help_text_html()
    if "password2" in form.fields:
        form.fields["password2"].error_messages["required"] = "Enter the new password again"
    if "oldpassword" in form.fields:
        form.fields["oldpassword"].error_messages["required"] = "Enter your current password"


class ResetPasswordKeyForm(forms.ResetPasswordKeyForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _new_password_messages(self)


class ChangePasswordForm(forms.ChangePasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _new_password_messages(self)


class SetPasswordForm(forms.SetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _new_password_messages(self)
