"""The pages every public-sector service links from its footer: accessibility, privacy and contact."""

import datetime as dt

from django.conf import settings
from django.shortcuts import render

# When the accessibility statement was written and the service last checked; change both when it is reviewed.
STATEMENT_PREPARED = dt.date(2026, 12, 1)
LAST_TESTED = dt.date(2026, 12, 1)


def _owner() -> dict:
    return {
        "owner": settings.ROUNDTABLE_SERVICE_OWNER,
        "contact_email": settings.ROUNDTABLE_CONTACT_EMAIL,
        "contact_phone": settings.ROUNDTABLE_CONTACT_PHONE,
    }


def accessibility(request):
    """The accessibility statement, on the UK public-sector model."""
    return render(
        request,
        "pages/accessibility.html",
        {**_owner(), "prepared": STATEMENT_PREPARED, "tested": LAST_TESTED},
    )


def privacy(request):
    """What the service keeps about people, why, who sees it and how to use one's rights."""
    return render(request, "pages/privacy.html", _owner())


def contact(request):
    """How to reach the team that runs the service."""
    return render(request, "pages/contact.html", _owner())
