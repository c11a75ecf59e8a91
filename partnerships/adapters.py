from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        # Access comes from the register, so logins are issued, not self-made, unless a deployment opts in.
        return settings.ACCOUNT_ALLOW_SIGNUPS
